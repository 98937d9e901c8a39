## Appointments: shared words, used by the booking pages, the back office and the e-mails.

modality-in_office = In sede
modality-phone = Al telefono
modality-video = In videochiamata
appointment-when = { $weekday } { $date }, ore { $time }
appointment-reference = Codice della prenotazione
appointment-service = Servizio
appointment-when-label = Quando
appointment-modality = Modalità
appointment-where = Dove
appointment-phone-note = Vi chiamerà un operatore al numero che avete indicato.
appointment-video-note = In videochiamata: aprite il collegamento qui sotto all'ora dell'appuntamento, dal telefono o dal computer.
appointment-contact = Contatti del centro
appointment-video-link = Collegamento alla videochiamata
appointment-access-rules = Regole di accesso al centro
field-bad-email = Questo non è un indirizzo e-mail valido; deve essere come nome@esempio.it.
field-bad-phone = Questo non è un numero di telefono valido; scrivetelo con il prefisso, ad esempio +39 333 1234567.
field-bad-codice-fiscale = Questo codice fiscale non è valido: controllate le 16 lettere e cifre.
field-contact-needed = Indicate un indirizzo e-mail o un numero di telefono, per potervi avvisare.
holiday-new_year = Capodanno
holiday-epiphany = Epifania
holiday-easter = Pasqua
holiday-easter_monday = Lunedì dell'Angelo
holiday-liberation = Festa della Liberazione
holiday-labour = Festa del Lavoro
holiday-republic = Festa della Repubblica
holiday-assumption = Ferragosto
holiday-saint_francis = San Francesco d'Assisi, patrono d'Italia
holiday-all_saints = Ognissanti
holiday-immaculate_conception = Immacolata Concezione
holiday-christmas = Natale
holiday-saint_stephen = Santo Stefano
holiday-patron = Festa del santo patrono

## E-mails about appointments.

mail-greeting = Gentile { $name },
mail-confirmation-subject = Appuntamento prenotato: { $service }, { $when }
mail-confirmation-intro = il vostro appuntamento è prenotato per { $when }. Trovate qui i dettagli; l'allegato lo aggiunge al vostro calendario.
mail-moved-subject = Appuntamento spostato: { $service }, { $when }
mail-moved-intro = il vostro appuntamento è stato spostato a { $when }.
mail-cancelled-subject = Appuntamento annullato: { $service }, { $when }
mail-cancelled-intro = il vostro appuntamento di { $when } è stato annullato. Potete prenotarne un altro quando volete.
mail-reminder-subject = Promemoria: { $service }, { $when }
mail-reminder-intro = vi ricordiamo il vostro appuntamento di { $when }.
mail-existing-subject = Il vostro appuntamento: { $service }, { $when }
mail-existing-intro = qualcuno, forse voi, ha chiesto di nuovo questo servizio con i vostri dati. Avete già un appuntamento per { $when }, e se ne può avere uno alla volta: ecco di nuovo i dettagli e il link. Se non l'avete chiesto voi, potete ignorare questo messaggio.
mail-manage = Per spostare o annullare l'appuntamento, aprite questo indirizzo:
mail-manage-link = Spostare o annullare l'appuntamento
mail-footer = { $centre } — messaggio inviato automaticamente, per favore non rispondete a questo indirizzo.

## Pagine di prenotazione per i cittadini.

