## Appointments: shared words, used by the booking pages, the back office and the e-mails.

modality-in_office = Im Zentrum
modality-phone = Per Telefon
modality-video = Per Videoanruf
appointment-when = { $weekday }, { $date }, { $time } Uhr
appointment-reference = Buchungsnummer
appointment-service = Leistung
appointment-when-label = Wann
appointment-modality = Wie
appointment-where = Wo
appointment-phone-note = Eine Mitarbeiterin oder ein Mitarbeiter ruft Sie unter der angegebenen Nummer an.
appointment-video-note = Per Videoanruf: Öffnen Sie zur Terminzeit den Link unten auf Ihrem Telefon oder Computer.
appointment-contact = Kontakt des Zentrums
appointment-video-link = Link zum Videoanruf
appointment-access-rules = Regeln für den Besuch des Zentrums
field-bad-email = Das ist keine gültige E-Mail-Adresse; sie sollte aussehen wie name@beispiel.de.
field-bad-phone = Das ist keine gültige Telefonnummer; schreiben Sie sie mit Landesvorwahl, zum Beispiel +39 333 1234567.
field-bad-codice-fiscale = Diese Steuernummer (codice fiscale) ist nicht gültig: Prüfen Sie die 16 Buchstaben und Ziffern.
field-contact-needed = Geben Sie eine E-Mail-Adresse oder eine Telefonnummer an, damit wir Sie erreichen können.
holiday-new_year = Neujahr
holiday-epiphany = Heilige Drei Könige
holiday-easter = Ostersonntag
holiday-easter_monday = Ostermontag
holiday-liberation = Tag der Befreiung
holiday-labour = Tag der Arbeit
holiday-republic = Tag der Republik
holiday-assumption = Mariä Himmelfahrt (Ferragosto)
holiday-saint_francis = Franz von Assisi, Schutzpatron Italiens
holiday-all_saints = Allerheiligen
holiday-immaculate_conception = Mariä Empfängnis
holiday-christmas = Weihnachten
holiday-saint_stephen = Stephanstag
holiday-patron = Fest des Schutzheiligen

## E-mails about appointments.

mail-greeting = Guten Tag { $name },
mail-confirmation-subject = Termin gebucht: { $service }, { $when }
mail-confirmation-intro = Ihr Termin ist für { $when } gebucht. Die Einzelheiten finden Sie unten; der Anhang trägt ihn in Ihren Kalender ein.
mail-moved-subject = Termin verschoben: { $service }, { $when }
mail-moved-intro = Ihr Termin wurde auf { $when } verschoben.
mail-cancelled-subject = Termin abgesagt: { $service }, { $when }
mail-cancelled-intro = Ihr Termin am { $when } wurde abgesagt. Sie können jederzeit einen neuen buchen.
mail-reminder-subject = Erinnerung: { $service }, { $when }
mail-reminder-intro = wir erinnern Sie an Ihren Termin am { $when }.
mail-existing-subject = Ihr Termin: { $service }, { $when }
mail-existing-intro = jemand, vielleicht Sie, hat diesen Dienst mit Ihren Angaben noch einmal gebucht. Sie haben bereits einen Termin am { $when }, und es ist jeweils nur einer möglich: Hier sind noch einmal seine Einzelheiten und sein Link. Wenn Sie es nicht waren, können Sie diese Nachricht ignorieren.
mail-manage = Um den Termin zu verschieben oder abzusagen, öffnen Sie diese Adresse:
mail-manage-link = Termin verschieben oder absagen
mail-footer = { $centre } — automatisch gesendete Nachricht, bitte antworten Sie nicht an diese Adresse.

## Buchungsseiten für Bürgerinnen und Bürger.

