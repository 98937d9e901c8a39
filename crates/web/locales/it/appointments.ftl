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
mail-manage = Per spostare o annullare l'appuntamento, aprite questo indirizzo:
mail-manage-link = Spostare o annullare l'appuntamento
mail-footer = { $centre } — messaggio inviato automaticamente, per favore non rispondete a questo indirizzo.

## Appointments API.

api-closed-weekday = Il centro non riceve su appuntamento in questo giorno della settimana.
api-closed-holiday = Giorno festivo: { $name }.
api-closed-patron = Festa del santo patrono: { $name }.
api-closed-closure = Il centro è chiuso: { $label }
api-closed-past = Questo giorno è già passato.
api-closed-too-far = Questo giorno è troppo lontano: non si può ancora prenotare.
api-slot-title = Non si può prenotare questo orario
api-slot-in-past = Questo orario è già passato. Scegliete un orario libero tra quelli proposti.
api-slot-too-soon = Questo orario è troppo vicino: il servizio va prenotato con più anticipo. Scegliete un orario più avanti.
api-slot-too-far = Questo orario è troppo lontano: non si può ancora prenotare. Scegliete un giorno più vicino.
api-slot-closed = Quel giorno non si può prenotare. { $label }
api-slot-not-aligned = A quest'ora non inizia nessun appuntamento di questo servizio. Scegliete uno degli orari liberi.
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
