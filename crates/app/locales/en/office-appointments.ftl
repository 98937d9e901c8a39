## Appointments in the back office: the services catalogue, access rules and patron days, the day's agenda, booking on someone's behalf.

service-kind-did = Declaration of availability for work (DID)
service-kind-taking_in_charge = Taking in charge
service-kind-basic_guidance = Basic guidance interview
service-kind-specialist_guidance = Specialist guidance interview
service-kind-skills_assessment = Skills assessment
service-kind-self_employment = Self-employment advice
service-kind-certificates = Certificates
service-kind-mirato_advice = Collocamento Mirato advice (Law 68/1999)
service-kind-eures_advice = EURES advice (work in Europe)
services-title = Services and appointments
services-caption = Services of { $centre }
services-show = Show
services-none = This centre has no services yet.
services-actions = Actions
services-back = Back to the services
service-new-title = Add a service
service-edit-title = Change a service
service-kind = Kind of service
service-kind-taken = The centre already has a service of this kind: change that one instead.
service-name = Name
service-duration = Length of one appointment (minutes)
service-duration-hint = The day is divided into appointments of this length, from the opening time.
service-modalities = How it can be held
service-capacity = People served at the same time
service-capacity-hint = How many operators are free for this service in each time slot.
service-capacity-booked = Some time slots already have more bookings than this. Cancel or move bookings first, or choose a higher number.
service-notice = Minimum notice (hours)
service-notice-hint = How long before the start an appointment can still be booked. 0 means until the start.
service-days-ahead = Bookable up to (days ahead)
service-days-ahead-hint = How many days from today people can book.
service-active = Bookable
service-active-label = People can book this service now
service-active-yes = Yes
service-active-no = No
service-minutes = { $count } min
service-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
service-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
service-what = The service
service-booking = Booking
service-texts-in = Name and description in { $language }
service-name-in = Name ({ $language })
service-description-in = Description ({ $language })
rules-title = Access rules and patron days
rules-saved = The access rules and patron days have been saved.
rules-access = Access rules
rules-access-hint = Shown to people before and after booking. A blank line starts a new paragraph; lines starting with "- " make a list.
rules-access-in = Access rules in { $language }
rules-patron = Patron saint's days
rules-patron-label = Patron saint's days, one per line
rules-patron-hint = Write the month, the day and the name, for example: 08-26 Saints Oronzo, Giusto and Fortunato
rules-line-error = Line { $number }: { $value }
patron-date = The date is not valid: write the month and the day as 08-26.
patron-name-empty = Write the name of the feast after the date.
patron-name-too-long = The name of the feast can have at most 100 characters.
patron-duplicate = This day is already in the list: write it only once.
rules-closed-days = Days closed in the next { $days } days
rules-closed-caption = Days when { $centre } is closed
rules-day = Day
rules-reason = Why
rules-closure = Closure
rules-no-closed-days = No closed days in this period, apart from the days without opening hours.
agenda-title = Day agenda
agenda-heading = Agenda of { $centre }, { $day }
agenda-days = Other days
agenda-previous = Previous day
agenda-next = Next day
agenda-day = Day
agenda-show = Show
agenda-count = { $count ->
    [0] No appointments on this day.
    [one] One appointment.
   *[other] { $count } appointments.
}
agenda-mirato-hidden = { $count ->
    [one] There is also 1 Collocamento Mirato appointment: only its office sees whose.
   *[other] There are also { $count } Collocamento Mirato appointments: only its office sees whose.
}
agenda-empty = Nobody is booked on this day.
agenda-time = Time
agenda-phone = Phone
agenda-needs = Needs
agenda-need-interpreter = Interpreter: { $language }
agenda-need-wheelchair = Wheelchair access
agenda-need-sign-language = Italian Sign Language (LIS)
booking-status-booked = Booked
booking-status-cancelled = Cancelled
booking-status-attended = Came
booking-status-no_show = Did not come
agenda-cancel = Cancel
agenda-attended = Came
agenda-no-show = Did not come
agenda-booked = Booked: reference { $reference }.
agenda-booked-mailed = The confirmation has been sent by e-mail.
agenda-done-cancelled = The appointment { $reference } has been cancelled.
agenda-done-attended = The appointment { $reference } is marked: the person came.
agenda-done-no-show = The appointment { $reference } is marked: the person did not come.
agenda-cancel-title = Cancel this appointment?
agenda-cancel-question = The place becomes free again.
agenda-cancel-mail = The person will receive an e-mail saying that the appointment is cancelled.
agenda-cancel-confirm = Yes, cancel the appointment
agenda-cancel-keep = No, back to the agenda
agenda-not-done = This could not be done
agenda-too-late = This appointment can no longer be cancelled: it has started, or it is already cancelled or closed.
agenda-already-closed = This appointment is already cancelled or marked.
agenda-not-started = This appointment has not started yet: it can be marked only from its start time.
agenda-back = Back to the agenda
agenda-book-title = Book for someone
agenda-change = Change
agenda-choose-service = Choose the service
agenda-choose-modality = Choose how the appointment is held
agenda-choose-day = Choose the day
agenda-no-days = No day has free places within the booking period of this service.
agenda-other-day = Another day
agenda-choose-slot = Free times on { $day }
agenda-places = { $count ->
    [one] 1 place
   *[other] { $count } places
}
agenda-day-full = No free time on this day: choose another day.
agenda-next-free = Next free times
agenda-slot-full = This time has just been taken. Choose one of the next free times.
agenda-service-unavailable = This service cannot be booked in this way now.
agenda-book-again = The form was sent twice or changed. Check the details and send it again.
agenda-person = The person's details
agenda-contact-hint = A phone number or an e-mail address is needed.
agenda-email-hint = If given, the confirmation is sent to this address.
agenda-codice-fiscale = Tax code (codice fiscale)
agenda-optional = Optional.
agenda-person-lang = Language of the person (e-mails and reminders)
agenda-interpreter = Interpreter needed for
agenda-other-needs = Other needs
agenda-book-button = Book the appointment
office-appointments = Appointments
## The centre's week.
week-title = Week
week-heading = Week of { $centre } from { $day }
week-weeks = Weeks
week-previous = Previous week
week-next = Next week
week-intro = Appointments, group meetings and outreach stops of the week, day by day; the page prints on its own without the menu. Contacts and needs are in each day's agenda.
week-time = Time
week-kind = What
week-what = Service or meeting
week-detail = Details
week-kind-appointment = Appointment
week-kind-session = Group meeting
week-kind-stop = Camper stop
week-kind-desk = Outreach desk
week-nothing = Nothing planned.
week-kind-closure = Closed for part of the day
## Part-day closures.
part-closures-title = Part-day closures
part-closures-intro = A part of a day when the whole centre or one service takes no appointments (a room taken, staff away): its slots leave the booking pages. Appointments already booked inside it are kept and listed here, for you to move with the people concerned or to cancel from the agenda, which tells them; none is cancelled on its own.
part-closures-whole-centre = The whole centre
part-closures-none = No part-day closure to come.
part-closures-to-move = { $count ->
    [one] One appointment inside it to move.
   *[other] { $count } appointments inside it to move.
}
part-closures-to-move-caption = Appointments to move
part-closures-none-inside = No appointment inside it.
part-closures-remove = Remove this closure
part-closures-add = Close part of a day
part-closures-from = From (hours:minutes)
part-closures-to = To (hours:minutes)
part-closures-service = For
part-closures-reason = Reason
part-closures-reason-hint = For operators, e.g. “Meeting room taken”.
part-closures-add-button = Add the closure
part-closures-added = The closure is saved: its slots can no longer be booked. Move the appointments listed below it.
part-closures-removed = The closure is removed: its slots can be booked again.
## Moving a booking from the office.
agenda-move = Move
agenda-move-title = Move the appointment { $reference }
agenda-move-service = Service
agenda-move-now = Now
agenda-move-tells = Choose the new time: the person gets an e-mail or a text with it, and a calendar update.
agenda-move-no-contact = Choose the new time. The person left no address or mobile number for messages: tell them yourself.
agenda-move-button = Move and tell the person
agenda-move-none = No free time in the coming days for this service.
agenda-move-choose = Choose one of the free times listed.
agenda-move-taken = That time was taken meanwhile: choose another.
agenda-done-moved = The appointment { $reference } has been moved; the person is being told.
agenda-place = Where
agenda-place-office = At the centre's office
agenda-choose-place = Where is the appointment?
