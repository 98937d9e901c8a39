# Text messages (SMS) about appointments, and the pages and notes about them.
# Texts are short: they must fit in at most 3 SMS parts. Prefer characters of
# the GSM alphabet (no typographic quotes or dashes).
sms-place-phone = we will call you
sms-place-video = by video, link on the page
sms-booking-confirmation = { $centre }: appointment { $reference } on { $day } at { $time }, { $place }. To move or cancel it: { $link } Reply STOP to get no more texts.
sms-booking-moved = { $centre }: appointment { $reference } moved to { $day } at { $time }, { $place }. { $link }
sms-booking-cancelled = { $centre }: appointment { $reference } on { $day } at { $time } is cancelled.
sms-booking-reminder = { $centre }: reminder, appointment { $reference } on { $day } at { $time }, { $place }. { $link }
sms-booking-existing = { $centre }: you already have appointment { $reference } on { $day } at { $time }, { $place }. Its link: { $link }
sms-opted-out = Sportello: you will get no more texts at this number. Reply START to get them again.
sms-opted-in = Sportello: you will get texts about your appointments again. Reply STOP to get no more.
sms-note-queued = We have sent a text to { $phone } to confirm it.
sms-note-capped = We could not send a text to { $phone }: too many messages in a short time. Keep this page or write down the appointment's reference.
sms-note-opted-out = The number { $phone } asked to get no texts: we will send none.
sms-note-landline = The number { $phone } is a landline: it cannot receive texts. Keep this page or write down the appointment's reference.
sms-opt-out-button = Send no more texts to this number
sms-opt-out-done = We will send no more texts to { $phone }. You will get one last text confirming it.
sms-wanted-label = Also send me a text to confirm, and reminders
# The demo mailbox's text messages.
mailbox-sms-heading = Text messages (SMS)
mailbox-sms-empty = No text messages yet. Book an appointment with only a mobile number to see one.
mailbox-sms-size = Size
mailbox-sms-parts = { $parts ->
    [one] 1 part
   *[other] { $parts } parts
} ({ $encoding })
sms-wanted-office = Texts (SMS) to the mobile too (confirmation and reminders)
