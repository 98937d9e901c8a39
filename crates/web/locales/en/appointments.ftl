## Appointments: shared words, used by the booking pages, the back office and the e-mails.

modality-in_office = At the centre
modality-phone = By phone
modality-video = By video call
appointment-when = { $weekday } { $date }, { $time }
appointment-reference = Booking reference
appointment-service = Service
appointment-when-label = When
appointment-modality = How
appointment-where = Where
appointment-phone-note = An operator will call you on the number you gave.
appointment-video-note = By video call: open the link below at the time of the appointment, on your phone or computer.
appointment-contact = Centre contacts
appointment-video-link = Video call link
appointment-access-rules = Rules for visiting the centre
field-bad-email = This is not a valid e-mail address; it should look like name@example.org.
field-bad-phone = This is not a valid phone number; write it with the country code, for example +39 333 1234567.
field-bad-codice-fiscale = This tax code (codice fiscale) is not valid: check its 16 letters and digits.
field-contact-needed = Give an e-mail address or a phone number, so that we can reach you.
holiday-new_year = New Year's Day
holiday-epiphany = Epiphany
holiday-easter = Easter Sunday
holiday-easter_monday = Easter Monday
holiday-liberation = Liberation Day
holiday-labour = Labour Day
holiday-republic = Republic Day
holiday-assumption = Assumption Day (Ferragosto)
holiday-saint_francis = Saint Francis of Assisi, patron saint of Italy
holiday-all_saints = All Saints' Day
holiday-immaculate_conception = Immaculate Conception
holiday-christmas = Christmas Day
holiday-saint_stephen = Saint Stephen's Day
holiday-patron = Patron saint's day

## E-mails about appointments.

mail-greeting = Dear { $name },
mail-confirmation-subject = Appointment booked: { $service }, { $when }
mail-confirmation-intro = your appointment is booked for { $when }. The details are below; the attachment adds it to your calendar.
mail-moved-subject = Appointment moved: { $service }, { $when }
mail-moved-intro = your appointment has been moved to { $when }.
mail-cancelled-subject = Appointment cancelled: { $service }, { $when }
mail-cancelled-intro = your appointment on { $when } has been cancelled. You can book another one whenever you like.
mail-reminder-subject = Reminder: { $service }, { $when }
mail-reminder-intro = this is a reminder of your appointment on { $when }.
mail-manage = To move or cancel the appointment, open this address:
mail-manage-link = Move or cancel the appointment
mail-footer = { $centre } — this message was sent automatically, please do not reply to this address.
