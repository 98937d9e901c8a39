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
mail-registration-subject = Inscription : { $title }
mail-registration-intro = Voici votre inscription à « { $title } » : pour chaque séance, une place ou votre rang sur la liste d'attente.
mail-registration-offer-subject = Une place s'est libérée pour vous : { $title }
mail-registration-offer-intro = Une place s'est libérée à « { $title } » et nous la gardons pour vous. Confirmez-la avec le lien ci-dessous avant l'heure indiquée ; sinon elle va à la personne suivante sur la liste d'attente.
mail-registration-cancelled-subject = Inscription annulée : { $title }
mail-registration-cancelled-intro = Votre inscription à « { $title } » a été annulée.
mail-registration-lapsed-subject = Offre de place expirée : { $title }
mail-registration-lapsed-intro = La place gardée pour vous à « { $title } » n'a pas été confirmée à temps et est allée à la personne suivante sur la liste d'attente.
mail-registration-existing-subject = Votre inscription : { $title }
mail-registration-existing-intro = Quelqu'un a demandé à vous inscrire à « { $title } », où vous êtes déjà inscrit. Voici votre inscription ; si ce n'était pas vous, vous n'avez rien à faire.
mail-registration-manage = Pour voir, confirmer ou annuler votre inscription, ouvrez cette adresse :
mail-registration-manage-link = Voir, confirmer ou annuler l'inscription
sms-registration = { $centre } : { $title } - { $when }. { $link }
sms-registration-offer = { $centre } : une place est libre pour vous à { $title } - { $when }. Confirmez : { $link }
sms-registration-cancelled = { $centre } : inscription annulée, { $title } - { $when }.
sms-registration-lapsed = { $centre } : l'offre de place pour { $title } a expiré. { $link }
sms-registration-existing = { $centre } : vous êtes déjà inscrit à { $title } - { $when }. { $link }
