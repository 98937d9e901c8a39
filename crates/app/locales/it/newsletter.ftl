# La newsletter: modulo d'iscrizione, conferma, cancellazione, e-mail; le notizie nel back office.

newsletter-title = Newsletter delle offerte di lavoro
newsletter-home-link = Ricevi le nuove offerte per e-mail
newsletter-intro = Ricevi per e-mail le nuove offerte dei centri e delle sezioni che scegli, ogni giorno o ogni settimana, e le notizie dei centri.
newsletter-privacy = Usiamo il tuo indirizzo solo per la newsletter. Ti scriviamo prima per chiederti di confermare; ogni messaggio ha un link per cancellarti.
newsletter-email-hint = Ti invieremo un link per confermare l'iscrizione.
newsletter-language = Lingua dei messaggi
newsletter-centres = Centri per l'impiego
newsletter-sections = Sezioni
newsletter-frequency = Ogni quanto
newsletter-frequency-weekly = Una volta a settimana, il lunedì
newsletter-frequency-daily = Ogni giorno
newsletter-subscribe = Iscriviti
newsletter-email-invalid = Scrivi un indirizzo e-mail valido, per esempio nome@esempio.it.
newsletter-centre-required = Scegli almeno un centro.
newsletter-centre-unknown = Uno dei centri scelti non esiste: scegli tra quelli dell'elenco.
newsletter-section-required = Scegli almeno una sezione.
newsletter-section-unknown = Una delle sezioni scelte non esiste: scegli tra quelle dell'elenco.
newsletter-too-many = Troppe richieste da questa rete. Riprova tra { $seconds } secondi.
newsletter-sent-title = Controlla la tua casella di posta
newsletter-check-mailbox = Abbiamo inviato a { $email } un messaggio con un link per confermare. L'iscrizione vale solo dopo la conferma.
newsletter-check-mailbox-hint = Il link vale 48 ore. Se il messaggio non arriva, guarda anche nella posta indesiderata.
newsletter-bad-link-title = Questo link non funziona
newsletter-bad-link-again = Puoi ricominciare dal modulo d'iscrizione.
newsletter-confirm-bad = Il link di conferma è scaduto (vale 48 ore) oppure è stato modificato. Non è stato salvato niente.
newsletter-confirm-stale = Questo link di conferma è più vecchio della tua ultima conferma o cancellazione, quindi non vale più. Non è cambiato niente.
newsletter-unsubscribe-bad = Il link per cancellarti è stato modificato o non è completo. Non è stato cambiato niente.
newsletter-confirm-title = Conferma l'iscrizione
newsletter-confirm-for = Iscrizione per { $email }:
newsletter-confirm-action = Conferma l'iscrizione
newsletter-confirmed-title = Iscrizione confermata
newsletter-confirmed-text = Da ora { $email } riceverà le nuove offerte scelte. Ogni messaggio ha un link per cancellarsi o cambiare le scelte.
newsletter-unsubscribe-title = Cancellati dalla newsletter
newsletter-unsubscribe-for = Vuoi che { $email } non riceva più la newsletter?
newsletter-unsubscribe-action = Cancellami
newsletter-unsubscribed-title = Non riceverai più la newsletter
newsletter-unsubscribed-text = L'indirizzo è stato cancellato dalla newsletter. Puoi iscriverti di nuovo quando vuoi.
newsletter-all-centres = tutti
newsletter-choice-centres = Centri: { $value }
newsletter-choice-sections = Sezioni: { $value }
newsletter-choice-frequency = Ogni quanto: { $value }
newsletter-confirm-subject = Conferma l'iscrizione alla newsletter delle offerte di lavoro
newsletter-confirm-intro = Qualcuno, probabilmente tu, ha chiesto di ricevere a questo indirizzo le nuove offerte di lavoro dei centri per l'impiego, con queste scelte:
newsletter-already-subject = Sei già iscritto alla newsletter delle offerte di lavoro
newsletter-already-intro = Qualcuno, probabilmente tu, ha chiesto di iscrivere questo indirizzo, che riceve già la newsletter. Se vuoi usare queste scelte al posto di quelle attuali, conferma con il pulsante:
newsletter-already-action = Usa queste scelte
newsletter-confirm-expires = Il link vale 48 ore. Se non sei stato tu, ignora questo messaggio: senza conferma non cambia niente.
newsletter-confirm-footer = Sportello, le offerte di lavoro dei centri per l'impiego.
newsletter-digest-subject = { $count ->
    [one] Una nuova offerta di lavoro per te
   *[other] { $count } nuove offerte di lavoro per te
}
newsletter-digest-subject-some = Le { $shown } più recenti di { $count } nuove offerte di lavoro per te
newsletter-digest-intro = Ecco le nuove offerte dei centri e delle sezioni che hai scelto, pubblicate dall'ultimo messaggio e ancora aperte.
newsletter-digest-more = Questo messaggio elenca le { $shown } più recenti delle { $count } nuove offerte. Le vedi tutte qui: { $url }
newsletter-digest-item = { $reference } · { $place } · { $centre } · scade il { $date }
newsletter-digest-search = Tutte le offerte aperte: { $url }
newsletter-news-intro = Notizie dal { $centre }:
newsletter-mail-footer = Ricevi questo messaggio perché ti sei iscritto alla newsletter di Sportello.
newsletter-unsubscribe-link = Cancellati dalla newsletter
newsletter-preferences-link = Cambia le tue scelte
office-newsletter-title = Newsletter
office-newsletter-intro = Scrivi una notizia per chi è iscritto alla newsletter del tuo centro: la vedrà nella sua lingua, o in italiano se non l'hai tradotta.
office-news-past = Notizie già scritte
office-news-subject = Oggetto
office-news-written = Scritta
office-news-sent = Inviata
office-news-sent-to = { $count ->
    [one] Inviata a 1 persona il { $date }
   *[other] Inviata a { $count } persone il { $date }
}
office-news-not-sent = Non ancora inviata
office-news-new = Nuova notizia
office-news-markdown-hint = Il testo può usare **grassetto**, *corsivo*, elenchi con "- " e link [testo](https://…). L'italiano è obbligatorio, le altre lingue no.
office-news-required = obbligatorio
office-news-body = Testo
office-news-preview = Salva e vedi l'anteprima
office-news-italian-required = Scrivi l'oggetto e il testo in italiano.
office-news-incomplete = Scrivi sia l'oggetto sia il testo, oppure lascia vuoti entrambi.
office-news-too-long = L'oggetto ha al massimo 200 caratteri su una riga, il testo al massimo 20.000.
office-news-preview-title = Notizia: { $subject }
office-news-will-reach = { $count ->
    [one] La notizia arriverà a 1 persona iscritta.
   *[other] La notizia arriverà a { $count } persone iscritte.
}
office-news-send = Invia ora
office-news-preview-in = Anteprima in { $language }
audit-news-create = Notizia scritta
audit-news-send = Notizia inviata