booking-title = Prenota un appuntamento
booking-intro = Prenotate un appuntamento in un Centro per l'Impiego, senza account. Scegliete il centro, il servizio, come volete incontrarci (al centro, al telefono o in videochiamata), il giorno e l'ora, poi lasciate il nome e un indirizzo e-mail o un numero di telefono. Riceverete un codice di prenotazione e un link per spostare o annullare l'appuntamento.
booking-home-link = Prenota un appuntamento in un Centro per l'Impiego
booking-board-link = Prenota un appuntamento in questo centro
booking-breadcrumbs = Siete qui
booking-choose-centre = Scegliete il centro
booking-no-centres = Al momento nessun centro accetta prenotazioni online. Telefonate o scrivete al vostro centro.
booking-centre-title = Appuntamenti al { $centre }
booking-choose-service = Scegliete il servizio
booking-no-services = Al momento questo centro non accetta prenotazioni online. Telefonate o scrivete al centro.
booking-duration = { $count ->
    [one] Circa 1 minuto
   *[other] Circa { $count } minuti
}
booking-service-title = { $service } – { $centre }
booking-choose-modality = Come preferite incontrarci?
booking-continue = Continua
booking-change-modality = Scegliete un altro modo
booking-days-title = Scegliete il giorno
booking-days-intro = Giorni con orari liberi:
booking-day = { $weekday } { $date }
booking-day-free = { $count ->
    [one] 1 orario libero
   *[other] { $count } orari liberi
}
booking-no-days = Non ci sono orari liberi nelle prossime settimane. Telefonate al centro o riprovate fra qualche giorno.
booking-later-days = Giorni successivi
booking-earliest-days = Torna ai primi giorni
booking-slots-title = Orari liberi di { $date }
booking-slots-legend = Scegliete un orario di { $date }
booking-slot = { $time } ({ $count ->
    [one] 1 posto libero
   *[other] { $count } posti liberi
})
booking-day-full = Tutti gli orari di questo giorno sono occupati. Scegliete un altro giorno.
closed-weekday = In questo giorno della settimana il centro non riceve su appuntamento.
closed-holiday = In questo giorno il centro è chiuso: { $name }.
closed-patron = In questo giorno il centro è chiuso per la festa del santo patrono: { $name }.
closed-closure = In questo giorno il centro è chiuso: { $name }.
closed-past = Questo giorno è già passato.
closed-too-far = Questo giorno è troppo lontano: non si può ancora prenotare.
slot-in-past = Questo orario è già passato.
slot-too-soon = Questo orario è troppo vicino: per questo servizio bisogna prenotare con più anticipo.
slot-too-far = Questo orario è troppo lontano: non si può ancora prenotare.
slot-closed = In questo giorno il centro non riceve su appuntamento.
slot-not-aligned = Nessun appuntamento inizia a quest'ora. Scegliete uno degli orari proposti.
slot-problem-title = Questo orario non si può prenotare
booking-choose-again = Scegliete un altro giorno e orario
booking-form-title = I vostri dati
booking-summary = Il vostro appuntamento
booking-change-time = Scegliete un altro orario
booking-details-legend = Per chi è l'appuntamento
booking-required-note = Servono il nome e cognome e almeno un contatto: un indirizzo e-mail o un numero di telefono.
booking-name-required = Nome e cognome (obbligatorio)
booking-name = Nome e cognome
booking-email = Indirizzo e-mail
booking-email-hint = Qui inviamo la conferma e i promemoria.
booking-phone = Numero di cellulare
booking-phone-hint = Con il prefisso internazionale, per esempio +39 333 1234567. Indicate un indirizzo e-mail, un numero di telefono o entrambi.
booking-codice-fiscale = Codice fiscale
booking-codice-fiscale-hint = Facoltativo: aiuta il centro a trovare la vostra pratica. 16 lettere e cifre.
booking-needs-legend = Di cosa avete bisogno (facoltativo)
booking-interpreter = Interprete
booking-interpreter-none = Nessun interprete
booking-wheelchair = Accesso in sedia a rotelle
booking-sign-language = Lingua dei segni italiana (LIS)
booking-other-needs = Altre esigenze
booking-other-needs-hint = Per esempio: un accompagnatore, caratteri grandi, una stanza tranquilla.
booking-privacy = Usiamo questi dati solo per gestire questo appuntamento.
booking-confirm = Prenota l'appuntamento
booking-taken-title = Questo orario è appena stato occupato
booking-taken-text = Qualcuno ha appena prenotato l'ultimo posto a quest'ora. Non è stato salvato nulla.
booking-taken-none = Non ci sono altri orari liberi a breve. Scegliete un altro giorno.
booking-already-sent = Questo modulo ha già prenotato un appuntamento. Se volete prenotarne un altro, controllate i dati e inviate di nuovo.
booking-next-free = I prossimi orari liberi
booking-unavailable-title = Questo servizio non si può prenotare
booking-unavailable-text = Al momento questo servizio non si può prenotare online in questo modo. Scegliete un altro modo o telefonate al centro.
booking-page-title = Appuntamento { $reference }
booking-done = Il vostro appuntamento è prenotato.
booking-reference-note = Conservate il codice di prenotazione e l'indirizzo di questa pagina: servono per spostare o annullare l'appuntamento.
booking-email-sent = Abbiamo inviato una conferma a { $email }.
booking-for = Per
booking-needs = Cosa avete chiesto
booking-needs-none = Niente di particolare
booking-interpreter-for = Interprete: { $language }
booking-download-ics = Aggiungi al calendario (file .ics)
booking-change-title = Spostare o annullare
booking-move = Sposta l'appuntamento
booking-cancel = Annulla l'appuntamento
booking-cancelled = Questo appuntamento è annullato.
booking-book-again = Prenota un nuovo appuntamento
booking-token-title = Questo link non funziona
booking-token-text = L'indirizzo è incompleto o è stato modificato. Aprite di nuovo il link della e-mail di conferma, oppure telefonate al centro indicando il codice di prenotazione.
booking-link-expired-title = Questo link è scaduto
booking-link-expired-text = Il link di una prenotazione funziona fino a sette giorni dopo l'appuntamento. Per un nuovo appuntamento, prenota di nuovo o chiama il centro.
booking-cancel-title = Annullare l'appuntamento?
booking-cancel-text = L'appuntamento di { $when } sarà annullato e il posto andrà a un'altra persona.
booking-cancel-yes = Sì, annulla l'appuntamento
booking-cancel-no = No, mantieni l'appuntamento
booking-move-title = Sposta l'appuntamento
booking-move-intro = Il vostro appuntamento è { $when }. Scegliete un nuovo giorno e orario: quello vecchio resta valido finché il nuovo non è prenotato.
booking-move-confirm = Sposta a quest'orario
booking-too-late-title = Questo appuntamento non si può più cambiare
booking-too-late-text = Questo appuntamento è iniziato, è passato o è annullato: non si può più spostare né annullare. Telefonate al centro se vi serve aiuto.
booking-back-to-booking = Torna al vostro appuntamento

