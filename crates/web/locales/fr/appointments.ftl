## Appointments: shared words, used by the booking pages, the back office and the e-mails.

modality-in_office = Au centre
modality-phone = Par téléphone
modality-video = En visioconférence
appointment-when = { $weekday } { $date }, { $time }
appointment-reference = Référence du rendez-vous
appointment-service = Service
appointment-when-label = Quand
appointment-modality = Comment
appointment-where = Où
appointment-phone-note = Un agent vous appellera au numéro que vous avez indiqué.
appointment-video-note = En visioconférence : ouvrez le lien ci-dessous à l'heure du rendez-vous, sur votre téléphone ou votre ordinateur.
appointment-contact = Coordonnées du centre
appointment-video-link = Lien de la visioconférence
appointment-access-rules = Règles d'accès au centre
field-bad-email = Cette adresse e-mail n'est pas valide ; elle doit ressembler à nom@exemple.fr.
field-bad-phone = Ce numéro de téléphone n'est pas valide ; écrivez-le avec l'indicatif du pays, par exemple +39 333 1234567.
field-bad-codice-fiscale = Ce code fiscal (codice fiscale) n'est pas valide : vérifiez ses 16 lettres et chiffres.
field-contact-needed = Indiquez une adresse e-mail ou un numéro de téléphone, pour que nous puissions vous joindre.
holiday-new_year = Jour de l'An
holiday-epiphany = Épiphanie
holiday-easter = Pâques
holiday-easter_monday = Lundi de Pâques
holiday-liberation = Fête de la Libération
holiday-labour = Fête du Travail
holiday-republic = Fête de la République
holiday-assumption = Assomption (Ferragosto)
holiday-saint_francis = Saint François d'Assise, patron de l'Italie
holiday-all_saints = Toussaint
holiday-immaculate_conception = Immaculée Conception
holiday-christmas = Noël
holiday-saint_stephen = Saint-Étienne
holiday-patron = Fête du saint patron

## E-mails about appointments.

mail-greeting = Bonjour { $name },
mail-confirmation-subject = Rendez-vous réservé : { $service }, { $when }
mail-confirmation-intro = votre rendez-vous est réservé pour le { $when }. Voici les détails ; la pièce jointe l'ajoute à votre agenda.
mail-moved-subject = Rendez-vous déplacé : { $service }, { $when }
mail-moved-intro = votre rendez-vous a été déplacé au { $when }.
mail-cancelled-subject = Rendez-vous annulé : { $service }, { $when }
mail-cancelled-intro = votre rendez-vous du { $when } a été annulé. Vous pouvez en réserver un autre quand vous le souhaitez.
mail-reminder-subject = Rappel : { $service }, { $when }
mail-reminder-intro = nous vous rappelons votre rendez-vous du { $when }.
mail-manage = Pour déplacer ou annuler le rendez-vous, ouvrez cette adresse :
mail-manage-link = Déplacer ou annuler le rendez-vous
mail-footer = { $centre } — message envoyé automatiquement, merci de ne pas répondre à cette adresse.

## Appointments API.

api-closed-weekday = Le centre ne reçoit pas sur rendez-vous ce jour de la semaine.
api-closed-holiday = Jour férié : { $name }.
api-closed-patron = Fête du saint patron : { $name }.
api-closed-closure = Le centre est fermé : { $label }
api-closed-past = Ce jour est déjà passé.
api-closed-too-far = Ce jour est trop loin : on ne peut pas encore le réserver.
api-slot-title = Impossible de réserver cet horaire
api-slot-in-past = Cet horaire est déjà passé. Choisissez un des horaires libres proposés.
api-slot-too-soon = Cet horaire est trop proche : ce service doit être réservé plus tôt. Choisissez un horaire plus tard.
api-slot-too-far = Cet horaire est trop loin : on ne peut pas encore le réserver. Choisissez un jour plus proche.
api-slot-closed = On ne peut pas réserver ce jour-là. { $label }
api-slot-not-aligned = Aucun rendez-vous de ce service ne commence à cette heure. Choisissez un des horaires libres.
api-unavailable-title = Ce service ne peut pas être réservé
api-unavailable-text = Ce service ne peut pas être réservé maintenant, ou pas de cette façon (au centre, par téléphone, en appel vidéo).
api-full-title = Cet horaire est complet
api-full-text = Toutes les places de cet horaire sont déjà réservées. Choisissez un des prochains horaires libres.
api-too-late-title = Ce rendez-vous ne peut plus être modifié
api-too-late-text = Le rendez-vous a déjà commencé, ou il a été annulé ou clos : on ne peut plus le déplacer ni l'annuler. Pour de l'aide, téléphonez au centre.
api-key-reused-title = Clé d'idempotence déjà utilisée
api-key-reused-text = Cette Idempotency-Key a déjà servi pour une autre demande. Utilisez une nouvelle clé pour chaque nouvelle réservation.
api-bad-token-title = Ce lien n'est pas valable
api-bad-token-text = Le code de gestion ne correspond pas à cette réservation. Utilisez le lien de votre e-mail de confirmation.
