# Sportello — back-office strings. Every message here exists in it, en, fr and de.

## Erreurs
forbidden-title = Action non autorisée
forbidden-text = Votre compte ne permet pas cette action. La tentative a été enregistrée ; si vous avez besoin de cet accès, demandez-le à un administrateur.
form-expired-title = Le formulaire a expiré
form-expired-text = Le formulaire a expiré ou a été envoyé depuis une autre page. Rechargez la page et réessayez.
stale-title = Modifié entre-temps
stale-text = Quelqu'un d'autre a modifié cette fiche après que vous l'avez ouverte. Ouvrez-la à nouveau pour voir la dernière version, puis faites votre modification.
not-possible-title = Action impossible
not-possible-text = Cette modification n'est pas possible dans l'état actuel de la fiche.
form-has-errors = Veuillez corriger les champs ci-dessous
field-required = Remplissez ce champ.
field-too-long = Utilisez au maximum { $max } caractères.
field-unknown = Choisissez une des valeurs de la liste.
field-not-a-number = Écrivez un nombre entier.
field-out-of-range = Écrivez un nombre de { $min } à { $max }.
field-not-a-date = Écrivez une date au format année-mois-jour, par exemple 2026-12-31.
field-date-in-past = La date ne peut pas être dans le passé.
field-date-too-far = La date peut être au plus tard dans { $max } jours.
field-salary-order = Le salaire maximum ne doit pas être inférieur au salaire minimum.
field-salary-incomplete = Indiquez le salaire minimum et le salaire maximum, ou aucun des deux.
field-duplicate = Cette langue figure déjà dans la liste.
field-not-allowed = Votre compte ne peut pas créer d'offres pour ce centre et cette section.

## Navigation
office-nav = Espace de gestion
office-home-title = Espace de gestion
office-offers-title = Offres
office-translations-title = Traductions
office-users-title = Utilisateurs
office-audit-title = Journal d'audit
office-account-title = Mon compte
office-sign-out = Se déconnecter ({ $name })
office-welcome = Bienvenue, { $name }.
office-continue = Continuer
office-nothing = Rien à afficher.
office-no-grants = Votre compte n'est encore rattaché à aucun centre. Demandez à un administrateur de vous donner l'accès.
office-admin = Administration
office-expiring = Offres qui expirent dans les { $days } jours
office-drafts = Brouillons
office-translations-count = { $count ->
    [one] { $count } offre attend une traduction
   *[other] { $count } offres attendent des traductions
}
office-offer-title = Offre
office-offers-search = Référence, titre ou employeur
office-actions = Actions
office-history = Historique

## Connexion
sign-in-title = Connexion
sign-in-button = Se connecter
sign-in-help = L'espace de gestion est réservé au personnel des centres pour l'emploi. Si vous ne parvenez pas à vous connecter, adressez-vous à votre administrateur.
sign-in-wrong = Adresse e-mail ou mot de passe incorrect.
sign-in-blocked = Trop de tentatives échouées. Réessayez dans { $seconds } secondes.
second-factor-title = Deuxième facteur
second-factor-hint = Les six chiffres affichés par votre application d'authentification, ou l'un de vos codes de récupération.
second-factor-button = Confirmer
second-factor-wrong = Ce code n'est pas valide. Les codes changent toutes les 30 secondes et chacun ne peut servir qu'une fois.
field-email = Adresse e-mail
field-password = Mot de passe
field-code = Code
field-name = Nom

## Mot de passe
password-title = Changer de mot de passe
password-forced = Vous devez choisir un nouveau mot de passe avant de continuer.
field-password-current = Mot de passe actuel
field-password-new = Nouveau mot de passe
field-password-repeat = Confirmez le nouveau mot de passe
password-rules = Au moins { $min } caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.
password-button = Changer le mot de passe
password-current-wrong = Le mot de passe actuel est incorrect.
password-too-short = Le mot de passe doit comporter au moins { $min } caractères.
password-too-long = Le mot de passe peut comporter au maximum { $max } caractères.
password-common = Ce mot de passe fait partie des plus utilisés : choisissez-en un autre.
password-contains-name = Le mot de passe ne doit pas contenir votre adresse e-mail.
password-repeat-differs = Les deux nouveaux mots de passe sont différents.
password-confirm = Votre mot de passe
password-confirm-hint = Demandé à nouveau pour confirmer que c'est bien vous.
password-confirm-wrong = Ce n'est pas votre mot de passe.

