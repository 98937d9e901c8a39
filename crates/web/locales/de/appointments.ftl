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
mail-manage = Um den Termin zu verschieben oder abzusagen, öffnen Sie diese Adresse:
mail-manage-link = Termin verschieben oder absagen
mail-footer = { $centre } — automatisch gesendete Nachricht, bitte antworten Sie nicht an diese Adresse.

## Appointments API.

api-closed-weekday = An diesem Wochentag nimmt das Zentrum keine Termine an.
api-closed-holiday = Feiertag: { $name }.
api-closed-patron = Fest des Stadtpatrons: { $name }.
api-closed-closure = Das Zentrum ist geschlossen: { $label }
api-closed-past = Dieser Tag ist schon vorbei.
api-closed-too-far = Dieser Tag liegt zu weit in der Zukunft: Er kann noch nicht gebucht werden.
api-slot-title = Diese Uhrzeit kann nicht gebucht werden
api-slot-in-past = Diese Uhrzeit ist schon vorbei. Wählen Sie eine der freien Uhrzeiten.
api-slot-too-soon = Diese Uhrzeit ist zu nah: Dieser Dienst muss früher gebucht werden. Wählen Sie eine spätere Uhrzeit.
api-slot-too-far = Diese Uhrzeit liegt zu weit in der Zukunft: Sie kann noch nicht gebucht werden. Wählen Sie einen früheren Tag.
api-slot-closed = An diesem Tag kann nicht gebucht werden. { $label }
api-slot-not-aligned = Zu dieser Uhrzeit beginnt kein Termin dieses Dienstes. Wählen Sie eine der freien Uhrzeiten.
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
