## Group meetings: the public list, the event page, registration, and the
## messages about a registration.

events-title = Incontri di gruppo
events-intro = Incontri dei Centri per l'Impiego, in sala oppure online: servizi, ricerca di lavoro, opportunità in Italia e all'estero. Sono gratuiti; iscriviti per avere un posto.
events-subscribe = Ricevi gli incontri di questo centro nel tuo calendario (.ics)
events-board-link = Incontri di gruppo di questo centro
events-next = Prossimi incontri di gruppo
events-filter-legend = Scegli
events-filter-centre = Centro
events-filter-centre-any = Tutti i centri
events-filter-audience = Per chi
events-filter-audience-any = Per tutti
events-filter-where = Dove
events-filter-where-any = In sala oppure online
events-filter-where-online = Online
events-filter-where-room = In sala
events-filter-submit = Mostra
events-none = Nessun incontro in programma corrisponde a questa scelta.
events-count = { $count ->
    [one] Un incontro
   *[other] { $count } incontri
}
event-audience-everyone = Per tutti
event-audience-young_people = Per i giovani
event-audience-foreign_residents = Per i cittadini stranieri
event-audience-mirato = Per le persone iscritte alle liste della Legge 68/1999 (Collocamento Mirato)
event-organiser = Organizzato da
event-partners = Con
event-sessions = Date
event-series-note = Una sola iscrizione vale per tutti gli incontri del ciclo.
event-session-when = Quando
event-session-where = Dove
event-session-seats = Posti
event-seats-free = { $count ->
    [one] Un posto libero
   *[other] { $count } posti liberi
}
event-seats-full = Completo: puoi entrare in lista d'attesa
event-session-cancelled = Annullato
event-session-closed = Iscrizioni chiuse
event-online = Online
event-register-title = Iscriviti
event-register-session = Data
event-register-submit = Iscriviti
event-details-legend = Chi si iscrive
event-privacy = Usiamo questi dati solo per gestire questa iscrizione.
event-waiting-note = Quando tutti i posti sono presi entri in lista d'attesa: se un posto si libera te lo offriamo per e-mail o SMS e lo teniamo per te per qualche tempo.
event-online-note = L'indirizzo della sala online viene dato solo alle persone iscritte.
event-nothing-open = Le iscrizioni a questo incontro sono chiuse.
event-reference = Codice dell'iscrizione
event-page-title = Iscrizione { $reference }
event-status-label = Il tuo posto
event-status-confirmed = Posto confermato
event-status-waiting = Lista d'attesa: numero { $position }
event-status-offered = Posto tenuto per te fino a { $deadline }: confermalo
event-status-lapsed = Offerta del posto scaduta
event-status-cancelled = Annullata
event-status-attended = Presente
event-status-no_show = Assente
event-confirm-seat = Confermo il mio posto
event-cancel-session = Annulla questa iscrizione
event-ics = Aggiungi al mio calendario (.ics)
event-cancelled-done = La tua iscrizione è stata annullata.
event-confirmed-done = Il tuo posto è confermato.
event-token-title = Questo collegamento non funziona
event-token-text = Il collegamento è incompleto o non valido. Usa il collegamento dell'ultimo messaggio che ti abbiamo mandato.
event-link-expired-title = Questo collegamento è scaduto
event-link-expired-text = L'incontro si è concluso: l'iscrizione non si può più aprire.
event-sent-title = Controlla i tuoi messaggi
event-sent-text = Abbiamo mandato a { $contacts } un messaggio con la tua iscrizione: per ogni data, il posto o il tuo numero in lista d'attesa, e il collegamento per confermarla o annullarla.
event-sent-one = Se eri già iscritto, il messaggio ti ripropone quell'iscrizione.
event-closed-title = Non è possibile iscriversi
event-closed-past = Questo incontro è già iniziato o concluso.
event-closed-cancelled = Questo incontro è stato annullato.
event-closed-registration = Le iscrizioni a questo incontro sono chiuse.
event-no-session = Scegli una data.
event-too-late-title = Questa iscrizione non si può modificare
event-too-late-text = È stata annullata, l'offerta del posto è scaduta oppure l'incontro è iniziato.
event-offer-lapsed-text = Il tempo per confermare il posto è scaduto: è passato alla persona successiva in lista d'attesa.
event-back = Torna agli incontri di gruppo
event-poster-title = Incontro: { $title }
event-poster-number = Incontro n.
event-poster-centre = Informazioni
event-poster-register = Gratuito. Iscriviti su { $url } (inquadra il codice) oppure al centro.
event-poster-link = Stampa il manifesto (PDF)
mail-registration-subject = Iscrizione: { $title }
mail-registration-intro = Ecco la tua iscrizione a «{ $title }»: per ogni data, il posto o il tuo numero in lista d'attesa.
mail-registration-offer-subject = Si è liberato un posto per te: { $title }
mail-registration-offer-intro = Si è liberato un posto a «{ $title }» e lo teniamo per te. Confermalo con il collegamento qui sotto entro l'ora indicata; altrimenti passa alla persona successiva in lista d'attesa.
mail-registration-cancelled-subject = Iscrizione annullata: { $title }
mail-registration-cancelled-intro = La tua iscrizione a «{ $title }» è stata annullata.
mail-registration-lapsed-subject = Offerta del posto scaduta: { $title }
mail-registration-lapsed-intro = Il posto tenuto per te a «{ $title }» non è stato confermato in tempo ed è passato alla persona successiva in lista d'attesa.
mail-registration-reminder-subject = Promemoria: { $title }
mail-registration-reminder-intro = Ti ricordiamo la tua iscrizione a «{ $title }». Se non puoi venire, annullala: il tuo posto passa alla persona successiva in lista d'attesa.
mail-registration-existing-subject = La tua iscrizione: { $title }
mail-registration-existing-intro = Qualcuno ha chiesto di iscriverti a «{ $title }», a cui sei già iscritto. Ecco la tua iscrizione; se non sei stato tu, non devi fare nulla.
mail-registration-manage = Per vedere, confermare o annullare l'iscrizione apri questo indirizzo:
mail-registration-manage-link = Vedi, conferma o annulla l'iscrizione
sms-registration = { $centre }: { $title } - { $when }. { $link }
sms-registration-offer = { $centre }: si è liberato un posto per te a { $title } - { $when }. Confermalo: { $link }
sms-registration-cancelled = { $centre }: iscrizione annullata, { $title } - { $when }.
sms-registration-lapsed = { $centre }: l'offerta del posto per { $title } è scaduta. { $link }
sms-registration-reminder = { $centre }: promemoria, { $title } - { $when }. Per annullare: { $link }
sms-registration-existing = { $centre }: sei già iscritto a { $title } - { $when }. { $link }
office-events-title = Incontri del centro
office-events-intro = Gli incontri con sessioni dall'ultimo mese ai prossimi quattro mesi. L'elenco degli iscritti si stampa senza il menu.
office-events-none = Nessun incontro in questo periodo.
office-events-counts = { $taken } posti occupati su { $seats }, { $waiting } in lista d'attesa
office-events-list-link = Elenco degli iscritti
office-events-mirato-only = l'elenco degli iscritti è visibile solo al Collocamento Mirato
office-events-back = Tutti gli incontri del centro
office-session-title = { $title }, { $when }
office-session-list = Iscritti
office-session-name = Nome
office-session-contacts = Contatti
office-session-status = Stato
office-session-needs = Esigenze
office-session-attendance = Presenza
office-session-attended = Presente
office-session-no-show = Assente
office-session-undo = Da segnare
office-session-marked = Presenza registrata.
office-session-not-started = Le presenze si segnano quando la sessione è iniziata.
office-session-empty = Ancora nessun iscritto.
office-session-gone = Iscrizioni annullate o scadute, non elencate: { $count }.
## Cosa cambia l'organizzatore in una sessione, e lo dice a tutti gli iscritti.
event-previously = In precedenza
event-change-reason = Motivo
event-called-off = Annullato dall'organizzatore
event-moved-from = Spostato dal { $when }
event-messages = Messaggi dell'organizzatore
mail-registration-moved-subject = Nuova data: { $title }
mail-registration-moved-intro = L'organizzatore ha spostato un incontro di «{ $title }»: la nuova data e l'ora sono qui sotto, e la sua iscrizione resta com'era. Se non può più venire, la annulli, così il posto passa alla persona successiva in lista d'attesa.
mail-registration-called-off-subject = Incontro annullato: { $title }
mail-registration-called-off-intro = L'organizzatore ha annullato un incontro di «{ $title }» e, con esso, la sua iscrizione a quell'incontro. Non deve fare nulla. Ci scusiamo.
mail-registration-message-subject = { $title }: { $subject }
mail-registration-message-intro = L'organizzatore di «{ $title }» invia questo messaggio a tutti gli iscritti:
sms-registration-moved = { $centre }: { $title } è spostato al { $when }. { $link }
sms-registration-called-off = { $centre }: { $title } del { $when } è annullato dall'organizzatore. { $link }
sms-registration-message = { $centre }, { $title }: { $message } { $link }
session-change-started = L'incontro è iniziato o finito: non si può più cambiare.
session-change-cancelled = L'incontro è già stato annullato.
session-change-in-past = La nuova data e l'ora sono passate: scelga un orario futuro.
session-change-times = Indichi una data (giorno, mese, anno) e un'ora di inizio e di fine (ore:minuti) in quel giorno, con la fine dopo l'inizio.
session-change-unchanged = La nuova data e gli orari sono quelli dell'incontro: non c'è nulla da spostare.
session-change-no-reason = Indichi il motivo dell'annullamento: tutti gli iscritti lo leggeranno.
session-change-length = Indichi un oggetto (fino a 150 caratteri) e un testo (fino a 2.000), o un motivo di al massimo 300 caratteri.
office-session-moved = L'incontro è stato spostato; tutti gli iscritti ricevono l'avviso.
office-session-called-off = L'incontro è stato annullato; tutti gli iscritti ricevono l'avviso.
office-session-sent = Il messaggio è in partenza per tutti gli iscritti.
office-session-messages = Messaggi inviati
office-session-message-recipients = { $count ->
    [one] a una persona
   *[other] a { $count } persone
}
office-session-message-title = Scrivi a tutti gli iscritti
office-session-message-hint = Per e-mail, e per SMS a chi li ha chiesti: { $count ->
    [one] una persona ha un posto o è in attesa.
   *[other] { $count } persone hanno un posto o sono in attesa.
} Il messaggio compare anche nella pagina dell'iscrizione di ciascuno.
office-session-subject = Oggetto
office-session-body = Messaggio
office-session-send = Invia il messaggio
office-session-move-title = Sposta questo incontro
office-session-move-hint = Ogni iscritto mantiene il posto o la posizione in lista e riceve la nuova data e l'ora; le iscrizioni chiudono con lo stesso anticipo sul nuovo inizio.
office-session-date = Giorno
office-session-start = Inizio (ore:minuti)
office-session-end = Fine (ore:minuti)
office-session-reason-optional = Motivo (facoltativo, visibile a tutti)
office-session-reason = Motivo (visibile a tutti)
office-session-move = Sposta l'incontro e avvisa tutti
office-session-cancel-title = Annulla questo incontro
office-session-cancel-hint = Ogni iscrizione viene annullata e { $count ->
    [one] l'unica persona iscritta riceve
   *[other] le { $count } persone iscritte ricevono
} l'avviso per e-mail o SMS. Non si può tornare indietro.
office-session-cancel = Annulla l'incontro e avvisa tutti
