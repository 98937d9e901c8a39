# Text messages (SMS) about appointments, and the pages and notes about them.
# Texts are short: they must fit in at most 3 SMS parts. Prefer characters of
# the GSM alphabet (no typographic quotes or dashes): one part holds 160 of
# them, but only 70 characters outside it.
sms-place-phone = vi chiameremo al telefono
sms-place-video = in video, link nella pagina
sms-booking-confirmation = { $centre }: appuntamento { $reference } il { $day } ore { $time }, { $place }. Per spostarlo o annullarlo: { $link } Rispondete STOP per non ricevere SMS.
sms-booking-moved = { $centre }: appuntamento { $reference } spostato al { $day } ore { $time }, { $place }. { $link }
sms-booking-cancelled = { $centre }: appuntamento { $reference } del { $day } ore { $time } annullato.
sms-booking-reminder = { $centre }: promemoria, appuntamento { $reference } il { $day } ore { $time }, { $place }. { $link }
sms-booking-existing = { $centre }: avete già l'appuntamento { $reference } il { $day } ore { $time }, { $place }. Il link: { $link }
sms-opted-out = Sportello: non riceverete altri SMS a questo numero. Rispondete START per riceverli di nuovo.
sms-opted-in = Sportello: riceverete di nuovo gli SMS sui vostri appuntamenti. Rispondete STOP per non riceverli.
# Notes on the booking page.
sms-note-queued = Vi abbiamo inviato un SMS di conferma al numero { $phone }.
sms-note-capped = Non abbiamo potuto inviare un SMS al numero { $phone }: troppi messaggi in poco tempo. Conservate questa pagina o annotate il codice dell'appuntamento.
sms-note-opted-out = Il numero { $phone } ha chiesto di non ricevere SMS: non ne invieremo.
sms-note-landline = Il numero { $phone } è un fisso: non può ricevere SMS. Conservate questa pagina o annotate il codice dell'appuntamento.
sms-opt-out-button = Non inviate più SMS a questo numero
sms-opt-out-done = Non invieremo più SMS al numero { $phone }. Riceverete solo un ultimo SMS che lo conferma.
sms-wanted-label = Inviatemi anche un SMS di conferma e i promemoria
# The demo mailbox's text messages.
mailbox-sms-heading = SMS
mailbox-sms-empty = Ancora nessun SMS. Prenotate un appuntamento indicando solo un numero di cellulare per vederne uno.
mailbox-sms-size = Dimensione
mailbox-sms-parts = { $parts ->
    [one] 1 parte
   *[other] { $parts } parti
} ({ $encoding })
sms-wanted-office = Anche SMS al cellulare (conferma e promemoria)