## Deuxième facteur
second-factor-setup-title = Deuxième facteur (application d'authentification)
second-factor-required = Toute personne qui travaille dans l'espace de gestion doit utiliser un deuxième facteur, car on y voit des données personnelles. Configurez-le maintenant pour continuer.
second-factor-step-app = Installez une application d'authentification (par exemple FreeOTP, Aegis ou Google Authenticator) sur votre téléphone.
second-factor-step-scan = Scannez ce code avec l'application, ou saisissez la clé ci-dessous.
second-factor-step-code = Écrivez les six chiffres affichés par l'application.
second-factor-qr = Code QR du deuxième facteur pour l'application d'authentification
second-factor-secret = Clé :
second-factor-enable = Activer le deuxième facteur
second-factor-disable = Désactiver le deuxième facteur
second-factor-kept = Votre compte doit garder son deuxième facteur. Si vous perdez votre téléphone et vos codes de récupération, un administrateur peut le réinitialiser.
second-factor-on = Le deuxième facteur est activé. { $count ->
    [one] Il vous reste { $count } code de récupération.
   *[other] Il vous reste { $count } codes de récupération.
}
second-factor-state-on = activé
second-factor-state-off = désactivé
recovery-codes-title = Codes de récupération
recovery-codes-once = Conservez ces codes en lieu sûr : chacun vous permet de vous connecter une fois sans votre téléphone. Ils ne sont affichés que maintenant.

## Jetons d'API
tokens-title = Jetons d'API
tokens-intro = Un jeton permet à un programme d'utiliser l'API avec vos autorisations. Il n'est affiché qu'une seule fois et reste valable le nombre de jours choisi ; changer votre mot de passe ou votre deuxième facteur révoque tous vos jetons. Révoquez un jeton quand vous n'en avez plus besoin.
tokens-new = Votre nouveau jeton (copiez-le maintenant, il ne sera plus affiché) :
tokens-name = Nom du nouveau jeton
tokens-create = Créer un jeton
tokens-created = Créé le
tokens-last-used = Dernière utilisation
tokens-state = État
tokens-revoked = révoqué
tokens-revoke = Révoquer { $name }
tokens-days = Validité (jours)
tokens-days-hint = De { $min } à { $max } jours.
tokens-days-invalid = Indiquez un nombre entier de jours entre { $min } et { $max }.
tokens-expires = Expire le
tokens-expired = expiré
tokens-new-expiry = Il est valable jusqu'au { $date }.

## Offres
status-draft = Brouillon
status-published = Publiée
status-filled = Pourvue
status-withdrawn = Retirée
status-expired = Expirée
text-status = { $status ->
    [original] original
    [reviewed] vérifié
    [draft] brouillon, non public
   *[missing] manquant
}
field-reference = Référence
field-title = Titre
field-centre = Centre
field-section = Section
field-status = Statut
field-valid-through = Valable jusqu'au
field-texts = Langues
field-published-on = Publiée le
field-employer-hidden = Ne pas afficher le nom de l'employeur sur les tableaux des offres publics
field-remote = Télétravail : le candidat doit résider dans le pays indiqué ; la localité est celle du siège de l'employeur
field-town = Commune
field-postcode = Code postal
field-region = Province ou région
field-region-hint = En Italie, le sigle de la province, par exemple LE ; à l'étranger, la région ou l'État.
field-country = Pays
field-hours = Heures par semaine
field-salary-min = Salaire mensuel brut minimum (€)
field-salary-max = Salaire mensuel brut maximum (€)
field-salary-hint = Laissez les deux champs vides si le salaire n'est pas indiqué.
field-language = Langue { $number }
field-level = Niveau de la langue { $number }
field-user-lang = Langue de l'espace de gestion
offer-new-title = Nouvelle offre
offer-edit-title = Modifier l'offre
form-where = Centre et section
form-job = Le poste
form-employer = Employeur
form-terms = Conditions
form-requirements = Exigences
form-choose = Choisissez…
form-none = Néant
form-save = Enregistrer
form-title-hint = Court et clair, par exemple « Serveur (H/F) pour un restaurant à Gallipoli ».
form-markdown-hint = Une ligne vide commence un nouveau paragraphe ; les lignes qui commencent par "- " forment une liste ; **gras** et *italique*.
action-edit = Modifier
action-duplicate = Dupliquer
action-publish = Publier
action-withdraw = Retirer
action-fill = Marquer comme pourvue
action-extend = Prolonger
action-extend-until = Nouvelle date de fin de validité
bulk-title = Action sur les offres sélectionnées
bulk-action = Action
bulk-apply = Appliquer aux offres sélectionnées
bulk-select = Sélectionner
bulk-select-one = Sélectionner { $reference }
bulk-done = { $count ->
    [one] { $count } offre modifiée
   *[other] { $count } offres modifiées
}
bulk-ok = fait

## Traductions
translations-intro = Offres publiées sans texte vérifié dans une ou plusieurs langues, les plus anciennes d'abord. Un brouillon ne devient public que lorsque quelqu'un l'a vérifié.
translations-languages = Langue cible
translations-missing = Langues manquantes
translations-translate = Traduire { $reference } (langue cible : { $language })
translation-editor-title = { $reference } : traduction (langue cible : { $language })
translation-machine = traduction automatique, à vérifier
translation-save-draft = Enregistrer comme brouillon
translation-save-review = Enregistrer comme vérifiée (publique)

## Utilisateurs
role-admin = Administrateur
role-coordinator = Coordinateur de la zone
role-operator = Agent du centre
role-mirato = Collocamento Mirato du centre
user-active = actif
user-inactive = désactivé
user-grants = Autorisations de { $name }
user-grants-new = Autorisations
user-save-grants = Enregistrer les autorisations
user-reset-password = Réinitialiser le mot de passe
user-deactivate = Désactiver
user-activate = Réactiver
user-new = Nouvel utilisateur
user-create = Créer l'utilisateur
one-time-password-title = Mot de passe à usage unique
one-time-password-text = Communiquez ce mot de passe à { $email } en personne ou par téléphone. Il ne fonctionne qu'une fois : un nouveau mot de passe devra être choisi à la première connexion.

## Journal d'audit
audit-at = Quand
audit-actor = Qui
audit-address = Adresse réseau
audit-request-id = ID de requête
audit-action = Action
audit-object = Objet
audit-details = Détails
audit-from = Du (date)
audit-until = Au (date)
audit-export = Télécharger au format CSV

## API
unauthorized-title = Authentification requise
unauthorized-text = Un jeton valide est nécessaire : l'en-tête Authorization: Bearer suivi du jeton créé sur la page de votre compte.
invalid-text = Certains champs ne sont pas valides : la liste indique, champ par champ, ce qu'il faut corriger.

## Employers' requests
office-requests-title = Demandes des entreprises
office-requests-intro = Offres envoyées par les entreprises avec le formulaire public, de la plus récente à la plus ancienne. Elles se publient comme tout brouillon ; si l'une n'est pas publiée, indiquez le motif pour l'entreprise.
office-requests-count = { $count ->
    [one] { $count } demande d'entreprise en attente
   *[other] { $count } demandes d'entreprises en attente
}
office-request-from = Demande de l'entreprise (données confidentielles)
office-request-language = Langue de l'entreprise
office-request-received = Reçue le
office-request-status = { $status ->
    [published] publiée
    [declined] non publiée
   *[received] en attente
}
office-request-reason = Motif de la non-publication (l'entreprise le lira)
office-request-decline = Ne pas publier

## Machine translation
translation-machine-fill = Remplir par traduction automatique (brouillon)
translation-machine-batch = Traduire automatiquement les offres sans texte (brouillons à vérifier)
unavailable-title = Service indisponible
unavailable-text = Le service de traduction automatique n'a pas répondu. Réessayez plus tard ou rédigez la traduction.

## Centres and sections
office-centres-title = Centres
office-sections-title = Textes des sections
office-sections-intro = Ce qu'est chaque section du tableau et qui peut postuler, dans chaque langue. Laissez les champs vides pour utiliser le texte prévu (affiché en gris).
centre-new-title = Nouveau centre
centre-edit-title = Modifier le centre
centre-identity = Le centre
centre-slug = Nom dans l'adresse
centre-slug-hint = Lettres minuscules, chiffres et tirets, par exemple nardo.
centre-prefix = Préfixe des références
centre-prefix-hint = Deux ou trois lettres imprimées avant le numéro de chaque offre, par exemple NA pour NA-0427.
centre-area-slug = Code du territoire
centre-area-name = Territoire
centre-contacts = Adresse et coordonnées
centre-address = Adresse
centre-province = Province
centre-region = Région
centre-hours = Horaires d'ouverture
centre-hours-hint = Jusqu'à deux plages par jour, au format heures:minutes. Laissez vide un jour de fermeture.
centre-opens = Ouverture (plage { $number })
centre-closes = Fermeture (plage { $number })
centre-by-appointment = Sur rendez-vous uniquement (plage { $number })
centre-closures = Fermetures
centre-closures-hint = Jours fériés, fêtes patronales, travaux. Pour un seul jour, la première date suffit.
centre-closure-first = Fermeture { $number } : du
centre-closure-last = Fermeture { $number } : au
centre-closure-reason = Fermeture { $number } : motif
section-text-title = Nom de la section
section-text-who = Qui peut postuler
section-text-save = Enregistrer le texte en { $language }

## Occupation picker
picker-filter = Filtrer la liste : tapez une partie du nom
picker-shown = Résultats : #
user-reset-second-factor = Réinitialiser le second facteur (téléphone perdu)
user-mirato-needs-second-admin = Une autorisation du Collocamento Mirato doit être approuvée par un second administrateur, et il n'y en a qu'un ici : rien n'a été modifié. Créez d'abord un second administrateur, ou donnez l'autorisation sur le serveur avec « sportello user add --role mirato ».
user-proposals-title = Autorisations du Collocamento Mirato en attente d'approbation
user-proposal = Collocamento Mirato pour { $user } à { $centre }, proposé par { $proposer }
user-proposal-own = Vous l'avez proposée : un autre administrateur doit l'approuver.
user-proposal-approve = Approuver
user-proposal-reject = Refuser

## Shared
label-value = { $label } : { $value }
bulk-nothing = Cochez au moins une offre dans la liste, puis choisissez l'action.

## Audit log actions
audit-sign-in = Connexion
audit-sign-in-password = Mot de passe correct, second facteur attendu
audit-sign-in-failed = Échec de connexion
audit-sign-in-blocked = Connexion bloquée (trop de tentatives)
audit-password-confirm-failed = Mot de passe erroné lors d'une confirmation (deuxième facteur ou jeton)
audit-booking-read = Rendez-vous lu (données de santé ou Collocamento Mirato)
audit-request-read = Contacts d'une demande du Collocamento Mirato lus
audit-grant-propose-mirato = Autorisation du Collocamento Mirato proposée
audit-grant-approve-mirato = Autorisation du Collocamento Mirato approuvée
audit-grant-reject-mirato = Autorisation du Collocamento Mirato refusée
audit-sign-out = Déconnexion
audit-permission-denied = Accès refusé
audit-user-create = Utilisateur créé
audit-user-update = Utilisateur modifié
audit-user-activate = Utilisateur réactivé
audit-user-deactivate = Utilisateur désactivé
audit-user-password-reset = Mot de passe réinitialisé
audit-user-password-change = Mot de passe changé
audit-user-second-factor-on = Second facteur activé
audit-user-second-factor-off = Second facteur désactivé
audit-grant-update = Autorisations modifiées
audit-token-create = Jeton d'API créé
audit-token-revoke = Jeton d'API révoqué
audit-token-revoke-all = Jetons d'API révoqués (mot de passe ou deuxième facteur changé)
audit-offer-create = Offre créée
audit-offer-update = Offre modifiée
audit-offer-publish = Offre publiée
audit-offer-filled = Offre pourvue
audit-offer-withdrawn = Offre retirée
audit-offer-expired = Offre expirée
audit-offer-expire = Offre expirée (automatiquement)
audit-offer-extend = Offre prolongée
audit-offer-translation = Traduction enregistrée
audit-offer-translation-review = Traduction vérifiée (publique)
audit-offer-import = Offres importées
audit-request-receive = Demande d'entreprise reçue
audit-request-decline = Demande refusée
audit-centre-create = Centre créé
audit-centre-update = Centre modifié
audit-section-text-update = Texte de section modifié
user-email-taken = Un utilisateur avec cette adresse e-mail existe déjà.

## Confirmations
confirm-withdraw-title = Retirer l'offre ?
confirm-withdraw-text = L'offre disparaît aussitôt de tous les tableaux et des recherches ; son adresse indiquera qu'elle n'est plus disponible. Cette action est définitive.
confirm-fill-title = Marquer l'offre comme pourvue ?
confirm-fill-text = L'offre disparaît aussitôt de tous les tableaux et des recherches, avec la mention « pourvue ». Cette action est définitive.
confirm-cancel = Non, revenir à l'offre
