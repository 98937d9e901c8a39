# Text messages (SMS) about appointments, and the pages and notes about them.
# Texts are short: they must fit in at most 3 SMS parts. Keep to the GSM
# alphabet where possible: ä, ö, ü, ß are in it; typographic quotes are not.
sms-place-phone = wir rufen Sie an
sms-place-video = per Video, Link auf der Seite
sms-booking-confirmation = { $centre }: Termin { $reference } am { $day } um { $time }, { $place }. Verschieben oder absagen: { $link } Antworten Sie STOP, um keine SMS mehr zu erhalten.
sms-booking-moved = { $centre }: Termin { $reference } verschoben auf { $day } um { $time }, { $place }. { $link }
sms-booking-cancelled = { $centre }: Termin { $reference } am { $day } um { $time } ist abgesagt.
sms-booking-reminder = { $centre }: Erinnerung, Termin { $reference } am { $day } um { $time }, { $place }. { $link }
sms-booking-existing = { $centre }: Sie haben bereits Termin { $reference } am { $day } um { $time }, { $place }. Link: { $link }
sms-opted-out = Sportello: Sie erhalten keine SMS mehr an diese Nummer. Antworten Sie START, um sie wieder zu erhalten.
sms-opted-in = Sportello: Sie erhalten wieder SMS zu Ihren Terminen. Antworten Sie STOP, um keine mehr zu erhalten.
sms-note-queued = Wir haben Ihnen eine SMS zur Bestätigung an { $phone } geschickt.
sms-note-capped = Wir konnten keine SMS an { $phone } schicken: zu viele Nachrichten in kurzer Zeit. Behalten Sie diese Seite oder notieren Sie die Terminnummer.
sms-note-opted-out = Die Nummer { $phone } möchte keine SMS erhalten: wir schicken keine.
sms-note-landline = Die Nummer { $phone } ist ein Festnetzanschluss: sie kann keine SMS empfangen. Behalten Sie diese Seite oder notieren Sie die Terminnummer.
sms-opt-out-button = Keine SMS mehr an diese Nummer
sms-opt-out-done = Wir schicken keine SMS mehr an { $phone }. Sie erhalten eine letzte SMS, die das bestätigt.
sms-wanted-label = Schicken Sie mir auch eine SMS zur Bestätigung und Erinnerungen
# The demo mailbox's text messages.
mailbox-sms-heading = SMS
mailbox-sms-empty = Noch keine SMS. Buchen Sie einen Termin nur mit einer Handynummer, um eine zu sehen.
mailbox-sms-size = Umfang
mailbox-sms-parts = { $parts ->
    [one] 1 Teil
   *[other] { $parts } Teile
} ({ $encoding })
sms-wanted-office = Auch SMS an das Handy (Bestätigung und Erinnerungen)
