## Appuntamenti nel back office: catalogo dei servizi, regole di accesso e santi patroni, agenda del giorno, prenotazione per conto di altri.

service-kind-did = Dichiarazione di immediata disponibilità (DID)
service-kind-taking_in_charge = Presa in carico
service-kind-basic_guidance = Colloquio di orientamento di base
service-kind-specialist_guidance = Colloquio di orientamento specialistico
service-kind-skills_assessment = Bilancio delle competenze
service-kind-self_employment = Consulenza per l'autoimpiego
service-kind-certificates = Certificati
service-kind-mirato_advice = Consulenza Collocamento Mirato (Legge 68/1999)
service-kind-eures_advice = Consulenza EURES (lavoro in Europa)
services-title = Servizi e appuntamenti
services-caption = Servizi di { $centre }
services-show = Mostra
services-none = Questo centro non ha ancora servizi.
services-actions = Azioni
services-back = Torna ai servizi
service-new-title = Aggiungi un servizio
service-edit-title = Modifica un servizio
service-kind = Tipo di servizio
service-kind-taken = Il centro ha già un servizio di questo tipo: modifica quello.
service-name = Nome
service-duration = Durata di un appuntamento (minuti)
service-duration-hint = La giornata è divisa in appuntamenti di questa durata, a partire dall'orario di apertura.
service-modalities = Come si può svolgere
service-capacity = Persone ricevute nello stesso momento
service-capacity-hint = Quanti operatori sono disponibili per questo servizio in ogni fascia oraria.
service-capacity-booked = Alcune fasce orarie hanno già più prenotazioni di questo numero. Prima annulla o sposta le prenotazioni, oppure scegli un numero più alto.
service-notice = Preavviso minimo (ore)
service-notice-hint = Fino a quanto tempo prima dell'inizio si può ancora prenotare. 0 vuol dire fino all'inizio.
service-days-ahead = Prenotabile fino a (giorni da oggi)
service-days-ahead-hint = Per quanti giorni da oggi le persone possono prenotare.
service-active = Prenotabile
service-active-label = Le persone possono prenotare questo servizio adesso
service-active-yes = Sì
service-active-no = No
service-minutes = { $count } min
service-hours = { $count ->
    [one] { $count } ora
   *[other] { $count } ore
}
service-days = { $count ->
    [one] { $count } giorno
   *[other] { $count } giorni
}
service-what = Il servizio
service-booking = Prenotazione
service-texts-in = Nome e descrizione in { $language }
service-name-in = Nome ({ $language })
service-description-in = Descrizione ({ $language })
rules-title = Regole di accesso e santi patroni
rules-saved = Le regole di accesso e i santi patroni sono stati salvati.
rules-access = Regole di accesso
rules-access-hint = Mostrate alle persone prima e dopo la prenotazione. Una riga vuota inizia un nuovo paragrafo; le righe che iniziano con "- " formano un elenco.
rules-access-in = Regole di accesso in { $language }
rules-patron = Feste del santo patrono
rules-patron-label = Feste del santo patrono, una per riga
rules-patron-hint = Scrivi il mese, il giorno e il nome, per esempio: 08-26 Santi Oronzo, Giusto e Fortunato
rules-line-error = Riga { $number }: { $value }
patron-date = La data non è valida: scrivi il mese e il giorno così: 08-26.
patron-name-empty = Scrivi il nome della festa dopo la data.
patron-name-too-long = Il nome della festa può avere al massimo 100 caratteri.
patron-duplicate = Questo giorno è già nell'elenco: scrivetelo una volta sola.
rules-closed-days = Giorni di chiusura nei prossimi { $days } giorni
rules-closed-caption = Giorni in cui { $centre } è chiuso
rules-day = Giorno
rules-reason = Motivo
rules-closure = Chiusura
rules-no-closed-days = Nessun giorno di chiusura in questo periodo, oltre ai giorni senza orario di apertura.
agenda-title = Agenda del giorno
agenda-heading = Agenda di { $centre }, { $day }
agenda-days = Altri giorni
agenda-previous = Giorno precedente
agenda-next = Giorno successivo
agenda-day = Giorno
agenda-show = Mostra
agenda-count = { $count ->
    [0] Nessun appuntamento in questo giorno.
    [one] Un appuntamento.
   *[other] { $count } appuntamenti.
}
agenda-mirato-hidden = { $count ->
    [one] C'è anche 1 appuntamento del Collocamento Mirato: solo il suo ufficio vede di chi.
   *[other] Ci sono anche { $count } appuntamenti del Collocamento Mirato: solo il suo ufficio vede di chi.
}
agenda-empty = Nessuno è prenotato in questo giorno.
agenda-time = Ora
agenda-phone = Telefono
agenda-needs = Esigenze
agenda-need-interpreter = Interprete: { $language }
agenda-need-wheelchair = Accesso in sedia a rotelle
agenda-need-sign-language = Lingua dei segni italiana (LIS)
booking-status-booked = Prenotato
booking-status-cancelled = Annullato
booking-status-attended = Presentato
booking-status-no_show = Non presentato
agenda-cancel = Annulla
agenda-attended = Presentato
agenda-no-show = Non presentato
agenda-booked = Prenotato: codice { $reference }.
agenda-booked-mailed = La conferma è stata inviata per e-mail.
agenda-done-cancelled = L'appuntamento { $reference } è stato annullato.
agenda-done-attended = L'appuntamento { $reference } è segnato: la persona si è presentata.
agenda-done-no-show = L'appuntamento { $reference } è segnato: la persona non si è presentata.
agenda-cancel-title = Annullare questo appuntamento?
agenda-cancel-question = Il posto torna libero.
agenda-cancel-mail = La persona riceverà un'e-mail che dice che l'appuntamento è annullato.
agenda-cancel-confirm = Sì, annulla l'appuntamento
agenda-cancel-keep = No, torna all'agenda
agenda-not-done = Non è stato possibile
agenda-too-late = Questo appuntamento non si può più annullare: è già iniziato, oppure è già annullato o chiuso.
agenda-already-closed = Questo appuntamento è già annullato o segnato.
agenda-not-started = Questo appuntamento non è ancora iniziato: si può segnare solo dall'ora di inizio.
agenda-back = Torna all'agenda
agenda-book-title = Prenota per una persona
agenda-change = Cambia
agenda-choose-service = Scegli il servizio
agenda-choose-modality = Scegli come si svolge l'appuntamento
agenda-choose-day = Scegli il giorno
agenda-no-days = Nessun giorno ha posti liberi nel periodo di prenotazione di questo servizio.
agenda-other-day = Un altro giorno
agenda-choose-slot = Orari liberi di { $day }
agenda-places = { $count ->
    [one] 1 posto
   *[other] { $count } posti
}
agenda-day-full = Nessun orario libero in questo giorno: scegli un altro giorno.
agenda-next-free = Prossimi orari liberi
agenda-slot-full = Questo orario è appena stato preso. Scegli uno dei prossimi orari liberi.
agenda-service-unavailable = Questo servizio ora non si può prenotare in questo modo.
agenda-book-again = Il modulo è stato inviato due volte o modificato. Controlla i dati e invialo di nuovo.
agenda-person = I dati della persona
agenda-contact-hint = Serve un numero di telefono o un indirizzo e-mail.
agenda-email-hint = Se indicato, la conferma viene inviata a questo indirizzo.
agenda-codice-fiscale = Codice fiscale
agenda-optional = Facoltativo.
agenda-person-lang = Lingua della persona (e-mail e promemoria)
agenda-interpreter = Serve un interprete di
agenda-other-needs = Altre esigenze
agenda-book-button = Prenota l'appuntamento
office-appointments = Appuntamenti
## La settimana del centro.
week-title = Settimana
week-heading = Settimana di { $centre } dal { $day }
week-weeks = Settimane
week-previous = Settimana precedente
week-next = Settimana successiva
week-intro = Appuntamenti, incontri di gruppo e tappe itineranti della settimana, giorno per giorno; la pagina si stampa da sola senza il menu. Contatti ed esigenze sono nell'agenda di ogni giorno.
week-time = Orario
week-kind = Cosa
week-what = Servizio o incontro
week-detail = Dettagli
week-kind-appointment = Appuntamento
week-kind-session = Incontro di gruppo
week-kind-stop = Tappa del camper
week-kind-desk = Sportello itinerante
week-nothing = Niente in programma.
week-kind-closure = Chiusura per parte del giorno
## Chiusure per parte del giorno.
part-closures-title = Chiusure per parte del giorno
part-closures-intro = Una parte di un giorno in cui tutto il centro o un servizio non riceve su appuntamento (una sala occupata, personale assente): i suoi orari escono dalle pagine di prenotazione. Gli appuntamenti già prenotati in quella fascia restano e sono elencati qui, da spostare con le persone interessate o da annullare dall'agenda, che le avvisa; nessuno viene annullato da solo.
part-closures-whole-centre = Tutto il centro
part-closures-none = Nessuna chiusura per parte del giorno in programma.
part-closures-to-move = { $count ->
    [one] Un appuntamento in questa fascia da spostare.
   *[other] { $count } appuntamenti in questa fascia da spostare.
}
part-closures-to-move-caption = Appuntamenti da spostare
part-closures-none-inside = Nessun appuntamento in questa fascia.
part-closures-remove = Togli questa chiusura
part-closures-add = Chiudi una parte del giorno
part-closures-from = Dalle (ore:minuti)
part-closures-to = Alle (ore:minuti)
part-closures-service = Per
part-closures-reason = Motivo
part-closures-reason-hint = Per gli operatori, ad es. «Sala riunioni occupata».
part-closures-add-button = Aggiungi la chiusura
part-closures-added = La chiusura è salvata: i suoi orari non si possono più prenotare. Sposti gli appuntamenti elencati sotto.
part-closures-removed = La chiusura è tolta: i suoi orari si possono di nuovo prenotare.
## Spostare una prenotazione dall'ufficio.
agenda-move = Sposta
agenda-move-title = Sposta l'appuntamento { $reference }
agenda-move-service = Servizio
agenda-move-now = Ora
agenda-move-tells = Scelga il nuovo orario: la persona lo riceve per e-mail o SMS, con l'aggiornamento del calendario.
agenda-move-no-contact = Scelga il nuovo orario. La persona non ha lasciato un indirizzo o un cellulare per i messaggi: la avvisi lei.
agenda-move-button = Sposta e avvisa la persona
agenda-move-none = Nessun orario libero nei prossimi giorni per questo servizio.
agenda-move-choose = Scelga uno degli orari liberi elencati.
agenda-move-taken = Quell'orario è stato preso nel frattempo: ne scelga un altro.
agenda-done-moved = L'appuntamento { $reference } è stato spostato; la persona riceve l'avviso.
agenda-place = Dove
agenda-place-office = Nella sede del centro
agenda-choose-place = Dove si tiene l'appuntamento?