booking-title = Einen Termin buchen
booking-intro = Buchen Sie einen Termin in einem Arbeitsvermittlungszentrum, ohne Konto. Wählen Sie das Zentrum, die Leistung, wie Sie uns treffen möchten (im Zentrum, am Telefon oder per Videoanruf), den Tag und die Uhrzeit, und geben Sie dann Ihren Namen und eine E-Mail-Adresse oder eine Telefonnummer an. Sie erhalten eine Buchungsnummer und einen Link, um den Termin zu verschieben oder abzusagen.
booking-home-link = Einen Termin in einem Arbeitsvermittlungszentrum buchen
booking-board-link = Einen Termin in diesem Zentrum buchen
booking-breadcrumbs = Sie sind hier
booking-choose-centre = Wählen Sie das Zentrum
booking-no-centres = Zurzeit nimmt kein Zentrum Online-Buchungen an. Rufen Sie Ihr Zentrum an oder schreiben Sie ihm.
booking-centre-title = Termine im { $centre }
booking-choose-service = Wählen Sie die Leistung
booking-no-services = Dieses Zentrum nimmt zurzeit keine Online-Buchungen an. Rufen Sie das Zentrum an oder schreiben Sie ihm.
booking-duration = { $count ->
    [one] Etwa 1 Minute
   *[other] Etwa { $count } Minuten
}
booking-service-title = { $service } – { $centre }
booking-choose-modality = Wie möchten Sie uns treffen?
booking-continue = Weiter
booking-change-modality = Eine andere Art wählen
booking-days-title = Wählen Sie den Tag
booking-days-intro = Tage mit freien Uhrzeiten:
booking-day = { $weekday }, { $date }
booking-day-free = { $count ->
    [one] 1 freie Uhrzeit
   *[other] { $count } freie Uhrzeiten
}
booking-no-days = In den nächsten Wochen gibt es keine freien Uhrzeiten. Rufen Sie das Zentrum an oder versuchen Sie es in einigen Tagen wieder.
booking-later-days = Spätere Tage
booking-earliest-days = Zurück zu den ersten Tagen
booking-slots-title = Freie Uhrzeiten am { $date }
booking-slots-legend = Wählen Sie eine Uhrzeit am { $date }
booking-slot = { $time } ({ $count ->
    [one] 1 Platz frei
   *[other] { $count } Plätze frei
})
booking-day-full = Alle Uhrzeiten an diesem Tag sind vergeben. Wählen Sie einen anderen Tag.
closed-weekday = An diesem Wochentag empfängt das Zentrum keine Termine.
closed-holiday = An diesem Tag ist das Zentrum geschlossen: { $name }.
closed-patron = An diesem Tag ist das Zentrum geschlossen, Fest des Stadtpatrons: { $name }.
closed-closure = An diesem Tag ist das Zentrum geschlossen: { $name }.
closed-past = Dieser Tag ist schon vorbei.
closed-too-far = Dieser Tag liegt zu weit in der Zukunft: Er kann noch nicht gebucht werden.
slot-in-past = Diese Uhrzeit ist schon vorbei.
slot-too-soon = Diese Uhrzeit ist zu kurzfristig: Diese Leistung muss früher gebucht werden.
slot-too-far = Diese Uhrzeit liegt zu weit in der Zukunft: Sie kann noch nicht gebucht werden.
slot-closed = An diesem Tag empfängt das Zentrum keine Termine.
slot-not-aligned = Zu dieser Uhrzeit beginnt kein Termin. Wählen Sie eine der angebotenen Uhrzeiten.
slot-problem-title = Diese Uhrzeit kann nicht gebucht werden
booking-choose-again = Einen anderen Tag und eine andere Uhrzeit wählen
booking-form-title = Ihre Angaben
booking-summary = Ihr Termin
booking-change-time = Eine andere Uhrzeit wählen
booking-details-legend = Für wen der Termin ist
booking-required-note = Wir brauchen Ihren Namen und mindestens eine Kontaktmöglichkeit: eine E-Mail-Adresse oder eine Telefonnummer.
booking-name-required = Vor- und Nachname (Pflichtfeld)
booking-name = Vor- und Nachname
booking-email = E-Mail-Adresse
booking-email-hint = Hierhin senden wir die Bestätigung und die Erinnerungen.
booking-phone = Handynummer
booking-phone-hint = Mit Ländervorwahl, zum Beispiel +39 333 1234567. Geben Sie eine E-Mail-Adresse, eine Telefonnummer oder beides an.
booking-codice-fiscale = Steuernummer (codice fiscale)
booking-codice-fiscale-hint = Freiwillig: Sie hilft dem Zentrum, Ihre Akte zu finden. 16 Buchstaben und Ziffern.
booking-needs-legend = Was Sie brauchen (freiwillig)
booking-interpreter = Dolmetscher
booking-interpreter-none = Kein Dolmetscher nötig
booking-wheelchair = Zugang mit Rollstuhl
booking-sign-language = Italienische Gebärdensprache (LIS)
booking-other-needs = Weitere Bedürfnisse
booking-other-needs-hint = Zum Beispiel: eine Begleitperson, große Schrift, ein ruhiger Raum.
booking-privacy = Wir verwenden diese Angaben nur, um diesen Termin zu verwalten.
booking-confirm = Termin buchen
booking-taken-title = Diese Uhrzeit wurde gerade vergeben
booking-taken-text = Jemand hat gerade den letzten Platz zu dieser Uhrzeit gebucht. Es wurde nichts gespeichert.
booking-taken-none = In nächster Zeit gibt es keine anderen freien Uhrzeiten. Wählen Sie einen anderen Tag.
booking-already-sent = Mit diesem Formular wurde bereits ein Termin gebucht. Um einen weiteren zu buchen, prüfen Sie die Angaben und senden Sie erneut.
booking-next-free = Die nächsten freien Uhrzeiten
booking-unavailable-title = Diese Leistung kann nicht gebucht werden
booking-unavailable-text = Diese Leistung kann zurzeit nicht auf diese Art online gebucht werden. Wählen Sie eine andere Art oder rufen Sie das Zentrum an.
booking-page-title = Termin { $reference }
booking-done = Ihr Termin ist gebucht.
booking-reference-note = Bewahren Sie die Buchungsnummer und die Adresse dieser Seite auf: Damit können Sie den Termin verschieben oder absagen.
booking-email-sent = Wir haben eine Bestätigung an { $email } gesendet.
booking-for = Für
booking-needs = Was Sie angefragt haben
booking-needs-none = Nichts Besonderes
booking-interpreter-for = Dolmetscher: { $language }
booking-download-ics = Zum Kalender hinzufügen (.ics-Datei)
booking-change-title = Verschieben oder absagen
booking-move = Termin verschieben
booking-cancel = Termin absagen
booking-cancelled = Dieser Termin ist abgesagt.
booking-book-again = Einen neuen Termin buchen
booking-token-title = Dieser Link funktioniert nicht
booking-token-text = Die Adresse ist unvollständig oder wurde verändert. Öffnen Sie den Link in Ihrer Bestätigungs-E-Mail erneut, oder rufen Sie das Zentrum an und nennen Sie Ihre Buchungsnummer.
booking-link-expired-title = Dieser Link ist abgelaufen
booking-link-expired-text = Der Link einer Buchung funktioniert bis sieben Tage nach dem Termin. Für einen neuen Termin buchen Sie erneut oder rufen Sie das Zentrum an.
booking-cancel-title = Termin absagen?
booking-cancel-text = Ihr Termin am { $when } wird abgesagt und der Platz an eine andere Person vergeben.
booking-cancel-yes = Ja, Termin absagen
booking-cancel-no = Nein, Termin behalten
booking-move-title = Termin verschieben
booking-move-intro = Ihr Termin ist am { $when }. Wählen Sie einen neuen Tag und eine neue Uhrzeit: Der alte Termin bleibt bestehen, bis der neue gebucht ist.
booking-move-confirm = Auf diese Uhrzeit verschieben
booking-too-late-title = Dieser Termin kann nicht mehr geändert werden
booking-too-late-text = Dieser Termin hat begonnen, ist vorbei oder ist abgesagt: Er kann nicht mehr verschoben oder abgesagt werden. Rufen Sie das Zentrum an, wenn Sie Hilfe brauchen.
booking-back-to-booking = Zurück zu Ihrem Termin

