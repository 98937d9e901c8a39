## Termine im Backoffice: Dienstleistungskatalog, Zugangsregeln und Patronatsfeste, Tagesplan, Buchung für andere Personen.

service-kind-did = Erklärung der Verfügbarkeit für Arbeit (DID)
service-kind-taking_in_charge = Aufnahme in die Betreuung
service-kind-basic_guidance = Einfaches Beratungsgespräch
service-kind-specialist_guidance = Vertieftes Beratungsgespräch
service-kind-skills_assessment = Kompetenzbilanz
service-kind-self_employment = Beratung zur Selbstständigkeit
service-kind-certificates = Bescheinigungen
service-kind-mirato_advice = Beratung Collocamento Mirato (Gesetz 68/1999)
service-kind-eures_advice = EURES-Beratung (Arbeit in Europa)
services-title = Dienstleistungen und Termine
services-caption = Dienstleistungen von { $centre }
services-show = Anzeigen
services-none = Dieses Zentrum hat noch keine Dienstleistungen.
services-actions = Aktionen
services-back = Zurück zu den Dienstleistungen
service-new-title = Dienstleistung hinzufügen
service-edit-title = Dienstleistung ändern
service-kind = Art der Dienstleistung
service-kind-taken = Das Zentrum hat schon eine Dienstleistung dieser Art: Ändern Sie diese.
service-name = Name
service-duration = Dauer eines Termins (Minuten)
service-duration-hint = Der Tag wird ab der Öffnungszeit in Termine dieser Dauer eingeteilt.
service-modalities = Wie der Termin stattfinden kann
service-capacity = Personen zur gleichen Zeit
service-capacity-hint = Wie viele Mitarbeitende in jedem Zeitfenster für diese Dienstleistung frei sind.
service-capacity-booked = Einige Zeitfenster haben schon mehr Buchungen als diese Zahl. Sagen Sie zuerst Buchungen ab oder verschieben Sie sie, oder wählen Sie eine höhere Zahl.
service-notice = Mindestvorlauf (Stunden)
service-notice-hint = Wie lange vor dem Beginn man noch buchen kann. 0 heißt bis zum Beginn.
service-days-ahead = Buchbar bis (Tage im Voraus)
service-days-ahead-hint = Für wie viele Tage ab heute man buchen kann.
service-active = Buchbar
service-active-label = Diese Dienstleistung kann jetzt gebucht werden
service-active-yes = Ja
service-active-no = Nein
service-minutes = { $count } Min.
service-hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
service-days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}
service-what = Die Dienstleistung
service-booking = Buchung
service-texts-in = Name und Beschreibung auf { $language }
service-name-in = Name ({ $language })
service-description-in = Beschreibung ({ $language })
rules-title = Zugangsregeln und Patronatsfeste
rules-saved = Die Zugangsregeln und Patronatsfeste wurden gespeichert.
rules-access = Zugangsregeln
rules-access-hint = Werden vor und nach der Buchung angezeigt. Eine leere Zeile beginnt einen neuen Absatz; Zeilen, die mit "- " beginnen, bilden eine Liste.
rules-access-in = Zugangsregeln auf { $language }
rules-patron = Feste des Schutzheiligen
rules-patron-label = Feste des Schutzheiligen, eines pro Zeile
rules-patron-hint = Schreiben Sie Monat, Tag und Namen, zum Beispiel: 08-26 Heilige Oronzo, Giusto und Fortunato
rules-line-error = Zeile { $number }: { $value }
patron-date = Das Datum ist nicht gültig: Schreiben Sie Monat und Tag so: 08-26.
patron-name-empty = Schreiben Sie den Namen des Festes nach dem Datum.
patron-name-too-long = Der Name des Festes darf höchstens 100 Zeichen haben.
patron-duplicate = Dieser Tag steht schon in der Liste: Schreiben Sie ihn nur einmal.
rules-closed-days = Schließtage in den nächsten { $days } Tagen
rules-closed-caption = Tage, an denen { $centre } geschlossen ist
rules-day = Tag
rules-reason = Grund
rules-closure = Schließung
rules-no-closed-days = Keine Schließtage in diesem Zeitraum, außer den Tagen ohne Öffnungszeiten.
agenda-title = Tagesplan
agenda-heading = Tagesplan von { $centre }, { $day }
agenda-days = Andere Tage
agenda-previous = Vorheriger Tag
agenda-next = Nächster Tag
agenda-day = Tag
agenda-show = Anzeigen
agenda-count = { $count ->
    [0] Keine Termine an diesem Tag.
    [one] Ein Termin.
   *[other] { $count } Termine.
}
agenda-mirato-hidden = { $count ->
    [one] Es gibt außerdem 1 Termin des Collocamento Mirato: Nur sein Büro sieht, von wem.
   *[other] Es gibt außerdem { $count } Termine des Collocamento Mirato: Nur sein Büro sieht, von wem.
}
agenda-empty = An diesem Tag hat niemand gebucht.
agenda-time = Uhrzeit
agenda-phone = Telefon
agenda-needs = Bedürfnisse
agenda-need-interpreter = Dolmetscher: { $language }
agenda-need-wheelchair = Zugang mit Rollstuhl
agenda-need-sign-language = Italienische Gebärdensprache (LIS)
booking-status-booked = Gebucht
booking-status-cancelled = Abgesagt
booking-status-attended = Gekommen
booking-status-no_show = Nicht gekommen
agenda-cancel = Absagen
agenda-attended = Gekommen
agenda-no-show = Nicht gekommen
agenda-booked = Gebucht: Nummer { $reference }.
agenda-booked-mailed = Die Bestätigung wurde per E-Mail geschickt.
agenda-done-cancelled = Der Termin { $reference } wurde abgesagt.
agenda-done-attended = Der Termin { $reference } ist vermerkt: Die Person ist gekommen.
agenda-done-no-show = Der Termin { $reference } ist vermerkt: Die Person ist nicht gekommen.
agenda-cancel-title = Diesen Termin absagen?
agenda-cancel-question = Der Platz wird wieder frei.
agenda-cancel-mail = Die Person bekommt eine E-Mail, dass der Termin abgesagt ist.
agenda-cancel-confirm = Ja, Termin absagen
agenda-cancel-keep = Nein, zurück zum Tagesplan
agenda-not-done = Das war nicht möglich
agenda-too-late = Dieser Termin kann nicht mehr abgesagt werden: Er hat begonnen oder ist schon abgesagt oder abgeschlossen.
agenda-already-closed = Dieser Termin ist schon abgesagt oder vermerkt.
agenda-not-started = Dieser Termin hat noch nicht begonnen: Er kann erst ab seiner Anfangszeit vermerkt werden.
agenda-back = Zurück zum Tagesplan
agenda-book-title = Für eine Person buchen
agenda-change = Ändern
agenda-choose-service = Wählen Sie die Dienstleistung
agenda-choose-modality = Wählen Sie, wie der Termin stattfindet
agenda-choose-day = Wählen Sie den Tag
agenda-no-days = Im Buchungszeitraum dieser Dienstleistung hat kein Tag freie Plätze.
agenda-other-day = Ein anderer Tag
agenda-choose-slot = Freie Zeiten am { $day }
agenda-places = { $count ->
    [one] 1 Platz
   *[other] { $count } Plätze
}
agenda-day-full = An diesem Tag gibt es keine freie Zeit: Wählen Sie einen anderen Tag.
agenda-next-free = Nächste freie Zeiten
agenda-slot-full = Diese Zeit wurde gerade vergeben. Wählen Sie eine der nächsten freien Zeiten.
agenda-service-unavailable = Diese Dienstleistung kann zurzeit nicht auf diese Weise gebucht werden.
agenda-book-again = Das Formular wurde zweimal gesendet oder geändert. Prüfen Sie die Angaben und senden Sie es noch einmal.
agenda-person = Die Angaben der Person
agenda-contact-hint = Eine Telefonnummer oder eine E-Mail-Adresse ist nötig.
agenda-email-hint = Wenn angegeben, wird die Bestätigung an diese Adresse geschickt.
agenda-codice-fiscale = Steuernummer (codice fiscale)
agenda-optional = Freiwillig.
agenda-person-lang = Sprache der Person (E-Mails und Erinnerungen)
agenda-interpreter = Dolmetscher nötig für
agenda-other-needs = Andere Bedürfnisse
agenda-book-button = Termin buchen
office-appointments = Termine
## Die Woche des Zentrums.
week-title = Woche
week-heading = Woche von { $centre } ab { $day }
week-weeks = Wochen
week-previous = Vorherige Woche
week-next = Nächste Woche
week-intro = Termine, Gruppentreffen und Halte der mobilen Stellen in der Woche, Tag für Tag; die Seite druckt sich ohne Menü. Kontakte und Bedürfnisse stehen im Tagesplan jedes Tages.
week-time = Uhrzeit
week-kind = Was
week-what = Dienst oder Treffen
week-detail = Einzelheiten
week-kind-appointment = Termin
week-kind-session = Gruppentreffen
week-kind-stop = Halt des Job-Campers
week-kind-desk = Mobile Beratungsstelle
week-nothing = Nichts geplant.
week-kind-closure = Teilweise geschlossen
## Schließungen für einen Teil des Tages.
part-closures-title = Schließungen für einen Teil des Tages
part-closures-intro = Ein Teil eines Tages, an dem das ganze Zentrum oder ein Dienst keine Termine annimmt (ein Raum belegt, Personal abwesend): Seine Zeiten verschwinden von den Buchungsseiten. Schon gebuchte Termine in dieser Zeit bleiben bestehen und stehen hier, damit Sie sie mit den Betroffenen verlegen oder im Tagesplan stornieren, der sie benachrichtigt; keiner wird von selbst storniert.
part-closures-whole-centre = Das ganze Zentrum
part-closures-none = Keine künftige Schließung für einen Teil des Tages.
part-closures-to-move = { $count ->
    [one] Ein Termin in dieser Zeit ist zu verlegen.
   *[other] { $count } Termine in dieser Zeit sind zu verlegen.
}
part-closures-to-move-caption = Zu verlegende Termine
part-closures-none-inside = Kein Termin in dieser Zeit.
part-closures-remove = Diese Schließung entfernen
part-closures-add = Einen Teil des Tages schließen
part-closures-from = Von (Stunden:Minuten)
part-closures-to = Bis (Stunden:Minuten)
part-closures-service = Für
part-closures-reason = Grund
part-closures-reason-hint = Für die Mitarbeitenden, z. B. „Besprechungsraum belegt“.
part-closures-add-button = Schließung hinzufügen
part-closures-added = Die Schließung ist gespeichert: Ihre Zeiten können nicht mehr gebucht werden. Verlegen Sie die unten aufgeführten Termine.
part-closures-removed = Die Schließung ist entfernt: Ihre Zeiten können wieder gebucht werden.
## Eine Buchung im Büro verlegen.
agenda-move = Verlegen
agenda-move-title = Termin { $reference } verlegen
agenda-move-service = Dienst
agenda-move-now = Jetzt
agenda-move-tells = Wählen Sie die neue Zeit: Die Person erhält sie per E-Mail oder SMS, mit der Kalenderaktualisierung.
agenda-move-no-contact = Wählen Sie die neue Zeit. Die Person hat weder Adresse noch Mobilnummer für Nachrichten hinterlassen: Benachrichtigen Sie sie selbst.
agenda-move-button = Verlegen und die Person benachrichtigen
agenda-move-none = In den nächsten Tagen keine freie Zeit für diesen Dienst.
agenda-move-choose = Wählen Sie eine der aufgeführten freien Zeiten.
agenda-move-taken = Diese Zeit wurde inzwischen vergeben: Wählen Sie eine andere.
agenda-done-moved = Der Termin { $reference } ist verlegt; die Person wird benachrichtigt.
agenda-place = Wo
agenda-place-office = In den Räumen des Zentrums
agenda-choose-place = Wo findet der Termin statt?
