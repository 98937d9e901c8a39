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
mail-registration-subject = Iscrizione: { $title }
mail-registration-intro = Ecco la tua iscrizione a «{ $title }»: per ogni data, il posto o il tuo numero in lista d'attesa.
mail-registration-offer-subject = Si è liberato un posto per te: { $title }
mail-registration-offer-intro = Si è liberato un posto a «{ $title }» e lo teniamo per te. Confermalo con il collegamento qui sotto entro l'ora indicata; altrimenti passa alla persona successiva in lista d'attesa.
mail-registration-cancelled-subject = Iscrizione annullata: { $title }
mail-registration-cancelled-intro = La tua iscrizione a «{ $title }» è stata annullata.
mail-registration-lapsed-subject = Offerta del posto scaduta: { $title }
mail-registration-lapsed-intro = Il posto tenuto per te a «{ $title }» non è stato confermato in tempo ed è passato alla persona successiva in lista d'attesa.
mail-registration-existing-subject = La tua iscrizione: { $title }
mail-registration-existing-intro = Qualcuno ha chiesto di iscriverti a «{ $title }», a cui sei già iscritto. Ecco la tua iscrizione; se non sei stato tu, non devi fare nulla.
mail-registration-manage = Per vedere, confermare o annullare l'iscrizione apri questo indirizzo:
mail-registration-manage-link = Vedi, conferma o annulla l'iscrizione
sms-registration = { $centre }: { $title } - { $when }. { $link }
sms-registration-offer = { $centre }: si è liberato un posto per te a { $title } - { $when }. Confermalo: { $link }
sms-registration-cancelled = { $centre }: iscrizione annullata, { $title } - { $when }.
sms-registration-lapsed = { $centre }: l'offerta del posto per { $title } è scaduta. { $link }
sms-registration-existing = { $centre }: sei già iscritto a { $title } - { $when }. { $link }