## Appointments API.

api-unavailable-title = Dieser Dienst kann nicht gebucht werden
api-unavailable-text = Dieser Dienst kann jetzt nicht gebucht werden, oder nicht auf diese Art (im Zentrum, am Telefon, per Videoanruf).
api-full-title = Diese Uhrzeit ist ausgebucht
api-full-text = Alle Plätze zu dieser Uhrzeit sind schon gebucht. Wählen Sie eine der nächsten freien Uhrzeiten.
api-too-late-title = Dieser Termin kann nicht mehr geändert werden
api-too-late-text = Der Termin hat schon begonnen, oder er wurde abgesagt oder abgeschlossen: Er kann nicht mehr verschoben oder abgesagt werden. Rufen Sie für Hilfe das Zentrum an.
api-key-reused-title = Idempotenzschlüssel schon verwendet
api-key-reused-text = Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet. Verwenden Sie für jede neue Buchung einen neuen Schlüssel.
api-bad-token-title = Dieser Link ist nicht gültig
api-bad-token-text = Der Verwaltungscode passt nicht zu dieser Buchung. Verwenden Sie den Link aus Ihrer Bestätigungs-E-Mail.

# The answer to a booking made by a person for themselves when a message
# reaches them: the same whether the booking is new or one they already held.
booking-sent-title = Sehen Sie in Ihre Nachrichten
booking-sent-text = Wir haben den Link zu Ihrer Buchung an { $contacts } geschickt. Öffnen Sie ihn, um Ihren Termin zu sehen, zu verschieben oder abzusagen.
booking-sent-one = Für jeden Dienst ist jeweils ein Termin möglich: Hatten Sie schon einen, gibt Ihnen die Nachricht seinen Link noch einmal.
booking-sent-no-text = Wir haben keine SMS an { $phone } geschickt: Der Link steht in der E-Mail.
booking-sent-missing = Nach einigen Minuten keine Nachricht? Sehen Sie im Spam-Ordner nach, prüfen Sie die Adresse oder Nummer oben, oder rufen Sie das Zentrum an:
booking-sent-demo = Dies ist eine Demo: Keine Nachricht verlässt sie. Lesen Sie Ihre im Postfach der Demo.
booking-sent-mailbox = Postfach der Demo öffnen
