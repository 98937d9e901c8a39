## Group meetings: the public list, the event page, registration, and the
## messages about a registration.

events-title = Group meetings
events-intro = Meetings of the employment centres, in the room or online: services, looking for work, opportunities in Italy and abroad. They are free; register to get a seat.
events-subscribe = Subscribe to this centre's meetings in your calendar (.ics)
events-board-link = Group meetings of this centre
events-next = Next group meetings
events-filter-legend = Choose
events-filter-centre = Centre
events-filter-centre-any = All centres
events-filter-audience = For
events-filter-audience-any = Everyone
events-filter-where = Where
events-filter-where-any = In the room or online
events-filter-where-online = Online
events-filter-where-room = In the room
events-filter-submit = Show
events-none = No group meeting to come matches this choice.
events-count = { $count ->
    [one] One group meeting
   *[other] { $count } group meetings
}
event-audience-everyone = For everyone
event-audience-young_people = For young people
event-audience-foreign_residents = For foreign residents
event-audience-mirato = For people on the Law 68/1999 lists (Collocamento Mirato)
event-organiser = Organised by
event-partners = With
event-sessions = Sessions
event-series-note = One registration is for every session of the series.
event-session-when = When
event-session-where = Where
event-session-seats = Seats
event-seats-free = { $count ->
    [one] One seat free
   *[other] { $count } seats free
}
event-seats-full = Full: you can join the waiting list
event-session-cancelled = Cancelled
event-session-closed = Registration closed
event-online = Online
event-register-title = Register
event-register-session = Session
event-register-submit = Register
event-details-legend = Who is registering
event-privacy = We use these details only to manage this registration.
event-waiting-note = When every seat is taken you join the waiting list: if a seat becomes free we offer it to you by e-mail or text and hold it for you for a while.
event-online-note = The address of the online meeting room is given only to registered people.
event-nothing-open = Registration for this event is closed.
event-reference = Registration reference
event-page-title = Registration { $reference }
event-status-label = Your place
event-status-confirmed = Seat confirmed
event-status-waiting = Waiting list: number { $position }
event-status-offered = Seat held for you until { $deadline }: confirm it
event-status-lapsed = Seat offer lapsed
event-status-cancelled = Cancelled
event-status-attended = Attended
event-status-no_show = Did not attend
event-confirm-seat = Confirm my seat
event-cancel-session = Cancel this registration
event-ics = Add to my calendar (.ics)
event-cancelled-done = Your registration has been cancelled.
event-confirmed-done = Your seat is confirmed.
event-token-title = This link does not work
event-token-text = The link is incomplete or not valid. Use the link in the last message we sent you.
event-link-expired-title = This link has expired
event-link-expired-text = The meeting is over, so its registration can no longer be opened.
event-sent-title = Check your messages
event-sent-text = We have sent a message to { $contacts } with your registration: for each session, a seat or your place on the waiting list, and the link to confirm or cancel it.
event-sent-one = If you were already registered, the message gives you that registration again.
event-closed-title = Registration is not possible
event-closed-past = This session has already started or ended.
event-closed-cancelled = This session has been cancelled.
event-closed-registration = Registration for this session has closed.
event-no-session = Choose a session.
event-too-late-title = This registration cannot be changed
event-too-late-text = It has been cancelled, its seat offer has lapsed, or the session has started.
event-offer-lapsed-text = The time to confirm the seat has passed: it went to the next person on the waiting list.
event-back = Back to the group meetings
event-poster-title = Meeting: { $title }
event-poster-number = Meeting no.
event-poster-centre = Information
event-poster-register = Free. Register at { $url } (scan the code), or at the centre.
event-poster-link = Print the poster (PDF)
mail-registration-subject = Registration: { $title }
mail-registration-intro = Here is your registration for “{ $title }”: for each session, a seat or your place on the waiting list.
mail-registration-offer-subject = A seat is free for you: { $title }
mail-registration-offer-intro = A seat has become free at “{ $title }” and is held for you. Confirm it with the link below before the time shown; otherwise it goes to the next person on the waiting list.
mail-registration-cancelled-subject = Registration cancelled: { $title }
mail-registration-cancelled-intro = Your registration for “{ $title }” has been cancelled.
mail-registration-lapsed-subject = Seat offer lapsed: { $title }
mail-registration-lapsed-intro = The seat held for you at “{ $title }” was not confirmed in time and went to the next person on the waiting list.
mail-registration-reminder-subject = Reminder: { $title }
mail-registration-reminder-intro = A reminder of your registration for “{ $title }”. If you cannot come, please cancel: your seat goes to the next person on the waiting list.
mail-registration-existing-subject = Your registration: { $title }
mail-registration-existing-intro = Someone asked to register you for “{ $title }”, for which you are already registered. Here is your registration; if it was not you, there is nothing to do.
mail-registration-manage = To see, confirm or cancel your registration, open this address:
mail-registration-manage-link = See, confirm or cancel the registration
sms-registration = { $centre }: { $title } - { $when }. { $link }
sms-registration-offer = { $centre }: a seat is free for you at { $title } - { $when }. Confirm it: { $link }
sms-registration-cancelled = { $centre }: registration cancelled, { $title } - { $when }.
sms-registration-lapsed = { $centre }: the seat offer for { $title } has lapsed. { $link }
sms-registration-reminder = { $centre }: reminder, { $title } - { $when }. To cancel: { $link }
sms-registration-existing = { $centre }: you are already registered for { $title } - { $when }. { $link }
office-events-title = Centre's meetings
office-events-intro = Meetings with sessions from the last month to the next four months. The registered lists print without the menu.
office-events-none = No meetings in this period.
office-events-counts = { $taken } of { $seats } seats taken, { $waiting } waiting
office-events-list-link = Registered list
office-events-mirato-only = the registered list is for the Collocamento Mirato only
office-events-back = All the centre's meetings
office-session-title = { $title }, { $when }
office-session-list = Registered people
office-session-name = Name
office-session-contacts = Contacts
office-session-status = Status
office-session-needs = Needs
office-session-attendance = Attendance
office-session-attended = Came
office-session-no-show = Did not come
office-session-undo = Not marked
office-session-marked = Attendance saved.
office-session-not-started = Attendance is marked once the session has started.
office-session-empty = Nobody has registered yet.
office-session-gone = Registrations cancelled or lapsed, not listed: { $count }.
## What the organiser changes in a session, and tells everyone registered.
event-previously = Previously
event-change-reason = Reason
event-called-off = Cancelled by the organiser
event-moved-from = Moved from { $when }
event-messages = Messages from the organiser
mail-registration-moved-subject = New date: { $title }
mail-registration-moved-intro = The organiser has moved a session of “{ $title }”: its new date and time are below, and your registration stays as it was. If you can no longer come, please cancel it, so that your seat goes to the next person on the waiting list.
mail-registration-called-off-subject = Session cancelled: { $title }
mail-registration-called-off-intro = The organiser has cancelled a session of “{ $title }”, and with it your registration for that session. You need not do anything. We are sorry.
mail-registration-message-subject = { $title }: { $subject }
mail-registration-message-intro = The organiser of “{ $title }” sends this message to everyone registered:
sms-registration-moved = { $centre }: { $title } has moved to { $when }. { $link }
sms-registration-called-off = { $centre }: { $title } of { $when } is cancelled by the organiser. { $link }
sms-registration-message = { $centre }, { $title }: { $message } { $link }
session-change-started = This session has started or is over: it can no longer be changed.
session-change-cancelled = This session has been cancelled already.
session-change-in-past = The new date and time have passed: choose a time still to come.
session-change-times = Give a date (day, month, year) and a start and end time (hours:minutes) on that day, the end after the start.
session-change-unchanged = The new date and times are the session's own: nothing to move.
session-change-no-reason = Give the reason for the cancellation: everyone registered will read it.
session-change-length = Give a subject (up to 150 characters) and a text (up to 2,000), or a reason of up to 300 characters.
office-session-moved = The session has moved; everyone registered is being told.
office-session-called-off = The session has been cancelled; everyone registered is being told.
office-session-sent = The message is on its way to everyone registered.
office-session-messages = Messages sent
office-session-message-recipients = { $count ->
    [one] to one person
   *[other] to { $count } people
}
office-session-message-title = Write to everyone registered
office-session-message-hint = By e-mail, and by text to those who asked for texts: { $count ->
    [one] one person holds a seat or waits.
   *[other] { $count } people hold a seat or wait.
} The message also shows on each person's registration page.
office-session-subject = Subject
office-session-body = Message
office-session-send = Send the message
office-session-move-title = Move this session
office-session-move-hint = Everyone registered keeps their seat or place in line and is told the new date and time; registration closes as long before the new start as before.
office-session-date = Day
office-session-start = Starts at (hours:minutes)
office-session-end = Ends at (hours:minutes)
office-session-reason-optional = Reason (optional, shown to everyone)
office-session-reason = Reason (shown to everyone)
office-session-move = Move the session and tell everyone
office-session-cancel-title = Cancel this session
office-session-cancel-hint = Every registration is cancelled and { $count ->
    [one] the one person registered is told
   *[other] the { $count } people registered are told
} by e-mail or text. This cannot be undone.
office-session-cancel = Cancel the session and tell everyone
