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
mail-existing-subject = Votre rendez-vous : { $service }, { $when }
mail-existing-intro = quelqu'un, peut-être vous, a demandé à nouveau ce service avec vos coordonnées. Vous avez déjà un rendez-vous le { $when }, et un seul à la fois est possible : voici de nouveau ses détails et son lien. Si ce n'était pas vous, vous pouvez ignorer ce message.
mail-manage = Pour déplacer ou annuler le rendez-vous, ouvrez cette adresse :
mail-manage-link = Déplacer ou annuler le rendez-vous
mail-footer = { $centre } — message envoyé automatiquement, merci de ne pas répondre à cette adresse.

## Pages de réservation pour les citoyens.

booking-title = Prendre rendez-vous
booking-intro = Prenez rendez-vous dans un centre pour l'emploi, sans compte. Choisissez le centre, le service, la façon de nous rencontrer (au centre, par téléphone ou en appel vidéo), le jour et l'heure, puis indiquez votre nom et une adresse e-mail ou un numéro de téléphone. Vous recevez une référence de réservation et un lien pour déplacer ou annuler le rendez-vous.
booking-home-link = Prendre rendez-vous dans un centre pour l'emploi
booking-board-link = Prendre rendez-vous dans ce centre
booking-breadcrumbs = Vous êtes ici
booking-choose-centre = Choisissez le centre
booking-no-centres = Aucun centre ne prend de rendez-vous en ligne pour le moment. Appelez ou écrivez à votre centre.
booking-centre-title = Rendez-vous au { $centre }
booking-choose-service = Choisissez le service
booking-no-services = Ce centre ne prend pas de rendez-vous en ligne pour le moment. Appelez ou écrivez au centre.
booking-duration = { $count ->
    [one] Environ 1 minute
   *[other] Environ { $count } minutes
}
booking-service-title = { $service } – { $centre }
booking-choose-modality = Comment souhaitez-vous nous rencontrer ?
booking-continue = Continuer
booking-change-modality = Choisir une autre façon
booking-days-title = Choisissez le jour
booking-days-intro = Jours avec des horaires libres :
booking-day = { $weekday } { $date }
booking-day-free = { $count ->
    [one] 1 horaire libre
   *[other] { $count } horaires libres
}
booking-no-days = Il n'y a pas d'horaire libre dans les semaines à venir. Appelez le centre ou réessayez dans quelques jours.
booking-later-days = Jours suivants
booking-earliest-days = Revenir aux premiers jours
booking-slots-title = Horaires libres le { $date }
booking-slots-legend = Choisissez un horaire le { $date }
booking-slot = { $time } ({ $count ->
    [one] 1 place libre
   *[other] { $count } places libres
})
booking-day-full = Tous les horaires de ce jour sont pris. Choisissez un autre jour.
closed-weekday = Le centre ne reçoit pas sur rendez-vous ce jour de la semaine.
closed-holiday = Le centre est fermé ce jour-là : { $name }.
closed-patron = Le centre est fermé ce jour-là, fête du saint patron de la ville : { $name }.
closed-closure = Le centre est fermé ce jour-là : { $name }.
closed-past = Ce jour est déjà passé.
closed-too-far = Ce jour est trop lointain : il ne peut pas encore être réservé.
slot-in-past = Cet horaire est déjà passé.
slot-too-soon = Cet horaire est trop proche : ce service doit être réservé plus à l'avance.
slot-too-far = Cet horaire est trop lointain : il ne peut pas encore être réservé.
slot-closed = Le centre ne reçoit pas sur rendez-vous ce jour-là.
slot-not-aligned = Aucun rendez-vous ne commence à cette heure. Choisissez l'un des horaires proposés.
slot-problem-title = Cet horaire ne peut pas être réservé
booking-choose-again = Choisir un autre jour et un autre horaire
booking-form-title = Vos coordonnées
booking-summary = Votre rendez-vous
booking-change-time = Choisir un autre horaire
booking-details-legend = Pour qui est le rendez-vous
booking-required-note = Il nous faut votre nom et au moins un moyen de vous joindre : une adresse e-mail ou un numéro de téléphone.
booking-name-required = Prénom et nom (obligatoire)
booking-name = Prénom et nom
booking-email = Adresse e-mail
booking-email-hint = Nous y envoyons la confirmation et les rappels.
booking-phone = Numéro de téléphone portable
booking-phone-hint = Avec l'indicatif du pays, par exemple +39 333 1234567. Indiquez une adresse e-mail, un numéro de téléphone ou les deux.
booking-codice-fiscale = Code fiscal (codice fiscale)
booking-codice-fiscale-hint = Facultatif : il aide le centre à retrouver votre dossier. 16 lettres et chiffres.
booking-needs-legend = Ce dont vous avez besoin (facultatif)
booking-interpreter = Interprète
booking-interpreter-none = Pas besoin d'interprète
booking-wheelchair = Accès en fauteuil roulant
booking-sign-language = Langue des signes italienne (LIS)
booking-other-needs = Autres besoins
booking-other-needs-hint = Par exemple : une personne qui vous accompagne, des gros caractères, une pièce calme.
booking-privacy = Nous utilisons ces données uniquement pour gérer ce rendez-vous.
booking-confirm = Réserver le rendez-vous
booking-taken-title = Cet horaire vient d'être pris
booking-taken-text = Quelqu'un vient de réserver la dernière place à cette heure. Rien n'a été enregistré.
booking-taken-none = Il n'y a pas d'autre horaire libre prochainement. Choisissez un autre jour.
booking-already-sent = Ce formulaire a déjà réservé un rendez-vous. Pour en réserver un autre, vérifiez les données et envoyez de nouveau.
booking-next-free = Les prochains horaires libres
booking-unavailable-title = Ce service ne peut pas être réservé
booking-unavailable-text = Ce service ne peut pas être réservé en ligne de cette façon pour le moment. Choisissez une autre façon ou appelez le centre.
booking-page-title = Rendez-vous { $reference }
booking-done = Votre rendez-vous est réservé.
booking-reference-note = Gardez la référence de réservation et l'adresse de cette page : elles permettent de déplacer ou d'annuler le rendez-vous.
booking-email-sent = Nous avons envoyé une confirmation à { $email }.
booking-for = Pour
booking-needs = Ce que vous avez demandé
booking-needs-none = Rien de particulier
booking-interpreter-for = Interprète : { $language }
booking-download-ics = Ajouter à votre agenda (fichier .ics)
booking-change-title = Déplacer ou annuler
booking-move = Déplacer le rendez-vous
booking-cancel = Annuler le rendez-vous
booking-cancelled = Ce rendez-vous est annulé.
booking-book-again = Prendre un nouveau rendez-vous
booking-token-title = Ce lien ne fonctionne pas
booking-token-text = L'adresse est incomplète ou a été modifiée. Ouvrez à nouveau le lien de votre e-mail de confirmation, ou appelez le centre en donnant votre référence de réservation.
booking-link-expired-title = Ce lien a expiré
booking-link-expired-text = Le lien d'un rendez-vous fonctionne jusqu'à sept jours après le rendez-vous. Pour un nouveau rendez-vous, réservez à nouveau ou appelez le centre.
booking-cancel-title = Annuler le rendez-vous ?
booking-cancel-text = Votre rendez-vous du { $when } sera annulé et la place donnée à une autre personne.
booking-cancel-yes = Oui, annuler le rendez-vous
booking-cancel-no = Non, garder le rendez-vous
booking-move-title = Déplacer le rendez-vous
booking-move-intro = Votre rendez-vous est le { $when }. Choisissez un nouveau jour et un nouvel horaire : l'ancien reste valable jusqu'à ce que le nouveau soit réservé.
booking-move-confirm = Déplacer à cet horaire
booking-too-late-title = Ce rendez-vous ne peut plus être modifié
booking-too-late-text = Ce rendez-vous a commencé, est passé ou est annulé : il ne peut plus être déplacé ni annulé. Appelez le centre si vous avez besoin d'aide.
booking-back-to-booking = Retour à votre rendez-vous

## Appointments API.

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

# The answer to a booking made by a person for themselves when a message
# reaches them: the same whether the booking is new or one they already held.
booking-sent-title = Consultez vos messages
booking-sent-text = Nous avons envoyé le lien de votre réservation à { $contacts }. Ouvrez-le pour voir votre rendez-vous, le déplacer ou l'annuler.
booking-sent-one = Un seul rendez-vous à la fois pour chaque service : si vous en aviez déjà un, le message vous redonne son lien.
booking-sent-no-text = Nous n'avons pas envoyé de SMS au { $phone } : le lien est dans l'e-mail.
booking-sent-missing = Pas de message après quelques minutes ? Regardez dans les courriers indésirables, vérifiez l'adresse ou le numéro ci-dessus, ou appelez le centre :
booking-sent-demo = Ceci est une démo : aucun message n'en sort. Lisez le vôtre dans la boîte aux lettres de la démo.
booking-sent-mailbox = Ouvrir la boîte aux lettres de la démo
