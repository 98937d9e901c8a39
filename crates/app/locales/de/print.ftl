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
poster-does-not-fit-title = Das Plakat passt nicht auf eine Seite
poster-does-not-fit = Dieses Angebot passt in { $count } Sprachen bei dieser Schriftgröße nicht auf eine A4-Seite. Wählen Sie weniger Sprachen oder drucken Sie ohne Großdruck.
print-office-title = Aushänge drucken
print-office-intro = Laden Sie den Aushang eines Zentrums als PDF zum Drucken und Aufhängen herunter: für jeden Bereich ein Deckblatt, das sagt, wer sich bewerben kann und wie, dann seine offenen Angebote, drei pro Seite (zwei im Großdruck), jedes mit seinem QR-Code.
print-section-any = Alle Bereiche mit offenen Angeboten
print-languages = Sprachen
print-italian-always = Italienisch wird immer zuerst gedruckt; kreuzen Sie die weiteren Sprachen an.
print-large = Großdruck (Text mindestens 20 pt, für Menschen mit Sehbehinderung)
print-board-download = Aushang herunterladen (PDF)
print-posters-hint = Das Plakat eines einzelnen Angebots wird auf der Seite des Angebots gedruckt:
print-poster-heading = Plakat zum Drucken
print-poster-download = Plakat herunterladen (PDF, A4)
