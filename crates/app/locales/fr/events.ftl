## Group meetings: the public list, the event page, registration, and the
## messages about a registration.

events-title = Réunions de groupe
events-intro = Réunions des centres pour l'emploi, en salle ou en ligne : services, recherche d'emploi, opportunités en Italie et à l'étranger. Elles sont gratuites ; inscrivez-vous pour avoir une place.
events-subscribe = Abonnez-vous aux réunions de ce centre dans votre agenda (.ics)
events-board-link = Réunions de groupe de ce centre
events-next = Prochaines réunions de groupe
events-filter-legend = Choisir
events-filter-centre = Centre
events-filter-centre-any = Tous les centres
events-filter-audience = Pour qui
events-filter-audience-any = Pour tous
events-filter-where = Où
events-filter-where-any = En salle ou en ligne
events-filter-where-online = En ligne
events-filter-where-room = En salle
events-filter-submit = Afficher
events-none = Aucune réunion à venir ne correspond à ce choix.
events-count = { $count ->
    [one] Une réunion
   *[other] { $count } réunions
}
event-audience-everyone = Pour tous
event-audience-young_people = Pour les jeunes
event-audience-foreign_residents = Pour les résidents étrangers
event-audience-mirato = Pour les personnes inscrites sur les listes de la loi 68/1999 (Collocamento Mirato)
event-organiser = Organisée par
event-partners = Avec
event-sessions = Séances
event-series-note = Une seule inscription vaut pour toutes les séances du cycle.
event-session-when = Quand
event-session-where = Où
event-session-seats = Places
event-seats-free = { $count ->
    [one] Une place libre
   *[other] { $count } places libres
}
event-seats-full = Complet : vous pouvez vous inscrire sur la liste d'attente
event-session-cancelled = Annulée
event-session-closed = Inscriptions closes
event-online = En ligne
event-register-title = S'inscrire
event-register-session = Séance
event-register-submit = M'inscrire
event-details-legend = Qui s'inscrit
event-privacy = Nous utilisons ces données uniquement pour gérer cette inscription.
event-waiting-note = Quand toutes les places sont prises, vous entrez sur la liste d'attente : si une place se libère, nous vous la proposons par e-mail ou SMS et la gardons pour vous quelque temps.
event-online-note = L'adresse de la salle en ligne n'est donnée qu'aux personnes inscrites.
event-nothing-open = Les inscriptions à cette réunion sont closes.
event-reference = Référence de l'inscription
event-page-title = Inscription { $reference }
event-status-label = Votre place
event-status-confirmed = Place confirmée
event-status-waiting = Liste d'attente : numéro { $position }
event-status-offered = Place gardée pour vous jusqu'au { $deadline } : confirmez-la
event-status-lapsed = Offre de place expirée
event-status-cancelled = Annulée
event-status-attended = Présent
event-status-no_show = Absent
event-confirm-seat = Je confirme ma place
event-cancel-session = Annuler cette inscription
event-ics = Ajouter à mon agenda (.ics)
event-cancelled-done = Votre inscription a été annulée.
event-confirmed-done = Votre place est confirmée.
event-token-title = Ce lien ne fonctionne pas
event-token-text = Le lien est incomplet ou n'est pas valide. Utilisez le lien du dernier message que nous vous avons envoyé.
event-link-expired-title = Ce lien a expiré
event-link-expired-text = La réunion est terminée : son inscription ne peut plus être ouverte.
event-sent-title = Consultez vos messages
event-sent-text = Nous avons envoyé à { $contacts } un message avec votre inscription : pour chaque séance, une place ou votre rang sur la liste d'attente, et le lien pour la confirmer ou l'annuler.
event-sent-one = Si vous étiez déjà inscrit, le message vous redonne cette inscription.
event-closed-title = L'inscription n'est pas possible
event-closed-past = Cette séance a déjà commencé ou est terminée.
event-closed-cancelled = Cette séance a été annulée.
event-closed-registration = Les inscriptions à cette séance sont closes.
event-no-session = Choisissez une séance.
event-too-late-title = Cette inscription ne peut plus être modifiée
event-too-late-text = Elle a été annulée, son offre de place a expiré ou la séance a commencé.
event-offer-lapsed-text = Le délai pour confirmer la place est passé : elle est allée à la personne suivante sur la liste d'attente.
event-back = Retour aux réunions de groupe
event-poster-title = Réunion : { $title }
event-poster-number = Réunion n°
event-poster-centre = Informations
event-poster-register = Gratuit. Inscrivez-vous sur { $url } (scannez le code) ou au centre.
event-poster-link = Imprimer l'affiche (PDF)
mail-registration-subject = Inscription : { $title }
mail-registration-intro = Voici votre inscription à « { $title } » : pour chaque séance, une place ou votre rang sur la liste d'attente.
mail-registration-offer-subject = Une place s'est libérée pour vous : { $title }
mail-registration-offer-intro = Une place s'est libérée à « { $title } » et nous la gardons pour vous. Confirmez-la avec le lien ci-dessous avant l'heure indiquée ; sinon elle va à la personne suivante sur la liste d'attente.
mail-registration-cancelled-subject = Inscription annulée : { $title }
mail-registration-cancelled-intro = Votre inscription à « { $title } » a été annulée.
mail-registration-lapsed-subject = Offre de place expirée : { $title }
mail-registration-lapsed-intro = La place gardée pour vous à « { $title } » n'a pas été confirmée à temps et est allée à la personne suivante sur la liste d'attente.
mail-registration-reminder-subject = Rappel : { $title }
mail-registration-reminder-intro = Un rappel de votre inscription à « { $title } ». Si vous ne pouvez pas venir, annulez-la : votre place ira à la personne suivante sur la liste d'attente.
mail-registration-existing-subject = Votre inscription : { $title }
mail-registration-existing-intro = Quelqu'un a demandé à vous inscrire à « { $title } », où vous êtes déjà inscrit. Voici votre inscription ; si ce n'était pas vous, vous n'avez rien à faire.
mail-registration-manage = Pour voir, confirmer ou annuler votre inscription, ouvrez cette adresse :
mail-registration-manage-link = Voir, confirmer ou annuler l'inscription
sms-registration = { $centre } : { $title } - { $when }. { $link }
sms-registration-offer = { $centre } : une place est libre pour vous à { $title } - { $when }. Confirmez : { $link }
sms-registration-cancelled = { $centre } : inscription annulée, { $title } - { $when }.
sms-registration-lapsed = { $centre } : l'offre de place pour { $title } a expiré. { $link }
sms-registration-reminder = { $centre } : rappel, { $title } - { $when }. Pour annuler : { $link }
sms-registration-existing = { $centre } : vous êtes déjà inscrit à { $title } - { $when }. { $link }
office-events-title = Rencontres du centre
office-events-intro = Les rencontres dont une séance a lieu entre le mois dernier et les quatre mois à venir. Les listes d'inscrits s'impriment sans le menu.
office-events-none = Aucune rencontre sur cette période.
office-events-counts = { $taken } places prises sur { $seats }, { $waiting } en attente
office-events-list-link = Liste des inscrits
office-events-mirato-only = la liste des inscrits est réservée au Collocamento Mirato
office-events-back = Toutes les rencontres du centre
office-session-title = { $title }, { $when }
office-session-list = Personnes inscrites
office-session-name = Nom
office-session-contacts = Coordonnées
office-session-status = État
office-session-needs = Besoins
office-session-attendance = Présence
office-session-attended = Présent
office-session-no-show = Absent
office-session-undo = Non noté
office-session-marked = Présence enregistrée.
office-session-not-started = La présence se note une fois la séance commencée.
office-session-empty = Personne ne s'est encore inscrit.
office-session-gone = Inscriptions annulées ou expirées, non listées : { $count }.
## Ce que l'organisateur change dans une séance, et dit à tous les inscrits.
event-previously = Auparavant
event-change-reason = Motif
event-called-off = Annulée par l'organisateur
event-moved-from = Déplacée du { $when }
event-messages = Messages de l'organisateur
mail-registration-moved-subject = Nouvelle date : { $title }
mail-registration-moved-intro = L'organisateur a déplacé une séance de « { $title } » : sa nouvelle date et son heure figurent ci-dessous, et votre inscription reste la même. Si vous ne pouvez plus venir, annulez-la, pour que votre place aille à la personne suivante sur la liste d'attente.
mail-registration-called-off-subject = Séance annulée : { $title }
mail-registration-called-off-intro = L'organisateur a annulé une séance de « { $title } », et avec elle votre inscription à cette séance. Vous n'avez rien à faire. Nous en sommes désolés.
mail-registration-message-subject = { $title } : { $subject }
mail-registration-message-intro = L'organisateur de « { $title } » envoie ce message à tous les inscrits :
sms-registration-moved = { $centre } : { $title } est déplacé au { $when }. { $link }
sms-registration-called-off = { $centre } : { $title } du { $when } est annulé par l'organisateur. { $link }
sms-registration-message = { $centre }, { $title } : { $message } { $link }
session-change-started = Cette séance a commencé ou est terminée : elle ne peut plus être modifiée.
session-change-cancelled = Cette séance a déjà été annulée.
session-change-in-past = La nouvelle date et l'heure sont passées : choisissez un horaire à venir.
session-change-times = Indiquez une date (jour, mois, année) et une heure de début et de fin (heures:minutes) ce jour-là, la fin après le début.
session-change-unchanged = La nouvelle date et les horaires sont ceux de la séance : rien à déplacer.
session-change-no-reason = Indiquez le motif de l'annulation : tous les inscrits le liront.
session-change-length = Indiquez un objet (jusqu'à 150 caractères) et un texte (jusqu'à 2 000), ou un motif de 300 caractères au plus.
office-session-moved = La séance a été déplacée ; tous les inscrits sont prévenus.
office-session-called-off = La séance a été annulée ; tous les inscrits sont prévenus.
office-session-sent = Le message part vers tous les inscrits.
office-session-messages = Messages envoyés
office-session-message-recipients = { $count ->
    [one] à une personne
   *[other] à { $count } personnes
}
office-session-message-title = Écrire à tous les inscrits
office-session-message-hint = Par e-mail, et par SMS à qui les a demandés : { $count ->
    [one] une personne a une place ou attend.
   *[other] { $count } personnes ont une place ou attendent.
} Le message s'affiche aussi sur la page d'inscription de chacun.
office-session-subject = Objet
office-session-body = Message
office-session-send = Envoyer le message
office-session-move-title = Déplacer cette séance
office-session-move-hint = Chaque inscrit garde sa place ou son rang dans la file et reçoit la nouvelle date et l'heure ; les inscriptions ferment aussi longtemps avant le nouveau début qu'avant.
office-session-date = Jour
office-session-start = Début (heures:minutes)
office-session-end = Fin (heures:minutes)
office-session-reason-optional = Motif (facultatif, visible par tous)
office-session-reason = Motif (visible par tous)
office-session-move = Déplacer la séance et prévenir tout le monde
office-session-cancel-title = Annuler cette séance
office-session-cancel-hint = Chaque inscription est annulée et { $count ->
    [one] la personne inscrite est prévenue
   *[other] les { $count } personnes inscrites sont prévenues
} par e-mail ou SMS. C'est définitif.
office-session-cancel = Annuler la séance et prévenir tout le monde
