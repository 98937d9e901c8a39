# Sportello — textes de l'interface, français.
# Chaque message existe en it, en, fr et de (un test le vérifie).

site-name = Sportello · Centres pour l'emploi (Centri per l'Impiego)
skip-to-content = Aller au contenu
nav-languages = Langues
footer-about = Offres d'emploi des centres publics pour l'emploi (Centri per l'Impiego). Le service est gratuit.

## Dates, nombres
date-format = { $day }/{ $month }/{ $year }
salary-range = { $min }–{ $max } € brut par mois
openings = { $count ->
    [one] { $count } poste
   *[other] { $count } postes
}
offer-count = { $count ->
    [one] { $count } offre
   *[other] { $count } offres
}
hours-per-week = { $hours } heures par semaine
experience-months = { $months ->
    [one] { $months } mois
   *[other] { $months } mois
}
experience-none = Pas nécessaire
weekday-1 = Lundi
weekday-2 = Mardi
weekday-3 = Mercredi
weekday-4 = Jeudi
weekday-5 = Vendredi
weekday-6 = Samedi
weekday-7 = Dimanche

## Sections du tableau des offres
section-ordinary = Offres d'emploi
section-ordinary-who = Ouvertes à tous.
section-eures = EURES : emplois dans d'autres régions et en Europe
section-eures-who = Ouvertes à tous. Offres d'autres régions italiennes et de pays de l'Union européenne et de l'Espace économique européen, par le réseau EURES.
section-mirato-art1 = Collocamento Mirato : personnes en situation de handicap (art. 1, loi 68/1999)
section-mirato-art1-who = Seulement pour les personnes en situation de handicap inscrites sur la liste du Collocamento Mirato (loi 68/1999, art. 1).
section-mirato-art18 = Collocamento Mirato : catégories protégées (art. 18, loi 68/1999)
section-mirato-art18-who = Seulement pour les personnes des catégories protégées inscrites sur la liste de la loi 68/1999, art. 18 (par exemple orphelins ou conjoints survivants de personnes mortes au travail, réfugiés, victimes du terrorisme ou du crime organisé).

## Accueil
home-title = Offres d'emploi des centres publics pour l'emploi
home-intro = { $count ->
    [one] Il y a aujourd'hui { $count } offre ouverte. Cherchez un emploi par mot-clé ou choisissez un centre.
   *[other] Il y a aujourd'hui { $count } offres ouvertes. Cherchez un emploi par mot-clé ou choisissez un centre.
}
home-centres = Centres pour l'emploi
home-sections = Sections

## Recherche
search-title = Rechercher des offres d'emploi
search-label = Quel emploi cherchez-vous ?
search-hint = Un métier, un lieu ou un code de référence comme LE-0427. Vous pouvez écrire en italien, en anglais, en français ou en allemand.
search-button = Rechercher
search-all-offers = Voir toutes les offres ouvertes
filters-title = Filtres
filter-any = Indifférent
filter-centre = Centre
filter-section = Section
filter-group = Groupe de métiers
filter-contract = Contrat
filter-working-time = Temps de travail
filter-language = Langue demandée
filter-since = Publiées depuis le
sort-label = Trier par
sort-relevance = Les plus pertinentes
sort-date = Les plus récentes
results-count = { $count ->
    [one] { $count } offre trouvée
   *[other] { $count } offres trouvées
}
results-none = Aucune offre ouverte ne correspond. Essayez avec moins de mots ou moins de filtres.
query-truncated = Votre recherche était trop longue : seuls les { $max } premiers caractères ont été utilisés.
pagination = Pages de résultats
page-previous = Page précédente
page-next = Page suivante
page-number = Page { $number }

## Tableau des offres
board-intro = Les offres d'emploi ouvertes de ce centre, par section. Chaque offre a un code de référence : indiquez-le quand vous postulez.
board-sections = Sections de ce tableau des offres
board-see-all = Voir les { $count } offres de cette section
board-section-empty = Il n'y a pas d'offre ouverte dans cette section pour le moment.
contacts-title = Contacts et horaires
contacts-phone = Téléphone
contacts-email = E-mail
hours-title = Horaires d'ouverture
hours-day = Jour
hours-time = Horaires
hours-by-appointment = uniquement sur rendez-vous
hours-note = Fermé les jours fériés.

## Offre
reference = Référence
text-fallback-note = Cette offre n'est pas encore disponible en français : la description ci-dessous est en italien. Les informations ci-dessus sont en français.
offer-details = Informations
field-occupation = Métier
field-place = Lieu de travail
offer-place-remote = Télétravail, pour les personnes résidant en/au { $country } (siège : { $place })
field-employer = Employeur
field-contract = Contrat
field-working-time = Temps de travail
field-openings = Postes
field-education = Niveau d'études
field-languages = Langues
field-licence = Permis de conduire
field-experience = Expérience
field-salary = Salaire
field-published = Publiée le
valid-through = Ouverte jusqu'au
offer-description = Description
offer-how-to-apply = Comment postuler
apply-quote-reference = Quand vous postulez, indiquez la référence { $reference }.
offer-short-url = Adresse courte de cette offre
back-to-board = Retour au tableau des offres : { $centre }
offer-gone-title = Cette offre est fermée
offer-gone-text = L'offre que vous cherchez n'est plus ouverte : le poste a été pourvu, l'offre a été retirée ou elle a expiré.
offer-gone-similar = Offres similaires ouvertes
offer-gone-none = Il n'y a pas d'offre similaire ouverte pour le moment.

## Erreurs
not-found-title = Page introuvable
not-found-text = La page demandée n'existe pas. Vérifiez l'adresse ou recommencez depuis la page d'accueil.
unknown-language-text = Ce site est disponible en italien, en anglais, en français et en allemand. Choisissez votre langue :
bad-request-title = La demande ne peut pas être traitée
bad-parameter = La valeur « { $value } » n'est pas valide pour « { $name } ». Modifiez-la et réessayez.
internal-error-title = Un problème est survenu
internal-error-text = Un problème est survenu de notre côté. Veuillez réessayer dans quelques minutes. Si cela se reproduit, donnez au centre cette référence : { $reference }.
too-many-title = Trop de demandes
too-many-text = Trop de demandes sont venues de votre réseau ou pour ce contact : celle-ci n'a pas été traitée. Veuillez réessayer dans { $minutes ->
    [one] une minute
   *[other] { $minutes } minutes
}.
too-large-title = Trop de données envoyées
too-large-text = Ce que vous avez envoyé dépasse la limite de { $size } Ko de cette page. Raccourcissez les textes et réessayez.
slow-body-title = Envoi trop lent
slow-body-text = Les données du formulaire ne sont pas arrivées à temps. Vérifiez votre connexion et réessayez.
busy-title = Service momentanément occupé
busy-text = Il y a trop de demandes en ce moment. Veuillez réessayer dans quelques secondes.
busy-renders-text = Trop de documents (PDF et images) sont en préparation en ce moment. Veuillez réessayer dans quelques secondes.
no-data-key-title = Données personnelles indisponibles
no-data-key-text = Ce serveur ne peut pas enregistrer ni lire pour l'instant les données personnelles protégées (besoins liés à la santé, second facteur) : sa clé de chiffrement n'est pas configurée. Réessayez plus tard ou appelez le centre ; les responsables du service ont été avertis.
busy-slow-text = La réponse a pris trop de temps. Veuillez réessayer dans quelques minutes.

