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
