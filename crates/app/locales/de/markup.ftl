# Virtual boards: social cards and ready-to-paste posts.
card-image-alt = Karte des Stellenangebots { $reference }: { $title }, { $place }
posts-title = Fertige Beitragstexte
posts-intro = Für jedes in den letzten Tagen veröffentlichte Angebot ein Text in jeder Sprache zum Kopieren und Einfügen auf der Facebook-Seite oder im Google-Unternehmensprofil des Zentrums, mit Kurzlink und Bild des Angebots.
posts-days = Veröffentlicht in den letzten Tagen
posts-none = In diesem Zeitraum wurde kein offenes Angebot veröffentlicht.
posts-more = Angezeigt werden die { $shown } neuesten von { $total } Stellenangeboten: Wählen Sie ein Zentrum oder weniger Tage, um die übrigen zu sehen.
posts-text-label = Text auf { $language }
posts-card-link = Bild für soziale Netzwerke auf { $language } (PNG, 1200×630)
post-openings = { $count ->
    [one] 1 Stelle
   *[other] { $count } Stellen
}
post-apply-by = Bewerbung bis { $date }
post-details = Details und Bewerbung: { $link }
post-hashtags = #Jobs #Stellenangebot #Italien