## Déclaration d'accessibilité
accessibility-title = Déclaration d'accessibilité
accessibility-intro = Les centres publics pour l'emploi veulent que tout le monde puisse utiliser ce site, comme l'exigent la loi italienne 4/2004 et les règles de l'AgID. Cette déclaration concerne les pages publiques de Sportello.
accessibility-status-title = État de conformité
accessibility-status = Le site vise la conformité à la norme EN 301 549 (WCAG 2.1, niveau AA). Avant chaque nouvelle version, chaque page est vérifiée automatiquement dans un navigateur pour trouver les erreurs d'accessibilité. Les vérifications automatiques ne trouvent pas tous les obstacles : signalez-nous ceux que vous rencontrez.
accessibility-how-title = Comment le site est fait
accessibility-how-keyboard = Tout peut être utilisé avec le clavier seul ; le premier lien de chaque page mène directement à son contenu.
accessibility-how-nojs = Les pages fonctionnent sans JavaScript et avec des connexions lentes.
accessibility-how-languages = Les pages sont disponibles en italien, en anglais, en français et en allemand ; quand une offre n'est pas encore traduite, ses informations sont quand même affichées dans votre langue.
accessibility-how-print = Les offres sont aussi affichées sur papier dans les centres, en gros caractères sur demande.
accessibility-report-title = Signaler un obstacle
accessibility-report = Si une partie de ce site est difficile ou impossible à utiliser pour vous, écrivez à l'adresse e-mail de votre centre pour l'emploi (sur la page du centre) ou téléphonez au centre : dites quelle page et quel est le problème. Nous répondons dans un délai de 30 jours.
accessibility-enforcement = Si la réponse ne vous satisfait pas, ou si vous n'avez pas de réponse dans les 30 jours, vous pouvez le signaler à l'AgID, l'Agence pour l'Italie numérique, qui traite les réclamations sur l'accessibilité.

