# La lettre d'information : formulaire d'inscription, confirmation, désinscription, e-mails ; les nouvelles dans le back-office.

newsletter-title = Lettre d'information des offres d'emploi
newsletter-home-link = Recevoir les nouvelles offres par e-mail
newsletter-intro = Recevez par e-mail les nouvelles offres des centres et des sections que vous choisissez, chaque jour ou chaque semaine, ainsi que les nouvelles des centres.
newsletter-privacy = Nous utilisons votre adresse uniquement pour la lettre d'information. Nous vous écrivons d'abord pour vous demander de confirmer ; chaque message contient un lien pour vous désinscrire.
newsletter-email-hint = Nous vous enverrons un lien pour confirmer l'inscription.
newsletter-language = Langue des messages
newsletter-centres = Centres pour l'emploi
newsletter-sections = Sections
newsletter-frequency = Fréquence
newsletter-frequency-weekly = Une fois par semaine, le lundi
newsletter-frequency-daily = Chaque jour
newsletter-subscribe = S'inscrire
newsletter-email-invalid = Écrivez une adresse e-mail valide, par exemple nom@exemple.fr.
newsletter-centre-required = Choisissez au moins un centre.
newsletter-centre-unknown = L'un des centres choisis n'existe pas : choisissez dans la liste.
newsletter-section-required = Choisissez au moins une section.
newsletter-section-unknown = L'une des sections choisies n'existe pas : choisissez dans la liste.
newsletter-too-many = Trop de demandes depuis ce réseau. Réessayez dans { $seconds } secondes.
newsletter-sent-title = Consultez votre boîte aux lettres
newsletter-check-mailbox = Nous avons envoyé à { $email } un message avec un lien de confirmation. L'inscription ne vaut qu'après confirmation.
newsletter-check-mailbox-hint = Le lien est valable 48 heures. Si le message n'arrive pas, regardez aussi dans les courriers indésirables.
newsletter-bad-link-title = Ce lien ne fonctionne pas
newsletter-bad-link-again = Vous pouvez recommencer depuis le formulaire d'inscription.
newsletter-confirm-bad = Le lien de confirmation a expiré (il est valable 48 heures) ou a été modifié. Rien n'a été enregistré.
newsletter-confirm-stale = Ce lien de confirmation est plus ancien que votre dernière confirmation ou désinscription : il n'est plus valable. Rien n'a été modifié.
newsletter-unsubscribe-bad = Le lien de désinscription a été modifié ou est incomplet. Rien n'a été changé.
newsletter-confirm-title = Confirmez votre inscription
newsletter-confirm-for = Inscription pour { $email } :
newsletter-confirm-action = Confirmer l'inscription
newsletter-confirmed-title = Inscription confirmée
newsletter-confirmed-text = Désormais, { $email } recevra les nouvelles offres choisies. Chaque message contient un lien pour se désinscrire ou modifier les choix.
newsletter-unsubscribe-title = Se désinscrire de la lettre d'information
newsletter-unsubscribe-for = Voulez-vous que { $email } ne reçoive plus la lettre d'information ?
newsletter-unsubscribe-action = Me désinscrire
newsletter-unsubscribed-title = Vous ne recevrez plus la lettre d'information
newsletter-unsubscribed-text = L'adresse a été retirée de la lettre d'information. Vous pouvez vous réinscrire quand vous voulez.
newsletter-all-centres = tous
newsletter-choice-centres = Centres : { $value }
newsletter-choice-sections = Sections : { $value }
newsletter-choice-frequency = Fréquence : { $value }
newsletter-confirm-subject = Confirmez votre inscription à la lettre d'information des offres d'emploi
newsletter-confirm-intro = Quelqu'un, sans doute vous, a demandé à recevoir à cette adresse les nouvelles offres d'emploi des centres pour l'emploi, avec ces choix :
newsletter-already-subject = Vous recevez déjà la lettre d'information des offres d'emploi
newsletter-already-intro = Quelqu'un, sans doute vous, a demandé d'inscrire cette adresse, qui reçoit déjà la lettre d'information. Si vous voulez ces choix à la place des choix actuels, confirmez avec le bouton :
newsletter-already-action = Utiliser ces choix
newsletter-confirm-expires = Le lien est valable 48 heures. Si ce n'était pas vous, ignorez ce message : sans confirmation, rien ne change.
newsletter-confirm-footer = Sportello, les offres d'emploi des centres publics pour l'emploi.
newsletter-digest-subject = { $count ->
    [one] Une nouvelle offre d'emploi pour vous
   *[other] { $count } nouvelles offres d'emploi pour vous
}
newsletter-digest-subject-some = Les { $shown } plus récentes de { $count } nouvelles offres d'emploi pour vous
newsletter-digest-intro = Voici les nouvelles offres des centres et des sections que vous avez choisis, publiées depuis le dernier message et toujours ouvertes.
newsletter-digest-more = Ce message présente les { $shown } plus récentes des { $count } nouvelles offres. Retrouvez-les toutes ici : { $url }
newsletter-digest-item = { $reference } · { $place } · { $centre } · jusqu'au { $date }
newsletter-digest-search = Toutes les offres ouvertes : { $url }
newsletter-news-intro = Nouvelles du { $centre } :
newsletter-mail-footer = Vous recevez ce message parce que vous êtes inscrit à la lettre d'information de Sportello.
newsletter-unsubscribe-link = Se désinscrire de la lettre d'information
newsletter-preferences-link = Modifier vos choix
office-newsletter-title = Lettre d'information
office-newsletter-intro = Écrivez une nouvelle pour les inscrits à la lettre d'information de votre centre : ils la liront dans leur langue, ou en italien si vous ne l'avez pas traduite.
office-news-past = Nouvelles déjà écrites
office-news-subject = Objet
office-news-written = Écrite
office-news-sent = Envoyée
office-news-sent-to = { $count ->
    [one] Envoyée à 1 personne le { $date }
   *[other] Envoyée à { $count } personnes le { $date }
}
office-news-not-sent = Pas encore envoyée
office-news-new = Nouvelle nouvelle
office-news-markdown-hint = Le texte peut utiliser **gras**, *italique*, des listes avec « - » et des liens [texte](https://…). L'italien est obligatoire, les autres langues non.
office-news-required = obligatoire
office-news-body = Texte
office-news-preview = Enregistrer et prévisualiser
office-news-italian-required = Écrivez l'objet et le texte en italien.
office-news-incomplete = Écrivez l'objet et le texte, ou laissez les deux vides.
office-news-too-long = L'objet a au plus 200 caractères sur une ligne, le texte au plus 20 000.
office-news-preview-title = Nouvelle : { $subject }
office-news-will-reach = { $count ->
    [one] La nouvelle parviendra à 1 inscrit.
   *[other] La nouvelle parviendra à { $count } inscrits.
}
office-news-send = Envoyer maintenant
office-news-preview-in = Aperçu en { $language }
audit-news-create = Nouvelle écrite
audit-news-send = Nouvelle envoyée
