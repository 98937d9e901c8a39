# Text messages (SMS) about appointments, and the pages and notes about them.
# Texts are short: they must fit in at most 3 SMS parts. Keep to the GSM
# alphabet where possible: é, è, à, ù are in it; ç, ê, â, î, ô are not.
sms-place-phone = nous vous appellerons
sms-place-video = en video, lien sur la page
sms-booking-confirmation = { $centre } : rendez-vous { $reference } le { $day } à { $time }, { $place }. Pour le déplacer ou l'annuler : { $link } Répondez STOP pour ne plus recevoir de SMS.
sms-booking-moved = { $centre } : rendez-vous { $reference } déplacé au { $day } à { $time }, { $place }. { $link }
sms-booking-cancelled = { $centre } : rendez-vous { $reference } du { $day } à { $time } annulé.
sms-booking-reminder = { $centre } : rappel, rendez-vous { $reference } le { $day } à { $time }, { $place }. { $link }
sms-booking-existing = { $centre } : vous avez déjà le rendez-vous { $reference } le { $day } à { $time }, { $place }. Son lien : { $link }
sms-opted-out = Sportello : vous ne recevrez plus de SMS à ce numéro. Répondez START pour les recevoir de nouveau.
sms-opted-in = Sportello : vous recevrez de nouveau les SMS sur vos rendez-vous. Répondez STOP pour ne plus les recevoir.
sms-note-queued = Nous vous avons envoyé un SMS de confirmation au { $phone }.
sms-note-capped = Nous n'avons pas pu envoyer de SMS au { $phone } : trop de messages en peu de temps. Gardez cette page ou notez la référence du rendez-vous.
sms-note-opted-out = Le numéro { $phone } a demandé à ne pas recevoir de SMS : nous n'en enverrons pas.
sms-note-landline = Le numéro { $phone } est un fixe : il ne peut pas recevoir de SMS. Gardez cette page ou notez la référence du rendez-vous.
sms-opt-out-button = Ne plus envoyer de SMS à ce numéro
sms-opt-out-done = Nous n'enverrons plus de SMS au { $phone }. Vous recevrez un dernier SMS qui le confirme.
sms-wanted-label = Envoyez-moi aussi un SMS de confirmation et les rappels
# The demo mailbox's text messages.
mailbox-sms-heading = SMS
mailbox-sms-empty = Pas encore de SMS. Prenez un rendez-vous avec seulement un numéro de portable pour en voir un.
mailbox-sms-size = Taille
mailbox-sms-parts = { $parts ->
    [one] 1 partie
   *[other] { $parts } parties
} ({ $encoding })
sms-wanted-office = SMS au portable aussi (confirmation et rappels)