## Protection des données personnelles
privacy-title = Protection des données personnelles
privacy-intro = Cette note explique, selon l'article 13 du Règlement général sur la protection des données (RGPD, UE 2016/679), quelles données personnelles sont traitées par les pages publiques de ce site.
privacy-controller-title = Qui est responsable
privacy-controller = Le responsable du traitement est l'agence régionale pour l'emploi qui gère les centres (Arpal Puglia pour la zone de Lecce, l'Agence régionale pour l'emploi d'Émilie-Romagne pour Rimini et Riccione). Vous pouvez contacter son délégué à la protection des données par le site internet de l'agence.
privacy-data-title = Quelles données
privacy-data = Consulter les offres ne demande aucune inscription et ne dépose aucun cookie. Les formulaires utilisent un cookie technique qui les protège des envois falsifiés ; les personnes connectées reçoivent un cookie de session qui expire à la déconnexion ou après 30 minutes d'inactivité. Aucun cookie ne sert à suivre qui que ce soit. Quand vous réservez un rendez-vous ou une place à une réunion de groupe, vous indiquez votre nom et vos coordonnées et, si vous le souhaitez, des besoins comme l'accès en fauteuil roulant ou un interprète (conservés sous forme chiffrée, lus uniquement par la personne qui vous reçoit). Avec un compte, nous conservons votre nom, l'adresse e-mail ou le numéro de portable que vous avez confirmé, votre date de naissance (pour vérifier que vous avez 16 ans ou plus) et, si vous en rédigez un, votre CV et les choix que vous faites à son sujet, chacun enregistré avec sa date. Les entreprises qui envoient une offre donnent leurs coordonnées, que le centre utilise uniquement pour traiter la demande. Le serveur enregistre, pour la sécurité, l'adresse réseau de chaque requête, son heure et la page demandée.
privacy-purpose-title = Pourquoi
privacy-purpose = Ces enregistrements servent seulement à faire fonctionner le service et à le garder sûr (base juridique : les missions publiques des services de l'emploi, article 6, paragraphe 1, point e, du RGPD). Ils ne servent pas à établir le profil de quiconque et ne sont pas transmis à d'autres, sauf aux autorités quand la loi l'exige.
privacy-retention-title = Combien de temps
privacy-retention = Les enregistrements de sécurité sont effacés au plus tard après 30 jours. Le texte des messages que nous vous envoyons est effacé 90 jours après l'envoi. Votre compte, votre CV et vos choix sont conservés jusqu'à ce que vous les supprimiez ; les rendez-vous et les réunions qui ont déjà eu lieu ne sont alors conservés que sous forme de chiffres, sans votre nom ni vos coordonnées.
privacy-rights-title = Vos droits
privacy-rights = Avec un compte, vous pouvez télécharger toutes vos données et supprimer vous-même votre compte, depuis la page Mes données. Vous pouvez aussi demander à voir, corriger ou effacer vos données, ou vous opposer à leur utilisation (articles 15 à 22 du RGPD), en écrivant au responsable du traitement. Vous pouvez aussi porter plainte auprès de l'autorité italienne de protection des données, le Garante per la protezione dei dati personali.

## Employers
employers-title = Pour les entreprises
employers-intro = Les entreprises peuvent envoyer une offre d'emploi à un centre pour l'emploi sans s'inscrire, et calculer combien de personnes elles doivent embaucher selon la loi 68/1999 (Collocamento Mirato).
quota-title = Combien d'embauches la loi 68/1999 exige
quota-intro = Indiquez le nombre de salariés pris en compte : le calcul montre combien de personnes handicapées (art. 1) et de catégories protégées (art. 18) l'entreprise doit employer.
quota-employees = Salariés pris en compte
quota-employees-hint = Certaines catégories ne sont pas comptées (art. 4 de la loi 68/1999), par exemple les cadres dirigeants et les salariés en contrat d'insertion.
quota-button = Calculer
quota-invalid = Indiquez un nombre entier de salariés, par exemple 42.
quota-result-art1 = Avec { $employees } salariés : { $count ->
    [one] { $count } personne handicapée (art. 1).
   *[other] { $count } personnes handicapées (art. 1).
}
quota-result-art18 = { $count ->
    [0] Aucune personne des catégories protégées (art. 18).
    [one] { $count } personne des catégories protégées (art. 18).
   *[other] { $count } personnes des catégories protégées (art. 18).
}
quota-rules-title = Les règles
quota-rule-small = Moins de 15 salariés : aucune obligation.
quota-rule-15 = De 15 à 35 salariés : 1 personne handicapée.
quota-rule-36 = De 36 à 50 salariés : 2 personnes handicapées.
quota-rule-51 = Plus de 50 salariés : 7 % des salariés (les fractions au-delà de 0,5 comptent pour une personne).
quota-rule-art18 = Catégories protégées (art. 18) : 1 personne de 51 à 150 salariés, au-delà de 150, 1 %.
quota-disclaimer = Le calcul est indicatif. Pour la déclaration annuelle et les conventions, adressez-vous au bureau du Collocamento Mirato.
request-title = Envoyer une offre d'emploi
request-intro = Décrivez le poste : le centre pour l'emploi choisi la vérifie et la publie sur ses tableaux, dans ses bureaux et en ligne.
request-privacy = Les coordonnées de l'entreprise servent seulement au centre pour l'emploi et n'apparaissent jamais sur les tableaux publics.
request-company = L'entreprise
request-company-name = Raison sociale
request-vat = Numéro de TVA (partita IVA)
request-vat-hint = 11 chiffres, par exemple 00743110157.
request-contact = Personne de contact
request-phone = Téléphone
request-show-name = Afficher le nom de l'entreprise sur les tableaux publics
request-where = Centre et type d'offre
request-centre = Centre pour l'emploi
request-placement = Collocamento Mirato
placement-none = Non, offre ouverte à tous
placement-art1 = Oui, pour des personnes handicapées (art. 1, loi 68/1999)
placement-art18 = Oui, pour des catégories protégées (art. 18, loi 68/1999)
request-how-hint = Comment postuler, par exemple en envoyant son CV au centre pour l'emploi.
request-valid-through = Date de clôture de l'offre
request-send = Envoyer l'offre
request-vat-invalid = Ce numéro de TVA n'est pas valide : vérifiez les 11 chiffres.
request-email-invalid = Indiquez une adresse e-mail valide, par exemple nom@entreprise.it.
request-phone-invalid = Indiquez un numéro de téléphone, par exemple 0832 123456.
request-too-many = Trop d'offres ont été envoyées depuis ce réseau. Réessayez dans { $seconds } secondes.
request-status-title = Offre { $reference }
request-received = Reçue : le centre pour l'emploi l'examine.
request-published = Publiée sur les tableaux.
request-declined = Non publiée.
request-thanks = Merci : l'offre est arrivée avec la référence { $reference }.
request-keep-link = Gardez cette adresse pour suivre l'offre : elle indique si l'offre a été publiée.
request-reason = Motif
request-see-offer = Voir l'offre publiée
closures-title = Jours de fermeture

## The demo's mailbox.

mailbox-title = Boîte aux lettres de la démo
mailbox-intro = Cette démo n'envoie aucun e-mail : voici les messages qu'elle aurait envoyés, avec leurs liens et pièces jointes.
mailbox-empty = Aucun message pour l'instant. Réservez un rendez-vous avec une adresse e-mail pour en voir un.
mailbox-to = À
mailbox-when = Créé le
mailbox-kind = Type
mailbox-attachment = Télécharger la pièce jointe { $name }
mailbox-text = Texte du message

## Feeds of the newest offers (Atom and JSON Feed), announced in the pages' head.

feed-network-title = Offres d'emploi de tous les centres pour l'emploi
feed-centre-title = Offres d'emploi : { $centre }
feed-section-title = Offres d'emploi : { $section }
feed-link-atom = { $title } (flux Atom)
feed-link-json = { $title } (flux JSON Feed)
feed-entry-summary = { $place } · { $centre } · { $contract } · Ouverte jusqu'au { $date }
