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

## Appointments API.

api-closed-weekday = The centre does not take appointments on this day of the week.
api-closed-holiday = Public holiday: { $name }.
api-closed-patron = Patron saint's day: { $name }.
api-closed-closure = The centre is closed: { $label }
api-closed-past = This day has already passed.
api-closed-too-far = This day is too far ahead: it cannot be booked yet.
api-slot-title = This time cannot be booked
api-slot-in-past = This time has already passed. Choose one of the free times offered.
api-slot-too-soon = This time is too close: this service must be booked further in advance. Choose a later time.
api-slot-too-far = This time is too far ahead: it cannot be booked yet. Choose an earlier day.
api-slot-closed = This day cannot be booked. { $label }
api-slot-not-aligned = No appointment for this service starts at this time. Choose one of the free times.
api-unavailable-title = This service cannot be booked
api-unavailable-text = This service cannot be booked now, or not in this way (at the centre, by phone, by video call).
api-full-title = This time is fully booked
api-full-text = Every place at this time is already booked. Choose one of the next free times.
api-too-late-title = This appointment can no longer be changed
api-too-late-text = The appointment has already started, or it was cancelled or closed: it can no longer be moved or cancelled. Phone the centre for help.
api-key-reused-title = Idempotency key already used
api-key-reused-text = This Idempotency-Key was already used for a different request. Use a new key for each new booking.
api-bad-token-title = This link is not valid
api-bad-token-text = The manage code does not match this booking. Use the link in your confirmation e-mail.
