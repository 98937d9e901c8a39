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
mail-existing-subject = Your appointment: { $service }, { $when }
mail-existing-intro = someone, perhaps you, asked to book this service again with your details. You already have an appointment on { $when }, and one at a time is possible: here are its details and its link again. If it was not you, you can ignore this message.
mail-manage = To move or cancel the appointment, open this address:
mail-manage-link = Move or cancel the appointment
mail-footer = { $centre } — this message was sent automatically, please do not reply to this address.

## Booking pages for citizens.

booking-title = Book an appointment
booking-intro = Book an appointment at an employment centre, without an account. Choose the centre, the service, how you want to meet (at the centre, by phone or by video call), the day and the time, then give your name and an e-mail address or a phone number. You get a booking reference and a link to move or cancel the appointment.
booking-home-link = Book an appointment at an employment centre
booking-board-link = Book an appointment at this centre
booking-breadcrumbs = You are here
booking-choose-centre = Choose the centre
booking-no-centres = No centre takes appointments online at the moment. Call or write to your centre.
booking-centre-title = Appointments at { $centre }
booking-choose-service = Choose the service
booking-no-services = This centre takes no appointments online at the moment. Call or write to the centre.
booking-duration = { $count ->
    [one] About 1 minute
   *[other] About { $count } minutes
}
booking-service-title = { $service } – { $centre }
booking-choose-modality = How would you like to meet?
booking-continue = Continue
booking-change-modality = Choose another way to meet
booking-days-title = Choose a day
booking-days-intro = Days with free times:
booking-day = { $weekday } { $date }
booking-day-free = { $count ->
    [one] 1 free time
   *[other] { $count } free times
}
booking-no-days = There are no free times in the coming weeks. Call the centre, or try again in a few days.
booking-later-days = Later days
booking-earliest-days = Back to the first days
booking-slots-title = Free times on { $date }
booking-slots-legend = Choose a time on { $date }
booking-slot = { $time } ({ $count ->
    [one] 1 place left
   *[other] { $count } places left
})
booking-day-full = All times on this day are taken. Choose another day.
closed-weekday = The centre takes no appointments on this day of the week.
closed-holiday = The centre is closed on this day: { $name }.
closed-patron = The centre is closed on this day, the feast of the town's patron saint: { $name }.
closed-closure = The centre is closed on this day: { $name }.
closed-past = This day has already passed.
closed-too-far = This day is too far ahead: it cannot be booked yet.
slot-in-past = This time has already passed.
slot-too-soon = This time is too soon: this service must be booked further in advance.
slot-too-far = This time is too far ahead: it cannot be booked yet.
slot-closed = The centre takes no appointments on this day.
slot-not-aligned = No appointment starts at this time. Choose one of the times offered.
slot-problem-title = This time cannot be booked
booking-choose-again = Choose another day and time
booking-form-title = Your details
booking-summary = Your appointment
booking-change-time = Choose another time
booking-details-legend = Who the appointment is for
booking-required-note = We need your name and at least one way to reach you: an e-mail address or a phone number.
booking-name-required = First name and surname (required)
booking-name = First name and surname
booking-email = E-mail address
booking-email-hint = We send the confirmation and the reminders here.
booking-phone = Mobile phone number
booking-phone-hint = With the country code, for example +39 333 1234567. Give an e-mail address, a phone number or both.
booking-codice-fiscale = Tax code (codice fiscale)
booking-codice-fiscale-hint = Optional: it helps the centre find your file. 16 letters and digits.
booking-needs-legend = What you need (optional)
booking-interpreter = Interpreter
booking-interpreter-none = No interpreter needed
booking-wheelchair = Wheelchair access
booking-sign-language = Italian Sign Language (LIS)
booking-other-needs = Other needs
booking-other-needs-hint = For example: someone coming with you, large print, a quiet room.
booking-privacy = We use these details only to manage this appointment.
booking-confirm = Book the appointment
booking-taken-title = This time was just taken
booking-taken-text = Someone booked the last place at this time a moment ago. Nothing was saved.
booking-taken-none = There are no other free times soon. Choose another day.
booking-already-sent = This form has already booked an appointment. To book another one, check the details and send again.
booking-next-free = The next free times
booking-unavailable-title = This service cannot be booked
booking-unavailable-text = This service cannot be booked online in this way at the moment. Choose another way to meet, or call the centre.
booking-page-title = Appointment { $reference }
booking-done = Your appointment is booked.
booking-reference-note = Keep the booking reference and the address of this page: with them you can move or cancel the appointment.
booking-email-sent = We sent a confirmation to { $email }.
booking-for = For
booking-needs = What you asked for
booking-needs-none = Nothing in particular
booking-interpreter-for = Interpreter: { $language }
booking-download-ics = Add to your calendar (.ics file)
booking-change-title = Move or cancel
booking-move = Move the appointment
booking-cancel = Cancel the appointment
booking-cancelled = This appointment is cancelled.
booking-book-again = Book a new appointment
booking-token-title = This link does not work
booking-token-text = The address is incomplete or was changed. Open the link in your confirmation e-mail again, or call the centre and give your booking reference.
booking-link-expired-title = This link has expired
booking-link-expired-text = A booking's link works until seven days after the appointment. For a new appointment, book again or call the centre.
booking-cancel-title = Cancel the appointment?
booking-cancel-text = Your appointment on { $when } will be cancelled, and the place given to someone else.
booking-cancel-yes = Yes, cancel the appointment
booking-cancel-no = No, keep the appointment
booking-move-title = Move the appointment
booking-move-intro = Your appointment is on { $when }. Choose a new day and time: the old time is kept until the new one is booked.
booking-move-confirm = Move to this time
booking-too-late-title = This appointment can no longer be changed
booking-too-late-text = This appointment has started, has passed or is cancelled: it can no longer be moved or cancelled. Call the centre if you need help.
booking-back-to-booking = Back to your appointment

## Appointments API.

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

# The answer to a booking made by a person for themselves when a message
# reaches them: the same whether the booking is new or one they already held.
booking-sent-title = Check your messages
booking-sent-text = We have sent the link to your booking to { $contacts }. Open it to see your appointment, move it or cancel it.
booking-sent-one = One appointment of each service at a time: if you already had one, the message gives you its link again.
booking-sent-no-text = We did not send a text to { $phone }: the e-mail has the link.
booking-sent-missing = No message after a few minutes? Look in the spam folder, check the address or number above, or call the centre:
booking-sent-demo = This is a demo: no message leaves it. Read yours in the demo mailbox.
booking-sent-mailbox = Open the demo mailbox
