# Der Newsletter: Anmeldeformular, Bestätigung, Abmeldung, E-Mails; Neuigkeiten im Backoffice.

newsletter-title = Newsletter der Stellenangebote
newsletter-home-link = Neue Angebote per E-Mail erhalten
newsletter-intro = Erhalten Sie die neuen Angebote der Zentren und Rubriken Ihrer Wahl per E-Mail, täglich oder wöchentlich, und die Neuigkeiten der Zentren.
newsletter-privacy = Wir verwenden Ihre Adresse nur für den Newsletter. Zuerst bitten wir Sie per E-Mail um Bestätigung; jede Nachricht enthält einen Link zum Abmelden.
newsletter-email-hint = Wir senden Ihnen einen Link zur Bestätigung der Anmeldung.
newsletter-language = Sprache der Nachrichten
newsletter-centres = Arbeitsvermittlungszentren
newsletter-sections = Rubriken
newsletter-frequency = Wie oft
newsletter-frequency-weekly = Einmal pro Woche, montags
newsletter-frequency-daily = Jeden Tag
newsletter-subscribe = Anmelden
newsletter-email-invalid = Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.
newsletter-centre-required = Wählen Sie mindestens ein Zentrum.
newsletter-centre-unknown = Eines der gewählten Zentren gibt es nicht: Wählen Sie aus der Liste.
newsletter-section-required = Wählen Sie mindestens eine Rubrik.
newsletter-section-unknown = Eine der gewählten Rubriken gibt es nicht: Wählen Sie aus der Liste.
newsletter-too-many = Zu viele Anfragen aus diesem Netz. Versuchen Sie es in { $seconds } Sekunden erneut.
newsletter-sent-title = Sehen Sie in Ihrem Postfach nach
newsletter-check-mailbox = Wir haben an { $email } eine Nachricht mit einem Bestätigungslink gesendet. Die Anmeldung gilt erst nach der Bestätigung.
newsletter-check-mailbox-hint = Der Link gilt 48 Stunden. Wenn die Nachricht nicht ankommt, sehen Sie auch im Spam-Ordner nach.
newsletter-bad-link-title = Dieser Link funktioniert nicht
newsletter-bad-link-again = Sie können mit dem Anmeldeformular neu beginnen.
newsletter-confirm-bad = Der Bestätigungslink ist abgelaufen (er gilt 48 Stunden) oder wurde verändert. Es wurde nichts gespeichert.
newsletter-confirm-stale = Dieser Bestätigungslink ist älter als Ihre letzte Bestätigung oder Abmeldung und gilt deshalb nicht mehr. Es wurde nichts geändert.
newsletter-unsubscribe-bad = Der Abmeldelink wurde verändert oder ist unvollständig. Es wurde nichts geändert.
newsletter-confirm-title = Anmeldung bestätigen
newsletter-confirm-for = Anmeldung für { $email }:
newsletter-confirm-action = Anmeldung bestätigen
newsletter-confirmed-title = Anmeldung bestätigt
newsletter-confirmed-text = Ab jetzt erhält { $email } die gewählten neuen Angebote. Jede Nachricht enthält einen Link zum Abmelden oder zum Ändern der Auswahl.
newsletter-unsubscribe-title = Vom Newsletter abmelden
newsletter-unsubscribe-for = Soll { $email } den Newsletter nicht mehr erhalten?
newsletter-unsubscribe-action = Abmelden
newsletter-unsubscribed-title = Sie erhalten den Newsletter nicht mehr
newsletter-unsubscribed-text = Die Adresse wurde vom Newsletter abgemeldet. Sie können sich jederzeit wieder anmelden.
newsletter-all-centres = alle
newsletter-choice-centres = Zentren: { $value }
newsletter-choice-sections = Rubriken: { $value }
newsletter-choice-frequency = Wie oft: { $value }
newsletter-confirm-subject = Bestätigen Sie Ihre Anmeldung zum Newsletter der Stellenangebote
newsletter-confirm-intro = Jemand, wahrscheinlich Sie, möchte die neuen Stellenangebote der Arbeitsvermittlungszentren an diese Adresse erhalten, mit dieser Auswahl:
newsletter-already-subject = Sie erhalten den Newsletter der Stellenangebote bereits
newsletter-already-intro = Jemand, wahrscheinlich Sie, möchte diese Adresse anmelden, die den Newsletter bereits erhält. Wenn Sie diese Auswahl statt der jetzigen möchten, bestätigen Sie mit der Schaltfläche:
newsletter-already-action = Diese Auswahl verwenden
newsletter-confirm-expires = Der Link gilt 48 Stunden. Wenn Sie es nicht waren, beachten Sie diese Nachricht nicht: Ohne Bestätigung ändert sich nichts.
newsletter-confirm-footer = Sportello, die Stellenangebote der öffentlichen Arbeitsvermittlungszentren.
newsletter-digest-subject = { $count ->
    [one] Ein neues Stellenangebot für Sie
   *[other] { $count } neue Stellenangebote für Sie
}
newsletter-digest-subject-some = Die neuesten { $shown } von { $count } neuen Stellenangeboten für Sie
newsletter-digest-intro = Hier sind die neuen Angebote der Zentren und Rubriken Ihrer Wahl, seit der letzten Nachricht veröffentlicht und noch offen.
newsletter-digest-more = Diese Nachricht nennt die neuesten { $shown } der { $count } neuen Angebote. Alle finden Sie hier: { $url }
newsletter-digest-item = { $reference } · { $place } · { $centre } · bis { $date }
newsletter-digest-search = Alle offenen Angebote: { $url }
newsletter-news-intro = Neuigkeiten vom { $centre }:
newsletter-mail-footer = Sie erhalten diese Nachricht, weil Sie den Newsletter von Sportello abonniert haben.
newsletter-unsubscribe-link = Vom Newsletter abmelden
newsletter-preferences-link = Ihre Auswahl ändern
office-newsletter-title = Newsletter
office-newsletter-intro = Schreiben Sie Neuigkeiten für die Newsletter-Abonnenten Ihres Zentrums: Sie lesen sie in ihrer Sprache oder auf Italienisch, wenn Sie sie nicht übersetzt haben.
office-news-past = Bisher geschriebene Neuigkeiten
office-news-subject = Betreff
office-news-written = Geschrieben
office-news-sent = Gesendet
office-news-sent-to = { $count ->
    [one] Am { $date } an 1 Person gesendet
   *[other] Am { $date } an { $count } Personen gesendet
}
office-news-not-sent = Noch nicht gesendet
office-news-new = Neue Ausgabe
office-news-markdown-hint = Der Text kann **fett**, *kursiv*, Listen mit „- “ und Links [Text](https://…) enthalten. Italienisch ist Pflicht, die anderen Sprachen nicht.
office-news-required = Pflicht
office-news-body = Text
office-news-preview = Speichern und Vorschau zeigen
office-news-italian-required = Schreiben Sie Betreff und Text auf Italienisch.
office-news-incomplete = Schreiben Sie Betreff und Text, oder lassen Sie beide leer.
office-news-too-long = Der Betreff hat höchstens 200 Zeichen in einer Zeile, der Text höchstens 20.000.
office-news-preview-title = Neuigkeit: { $subject }
office-news-will-reach = { $count ->
    [one] Die Neuigkeit erreicht 1 Abonnenten.
   *[other] Die Neuigkeit erreicht { $count } Abonnenten.
}
office-news-send = Jetzt senden
office-news-preview-in = Vorschau auf { $language }
audit-news-create = Neuigkeit geschrieben
audit-news-send = Neuigkeit gesendet