## Appointments API.

api-unavailable-title = Servizio non prenotabile
api-unavailable-text = Questo servizio non si può prenotare ora, oppure non in questa modalità (al centro, al telefono, in videochiamata).
api-full-title = Orario al completo
api-full-text = Tutti i posti di questo orario sono già prenotati. Scegliete uno dei prossimi orari liberi.
api-too-late-title = Non è più possibile cambiare questo appuntamento
api-too-late-text = L'appuntamento è già iniziato, oppure è stato annullato o chiuso: non si può più spostare né annullare. Per aiuto telefonate al centro.
api-key-reused-title = Chiave di idempotenza già usata
api-key-reused-text = Questa Idempotency-Key è già stata usata per un'altra richiesta. Usate una chiave nuova per ogni nuova prenotazione.
api-bad-token-title = Collegamento non valido
api-bad-token-text = Il codice di gestione non corrisponde a questa prenotazione. Usate il collegamento dell'e-mail di conferma.

# The answer to a booking made by a person for themselves when a message
# reaches them: the same whether the booking is new or one they already held.
booking-sent-title = Controllate i messaggi
booking-sent-text = Abbiamo inviato il link della vostra prenotazione a { $contacts }. Apritelo per vedere l'appuntamento, spostarlo o annullarlo.
booking-sent-one = Si può avere un appuntamento alla volta per ogni servizio: se ne avevate già uno, il messaggio vi ridà il suo link.
booking-sent-no-text = Non abbiamo inviato un SMS al { $phone }: il link è nell'e-mail.
booking-sent-missing = Nessun messaggio dopo qualche minuto? Guardate nella posta indesiderata, controllate l'indirizzo o il numero qui sopra, oppure chiamate il centro:
booking-sent-demo = Questa è una demo: nessun messaggio esce davvero. Leggete il vostro nella casella della demo.
booking-sent-mailbox = Aprire la casella della demo
