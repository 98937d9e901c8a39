## Rendez-vous dans l'espace des agents : catalogue des services, règles d'accès et fêtes patronales, agenda du jour, réservation pour une autre personne.

service-kind-did = Déclaration de disponibilité pour le travail (DID)
service-kind-taking_in_charge = Prise en charge
service-kind-basic_guidance = Entretien d'orientation de base
service-kind-specialist_guidance = Entretien d'orientation spécialisé
service-kind-skills_assessment = Bilan de compétences
service-kind-self_employment = Conseil pour créer son activité
service-kind-certificates = Certificats
service-kind-mirato_advice = Conseil Collocamento Mirato (loi 68/1999)
service-kind-eures_advice = Conseil EURES (travailler en Europe)
services-title = Services et rendez-vous
services-caption = Services de { $centre }
services-show = Afficher
services-none = Ce centre n'a pas encore de services.
services-actions = Actions
services-back = Retour aux services
service-new-title = Ajouter un service
service-edit-title = Modifier un service
service-kind = Type de service
service-kind-taken = Le centre a déjà un service de ce type : modifiez celui-là.
service-name = Nom
service-duration = Durée d'un rendez-vous (minutes)
service-duration-hint = La journée est divisée en rendez-vous de cette durée, à partir de l'heure d'ouverture.
service-modalities = Comment il peut se faire
service-capacity = Personnes reçues en même temps
service-capacity-hint = Combien d'agents sont disponibles pour ce service à chaque créneau.
service-capacity-booked = Certains créneaux ont déjà plus de réservations que ce nombre. Annulez ou déplacez d'abord des réservations, ou choisissez un nombre plus élevé.
service-notice = Délai minimum (heures)
service-notice-hint = Jusqu'à combien de temps avant le début on peut encore réserver. 0 veut dire jusqu'au début.
service-days-ahead = Réservable jusqu'à (jours à l'avance)
service-days-ahead-hint = Combien de jours à partir d'aujourd'hui les personnes peuvent réserver.
service-active = Réservable
service-active-label = Les personnes peuvent réserver ce service maintenant
service-active-yes = Oui
service-active-no = Non
service-minutes = { $count } min
service-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
service-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
service-what = Le service
service-booking = Réservation
service-texts-in = Nom et description en { $language }
service-name-in = Nom ({ $language })
service-description-in = Description ({ $language })
rules-title = Règles d'accès et fêtes patronales
rules-saved = Les règles d'accès et les fêtes patronales ont été enregistrées.
rules-access = Règles d'accès
rules-access-hint = Montrées aux personnes avant et après la réservation. Une ligne vide commence un nouveau paragraphe ; les lignes qui commencent par « - » forment une liste.
rules-access-in = Règles d'accès en { $language }
rules-patron = Fêtes du saint patron
rules-patron-label = Fêtes du saint patron, une par ligne
rules-patron-hint = Écrivez le mois, le jour et le nom, par exemple : 08-26 Saints Oronzo, Giusto et Fortunato
rules-line-error = Ligne { $number } : { $value }
patron-date = La date n'est pas valable : écrivez le mois et le jour ainsi : 08-26.
patron-name-empty = Écrivez le nom de la fête après la date.
patron-name-too-long = Le nom de la fête peut avoir au plus 100 caractères.
patron-duplicate = Ce jour figure déjà dans la liste : écrivez-le une seule fois.
rules-closed-days = Jours de fermeture dans les { $days } prochains jours
rules-closed-caption = Jours où { $centre } est fermé
rules-day = Jour
rules-reason = Motif
rules-closure = Fermeture
rules-no-closed-days = Aucun jour de fermeture dans cette période, en dehors des jours sans horaires d'ouverture.
agenda-title = Agenda du jour
agenda-heading = Agenda de { $centre }, { $day }
agenda-days = Autres jours
agenda-previous = Jour précédent
agenda-next = Jour suivant
agenda-day = Jour
agenda-show = Afficher
agenda-count = { $count ->
    [0] Aucun rendez-vous ce jour-là.
    [one] Un rendez-vous.
   *[other] { $count } rendez-vous.
}
agenda-mirato-hidden = { $count ->
    [one] Il y a aussi 1 rendez-vous du Collocamento Mirato : seul son bureau voit de qui.
   *[other] Il y a aussi { $count } rendez-vous du Collocamento Mirato : seul son bureau voit de qui.
}
agenda-empty = Personne n'a réservé ce jour-là.
agenda-time = Heure
agenda-phone = Téléphone
agenda-needs = Besoins
agenda-need-interpreter = Interprète : { $language }
agenda-need-wheelchair = Accès en fauteuil roulant
agenda-need-sign-language = Langue des signes italienne (LIS)
booking-status-booked = Réservé
booking-status-cancelled = Annulé
booking-status-attended = Venu
booking-status-no_show = Pas venu
agenda-cancel = Annuler
agenda-attended = Venu
agenda-no-show = Pas venu
agenda-booked = Réservé : référence { $reference }.
agenda-booked-mailed = La confirmation a été envoyée par e-mail.
agenda-done-cancelled = Le rendez-vous { $reference } a été annulé.
agenda-done-attended = Le rendez-vous { $reference } est noté : la personne est venue.
agenda-done-no-show = Le rendez-vous { $reference } est noté : la personne n'est pas venue.
agenda-cancel-title = Annuler ce rendez-vous ?
agenda-cancel-question = La place redevient libre.
agenda-cancel-mail = La personne recevra un e-mail disant que le rendez-vous est annulé.
agenda-cancel-confirm = Oui, annuler le rendez-vous
agenda-cancel-keep = Non, retour à l'agenda
agenda-not-done = Cela n'a pas été possible
agenda-too-late = Ce rendez-vous ne peut plus être annulé : il a commencé, ou il est déjà annulé ou clos.
agenda-already-closed = Ce rendez-vous est déjà annulé ou noté.
agenda-not-started = Ce rendez-vous n'a pas encore commencé : on peut le noter seulement à partir de son heure de début.
agenda-back = Retour à l'agenda
agenda-book-title = Réserver pour une personne
agenda-change = Modifier
agenda-choose-service = Choisissez le service
agenda-choose-modality = Choisissez comment se fait le rendez-vous
agenda-choose-day = Choisissez le jour
agenda-no-days = Aucun jour n'a de place libre dans la période de réservation de ce service.
agenda-other-day = Un autre jour
agenda-choose-slot = Heures libres le { $day }
agenda-places = { $count ->
    [one] 1 place
   *[other] { $count } places
}
agenda-day-full = Aucune heure libre ce jour-là : choisissez un autre jour.
agenda-next-free = Prochaines heures libres
agenda-slot-full = Cette heure vient d'être prise. Choisissez une des prochaines heures libres.
agenda-service-unavailable = Ce service ne peut pas être réservé de cette façon pour le moment.
agenda-book-again = Le formulaire a été envoyé deux fois ou modifié. Vérifiez les données et envoyez-le à nouveau.
agenda-person = Les données de la personne
agenda-contact-hint = Il faut un numéro de téléphone ou une adresse e-mail.
agenda-email-hint = Si elle est donnée, la confirmation est envoyée à cette adresse.
agenda-codice-fiscale = Code fiscal (codice fiscale)
agenda-optional = Facultatif.
agenda-person-lang = Langue de la personne (e-mails et rappels)
agenda-interpreter = Interprète nécessaire pour
agenda-other-needs = Autres besoins
agenda-book-button = Réserver le rendez-vous
office-appointments = Rendez-vous
## La semaine du centre.
week-title = Semaine
week-heading = Semaine de { $centre } à partir du { $day }
week-weeks = Semaines
week-previous = Semaine précédente
week-next = Semaine suivante
week-intro = Rendez-vous, réunions de groupe et étapes itinérantes de la semaine, jour par jour ; la page s'imprime seule, sans le menu. Les contacts et les besoins sont dans l'agenda de chaque jour.
week-time = Heure
week-kind = Quoi
week-what = Service ou réunion
week-detail = Détails
week-kind-appointment = Rendez-vous
week-kind-session = Réunion de groupe
week-kind-stop = Étape du camping-car
week-kind-desk = Guichet itinérant
week-nothing = Rien de prévu.
week-kind-closure = Fermeture d'une partie de la journée
## Fermetures d'une partie de la journée.
part-closures-title = Fermetures d'une partie de la journée
part-closures-intro = Une partie d'une journée où tout le centre ou un service ne reçoit pas sur rendez-vous (une salle prise, du personnel absent) : ses créneaux quittent les pages de réservation. Les rendez-vous déjà pris dans cette plage restent et sont listés ici, à déplacer avec les personnes concernées ou à annuler depuis l'agenda, qui les prévient ; aucun n'est annulé tout seul.
part-closures-whole-centre = Tout le centre
part-closures-none = Aucune fermeture d'une partie de journée à venir.
part-closures-to-move = { $count ->
    [one] Un rendez-vous dans cette plage à déplacer.
   *[other] { $count } rendez-vous dans cette plage à déplacer.
}
part-closures-to-move-caption = Rendez-vous à déplacer
part-closures-none-inside = Aucun rendez-vous dans cette plage.
part-closures-remove = Retirer cette fermeture
part-closures-add = Fermer une partie de la journée
part-closures-from = De (heures:minutes)
part-closures-to = À (heures:minutes)
part-closures-service = Pour
part-closures-reason = Motif
part-closures-reason-hint = Pour les agents, par ex. « Salle de réunion prise ».
part-closures-add-button = Ajouter la fermeture
part-closures-added = La fermeture est enregistrée : ses créneaux ne peuvent plus être réservés. Déplacez les rendez-vous listés dessous.
part-closures-removed = La fermeture est retirée : ses créneaux peuvent de nouveau être réservés.
## Déplacer une réservation depuis le bureau.
agenda-move = Déplacer
agenda-move-title = Déplacer le rendez-vous { $reference }
agenda-move-service = Service
agenda-move-now = Actuellement
agenda-move-tells = Choisissez la nouvelle heure : la personne la reçoit par e-mail ou SMS, avec la mise à jour de son agenda.
agenda-move-no-contact = Choisissez la nouvelle heure. La personne n'a laissé ni adresse ni mobile pour les messages : prévenez-la vous-même.
agenda-move-button = Déplacer et prévenir la personne
agenda-move-none = Aucune heure libre ces prochains jours pour ce service.
agenda-move-choose = Choisissez une des heures libres listées.
agenda-move-taken = Cette heure a été prise entre-temps : choisissez-en une autre.
agenda-done-moved = Le rendez-vous { $reference } a été déplacé ; la personne est prévenue.
agenda-place = Où
agenda-place-office = Dans les locaux du centre
agenda-choose-place = Où a lieu le rendez-vous ?
