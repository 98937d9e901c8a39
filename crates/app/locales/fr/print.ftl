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
poster-does-not-fit-title = L'affiche ne tient pas sur une page
poster-does-not-fit = Cette offre ne tient pas sur une page A4 en { $count } langues avec cette taille de texte. Choisissez moins de langues, ou imprimez sans gros caractères.
print-office-title = Imprimer les tableaux
print-office-intro = Téléchargez en PDF le tableau d'un centre à imprimer et afficher : pour chaque section une page de garde qui dit qui peut postuler et comment, puis ses offres ouvertes, trois par page (deux en gros caractères), chacune avec son code QR.
print-section-any = Toutes les sections avec des offres ouvertes
print-languages = Langues
print-italian-always = L'italien est toujours imprimé en premier ; cochez les autres langues à ajouter.
print-large = Gros caractères (texte d'au moins 20 pt, pour les personnes malvoyantes)
print-board-download = Télécharger le tableau (PDF)
print-posters-hint = L'affiche d'une seule offre s'imprime depuis la page de l'offre :
print-poster-heading = Affiche à imprimer
print-poster-download = Télécharger l'affiche (PDF, A4)
