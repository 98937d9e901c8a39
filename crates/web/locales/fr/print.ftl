## Printed posters and boards (PDF)
offer-poster-link = Imprimer l'affiche de cette offre (PDF, A4)
offer-poster-large-link = En gros caractères (PDF, A4)
poster-title = { $title } – { $reference }
poster-where-to-apply = Où postuler
poster-continues-online = Suite en ligne
poster-description-in-italian = La description de cette offre est disponible en italien.
poster-contact = Tél. { $phone } · { $email }
poster-hours-line = { $day } { $opens }–{ $closes }
board-title = Tableau de { $centre }
board-cover-what = Ce tableau présente les offres d'emploi ouvertes de { $centre }, rubrique « { $section } ».
board-cover-how = Pour postuler, venez au centre avec la référence de l'offre, ou scannez le code QR de l'offre pour la lire en ligne.
board-cover-count = { $count ->
    [one] Une offre ouverte
   *[other] { $count } offres ouvertes
}
board-cover-empty = Aucune offre ouverte dans cette rubrique pour le moment.
