## Printed posters and boards (PDF)
offer-poster-link = Aushang dieses Angebots drucken (PDF, A4)
offer-poster-large-link = In großer Schrift (PDF, A4)
poster-title = { $title } – { $reference }
poster-where-to-apply = Wo Sie sich bewerben
poster-continues-online = Weiter online
poster-description-in-italian = Die Beschreibung dieses Angebots ist auf Italienisch verfügbar.
poster-contact = Tel. { $phone } · { $email }
poster-hours-line = { $day } { $opens }–{ $closes }
board-title = Aushang von { $centre }
board-cover-what = Dieser Aushang zeigt die offenen Stellenangebote von { $centre }, Rubrik „{ $section }“.
board-cover-how = Um sich zu bewerben, kommen Sie mit der Referenznummer des Angebots ins Zentrum, oder scannen Sie den QR-Code des Angebots, um es online zu lesen.
board-cover-count = { $count ->
    [one] Ein offenes Angebot
   *[other] { $count } offene Angebote
}
board-cover-empty = Zurzeit keine offenen Angebote in dieser Rubrik.
