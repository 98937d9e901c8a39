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
