# Sportello — back-office strings. Every message here exists in it, en, fr and de.

## Fehler
forbidden-title = Nicht erlaubt
forbidden-text = Ihr Konto erlaubt das nicht. Der Versuch wurde protokolliert; wenn Sie Zugriff brauchen, wenden Sie sich an einen Administrator.
form-expired-title = Das Formular ist abgelaufen
form-expired-text = Das Formular ist abgelaufen oder wurde von einer anderen Seite aus gesendet. Laden Sie die Seite neu und versuchen Sie es noch einmal.
stale-title = Inzwischen geändert
stale-text = Jemand anderes hat diesen Eintrag geändert, nachdem Sie ihn geöffnet haben. Öffnen Sie ihn noch einmal, um die neueste Version zu sehen, und nehmen Sie dann Ihre Änderung vor.
not-possible-title = Nicht möglich
not-possible-text = Diese Änderung ist im aktuellen Zustand des Eintrags nicht möglich.
form-has-errors = Bitte korrigieren Sie die Felder unten
field-required = Füllen Sie dieses Feld aus.
field-too-long = Verwenden Sie höchstens { $max } Zeichen.
field-unknown = Wählen Sie einen der Werte aus der Liste.
field-not-a-number = Schreiben Sie eine ganze Zahl.
field-out-of-range = Schreiben Sie eine Zahl von { $min } bis { $max }.
field-not-a-date = Schreiben Sie ein Datum im Format Jahr-Monat-Tag, zum Beispiel 2026-12-31.
field-date-in-past = Das Datum darf nicht in der Vergangenheit liegen.
field-date-too-far = Das Datum darf höchstens { $max } Tage in der Zukunft liegen.
field-salary-order = Der höchste Lohn darf nicht niedriger sein als der niedrigste.
field-salary-incomplete = Geben Sie den niedrigsten und den höchsten Lohn an oder keinen von beiden.
field-duplicate = Diese Sprache ist bereits aufgeführt.
field-not-allowed = Mit Ihrem Konto können Sie für dieses Zentrum und diesen Bereich keine Angebote erstellen.

## Navigation
office-nav = Verwaltungsbereich
office-home-title = Verwaltungsbereich
office-offers-title = Angebote
office-translations-title = Übersetzungen
office-users-title = Benutzer
office-audit-title = Audit-Protokoll
office-account-title = Mein Konto
office-sign-out = Abmelden ({ $name })
office-welcome = Willkommen, { $name }.
office-continue = Weiter
office-nothing = Es gibt nichts anzuzeigen.
office-no-grants = Ihrem Konto ist noch kein Zentrum zugeordnet. Bitten Sie einen Administrator, Ihnen Zugriff zu geben.
office-admin = Verwaltung
office-expiring = Angebote, die in den nächsten { $days } Tagen ablaufen
office-drafts = Entwürfe
office-translations-count = { $count ->
    [one] 1 Angebot wartet auf eine Übersetzung
   *[other] { $count } Angebote warten auf Übersetzungen
}
office-offer-title = Angebot
office-offers-search = Referenznummer, Titel oder Arbeitgeber
office-actions = Aktionen
office-history = Verlauf

## Anmeldung
sign-in-title = Anmelden
sign-in-button = Anmelden
sign-in-help = Der Verwaltungsbereich ist für das Personal der Arbeitsvermittlungszentren. Wenn Sie sich nicht anmelden können, wenden Sie sich an Ihren Administrator.
sign-in-wrong = Die E-Mail-Adresse oder das Passwort ist falsch.
sign-in-blocked = Zu viele fehlgeschlagene Versuche. Versuchen Sie es in { $seconds } Sekunden noch einmal.
second-factor-title = Zweiter Faktor
second-factor-hint = Die sechs Ziffern, die Ihre Authenticator-App anzeigt, oder einer Ihrer Wiederherstellungscodes.
second-factor-button = Bestätigen
second-factor-wrong = Dieser Code ist nicht gültig. Die Codes wechseln alle 30 Sekunden, und jeder Code funktioniert nur einmal.
field-email = E-Mail-Adresse
field-password = Passwort
field-code = Code
field-name = Name

## Passwort
password-title = Passwort ändern
password-forced = Sie müssen ein neues Passwort wählen, bevor Sie fortfahren.
field-password-current = Aktuelles Passwort
field-password-new = Neues Passwort
field-password-repeat = Neues Passwort wiederholen
password-rules = Mindestens { $min } Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.
password-button = Passwort ändern
password-current-wrong = Das aktuelle Passwort ist falsch.
password-too-short = Das Passwort muss mindestens { $min } Zeichen haben.
password-too-long = Das Passwort darf höchstens { $max } Zeichen haben.
password-common = Dieses Passwort gehört zu den am häufigsten verwendeten: Wählen Sie ein anderes.
password-contains-name = Das Passwort darf Ihre E-Mail-Adresse nicht enthalten.
password-repeat-differs = Die beiden neuen Passwörter stimmen nicht überein.
password-confirm = Ihr Passwort
password-confirm-hint = Erneut abgefragt, um zu bestätigen, dass Sie es sind.
password-confirm-wrong = Das ist nicht Ihr Passwort.

## Zweiter Faktor
second-factor-setup-title = Zweiter Faktor (Authenticator-App)
second-factor-required = Wer im Verwaltungsbereich arbeitet, muss einen zweiten Faktor verwenden, weil dort personenbezogene Daten zu sehen sind. Richten Sie ihn jetzt ein, um fortzufahren.
second-factor-step-app = Installieren Sie eine Authenticator-App (zum Beispiel FreeOTP, Aegis oder Google Authenticator) auf Ihrem Smartphone.
second-factor-step-scan = Scannen Sie diesen Code mit der App oder geben Sie den Schlüssel unten ein.
second-factor-step-code = Schreiben Sie die sechs Ziffern, die die App anzeigt.
second-factor-qr = QR-Code des zweiten Faktors für die Authenticator-App
second-factor-secret = Schlüssel:
second-factor-enable = Zweiten Faktor einschalten
second-factor-disable = Zweiten Faktor ausschalten
second-factor-kept = Ihr Konto muss den zweiten Faktor behalten. Wenn Sie Ihr Smartphone und Ihre Wiederherstellungscodes verlieren, kann ein Administrator ihn zurücksetzen.
second-factor-on = Der zweite Faktor ist eingeschaltet. { $count ->
    [one] Sie haben noch 1 Wiederherstellungscode.
   *[other] Sie haben noch { $count } Wiederherstellungscodes.
}
second-factor-state-on = eingeschaltet
second-factor-state-off = ausgeschaltet
recovery-codes-title = Wiederherstellungscodes
recovery-codes-once = Bewahren Sie diese Codes an einem sicheren Ort auf: Mit jedem Code können Sie sich einmal ohne Ihr Smartphone anmelden. Die Codes werden nur jetzt angezeigt.

## API-Tokens
tokens-title = API-Tokens
tokens-intro = Mit einem Token kann ein Programm die API mit Ihren Berechtigungen nutzen. Es wird nur einmal angezeigt und gilt für die gewählte Zahl von Tagen; wenn Sie Ihr Passwort oder Ihren zweiten Faktor ändern, werden alle Ihre Tokens widerrufen. Widerrufen Sie ein Token, wenn es nicht mehr gebraucht wird.
tokens-new = Ihr neues Token (kopieren Sie es jetzt, es wird nicht noch einmal angezeigt):
tokens-name = Name des neuen Tokens
tokens-create = Token erstellen
tokens-created = Erstellt am
tokens-last-used = Zuletzt verwendet
tokens-state = Status
tokens-revoked = widerrufen
tokens-revoke = { $name } widerrufen
tokens-days = Gültigkeit (Tage)
tokens-days-hint = { $min } bis { $max } Tage.
tokens-days-invalid = Geben Sie eine ganze Zahl von Tagen zwischen { $min } und { $max } ein.
tokens-expires = Läuft ab am
tokens-expired = abgelaufen
tokens-new-expiry = Es gilt bis zum { $date }.

## Angebote
status-draft = Entwurf
status-published = Veröffentlicht
status-filled = Besetzt
status-withdrawn = Zurückgezogen
status-expired = Abgelaufen
text-status = { $status ->
    [original] Original
    [reviewed] geprüft
    [draft] Entwurf, nicht öffentlich
   *[missing] fehlt
}
field-reference = Referenznummer
field-title = Titel
field-centre = Zentrum
field-section = Bereich
field-status = Status
field-valid-through = Gültig bis
field-texts = Sprachen
field-published-on = Veröffentlicht am
field-employer-hidden = Namen des Arbeitgebers nicht auf den öffentlichen Stellentafeln zeigen
field-remote = Homeoffice (Telearbeit): Bewerbende müssen im angegebenen Land wohnen; der Ort ist der Sitz des Arbeitgebers
field-town = Ort
field-postcode = Postleitzahl
field-region = Provinz oder Region
field-region-hint = In Italien das Kürzel der Provinz, zum Beispiel LE; im Ausland die Region oder der Bundesstaat.
field-country = Land
field-hours = Stunden pro Woche
field-salary-min = Niedrigster Bruttomonatslohn (€)
field-salary-max = Höchster Bruttomonatslohn (€)
field-salary-hint = Lassen Sie beide Felder leer, wenn der Lohn nicht angegeben wird.
field-language = Sprache { $number }
field-level = Niveau der Sprache { $number }
field-user-lang = Sprache des Verwaltungsbereichs
offer-new-title = Neues Angebot
offer-edit-title = Angebot bearbeiten
form-where = Zentrum und Bereich
form-job = Die Stelle
form-employer = Arbeitgeber
form-terms = Bedingungen
form-requirements = Anforderungen
form-choose = Bitte wählen…
form-none = Keine
form-save = Speichern
form-title-hint = Kurz und klar, zum Beispiel „Kellner (m/w/d) für ein Restaurant in Gallipoli“.
form-markdown-hint = Eine leere Zeile beginnt einen neuen Absatz; Zeilen, die mit "- " beginnen, bilden eine Liste; **fett** und *kursiv*.
action-edit = Bearbeiten
action-duplicate = Duplizieren
action-publish = Veröffentlichen
action-withdraw = Zurückziehen
action-fill = Als besetzt markieren
action-extend = Verlängern
action-extend-until = Neues Datum für „Gültig bis“
bulk-title = Aktion für die ausgewählten Angebote
bulk-action = Aktion
bulk-apply = Auf die ausgewählten Angebote anwenden
bulk-select = Auswählen
bulk-select-one = { $reference } auswählen
bulk-done = { $count ->
    [one] 1 Angebot geändert
   *[other] { $count } Angebote geändert
}
bulk-ok = erledigt

## Übersetzungen
translations-intro = Veröffentlichte Angebote, denen in einer oder mehreren Sprachen ein geprüfter Text fehlt, die ältesten zuerst. Ein Entwurf wird erst öffentlich, wenn jemand ihn geprüft hat.
translations-languages = Zielsprache
translations-missing = Fehlende Sprachen
translations-translate = { $reference } übersetzen (Zielsprache: { $language })
translation-editor-title = { $reference }: Übersetzung (Zielsprache: { $language })
translation-machine = maschinelle Übersetzung, noch zu prüfen
translation-save-draft = Als Entwurf speichern
translation-save-review = Als geprüft speichern (öffentlich)

## Benutzer
role-admin = Administrator
role-coordinator = Koordinator des Gebiets
role-operator = Mitarbeiter des Zentrums
role-mirato = Collocamento Mirato des Zentrums
user-active = aktiv
user-inactive = deaktiviert
user-grants = Berechtigungen von { $name }
user-grants-new = Berechtigungen
user-save-grants = Berechtigungen speichern
user-reset-password = Passwort zurücksetzen
user-deactivate = Deaktivieren
user-activate = Wieder aktivieren
user-new = Neuer Benutzer
user-create = Benutzer anlegen
one-time-password-title = Einmalpasswort
one-time-password-text = Geben Sie dieses Passwort persönlich oder telefonisch an { $email } weiter. Es funktioniert nur einmal: Bei der ersten Anmeldung muss ein neues Passwort gewählt werden.

## Audit-Protokoll
audit-at = Wann
audit-actor = Wer
audit-address = Netzwerkadresse
audit-request-id = Anfrage-ID
audit-action = Aktion
audit-object = Objekt
audit-details = Details
audit-from = Von (Datum)
audit-until = Bis (Datum)
audit-export = Als CSV herunterladen

## API
unauthorized-title = Anmeldung erforderlich
unauthorized-text = Ein gültiges Token ist nötig: der Header Authorization: Bearer, gefolgt von dem Token, das Sie auf Ihrer Kontoseite erstellt haben.
invalid-text = Einige Felder sind ungültig: Die Liste nennt für jedes Feld, was zu korrigieren ist.

## Employers' requests
office-requests-title = Anfragen von Unternehmen
office-requests-intro = Von Unternehmen über das öffentliche Formular gesendete Angebote, die neuesten zuerst. Sie werden wie jeder Entwurf veröffentlicht; wird eines nicht veröffentlicht, schreiben Sie den Grund für das Unternehmen.
office-requests-count = { $count ->
    [one] 1 Anfrage eines Unternehmens wartet
   *[other] { $count } Anfragen von Unternehmen warten
}
office-request-from = Anfrage des Unternehmens (vertrauliche Daten)
office-request-language = Sprache des Unternehmens
office-request-received = Eingegangen am
office-request-status = { $status ->
    [published] veröffentlicht
    [declined] nicht veröffentlicht
   *[received] wartet
}
office-request-reason = Warum es nicht veröffentlicht wird (das Unternehmen liest dies)
office-request-decline = Nicht veröffentlichen

## Machine translation
translation-machine-fill = Mit maschineller Übersetzung füllen (Entwurf)
translation-machine-batch = Angebote ohne Text maschinell übersetzen (Entwürfe zur Prüfung)
unavailable-title = Dienst nicht verfügbar
unavailable-text = Der maschinelle Übersetzungsdienst hat nicht geantwortet. Versuchen Sie es später erneut oder schreiben Sie die Übersetzung selbst.

## Centres and sections
office-centres-title = Zentren
office-sections-title = Texte der Bereiche
office-sections-intro = Was jeder Bereich der Stellentafel ist und wer sich bewerben kann, in jeder Sprache. Lassen Sie die Felder leer, um den vorgegebenen Text (grau angezeigt) zu verwenden.
centre-new-title = Neues Zentrum
centre-edit-title = Zentrum bearbeiten
centre-identity = Das Zentrum
centre-slug = Name in der Adresse
centre-slug-hint = Kleinbuchstaben, Ziffern und Bindestriche, zum Beispiel nardo.
centre-prefix = Präfix der Referenznummern
centre-prefix-hint = Zwei oder drei Buchstaben vor der Nummer jedes Angebots, zum Beispiel NA für NA-0427.
centre-area-slug = Code des Gebiets
centre-area-name = Gebiet
centre-contacts = Adresse und Kontakt
centre-address = Adresse
centre-province = Provinz
centre-region = Region
centre-hours = Öffnungszeiten
centre-hours-hint = Bis zu zwei Zeiträume pro Tag, im Format Stunden:Minuten. Lassen Sie einen Schließtag leer.
centre-opens = Öffnet (Zeitraum { $number })
centre-closes = Schließt (Zeitraum { $number })
centre-by-appointment = Nur mit Termin (Zeitraum { $number })
centre-closures = Schließungen
centre-closures-hint = Feiertage, Patronatsfeste, Bauarbeiten. Für einen einzelnen Tag genügt das erste Datum.
centre-closure-first = Schließung { $number }: vom
centre-closure-last = Schließung { $number }: bis
centre-closure-reason = Schließung { $number }: Grund
section-text-title = Name des Bereichs
section-text-who = Wer sich bewerben kann
section-text-save = Text auf { $language } speichern

## Occupation picker
picker-filter = Liste filtern: einen Teil des Namens eingeben
picker-shown = Treffer: #
user-reset-second-factor = Zweiten Faktor zurücksetzen (Telefon verloren)
user-mirato-needs-second-admin = Eine Berechtigung für den Collocamento Mirato muss ein zweiter Administrator genehmigen, und hier gibt es nur einen: Es wurde nichts geändert. Legen Sie zuerst einen zweiten Administrator an oder vergeben Sie die Berechtigung auf dem Server mit „sportello user add --role mirato“.
user-proposals-title = Berechtigungen für den Collocamento Mirato, die auf Genehmigung warten
user-proposal = Collocamento Mirato für { $user } in { $centre }, vorgeschlagen von { $proposer }
user-proposal-own = Sie haben sie vorgeschlagen: Ein anderer Administrator muss sie genehmigen.
user-proposal-approve = Genehmigen
user-proposal-reject = Ablehnen

## Shared
label-value = { $label }: { $value }
bulk-nothing = Markieren Sie mindestens ein Angebot in der Liste und wählen Sie dann die Aktion.

## Audit log actions
audit-sign-in = Angemeldet
audit-sign-in-password = Passwort richtig, zweiter Faktor erwartet
audit-sign-in-failed = Fehlgeschlagene Anmeldung
audit-sign-in-blocked = Anmeldung gesperrt (zu viele Versuche)
audit-password-confirm-failed = Falsches Passwort bei einer Bestätigung (zweiter Faktor oder Token)
audit-booking-read = Buchung gelesen (Gesundheitsdaten oder Collocamento Mirato)
audit-request-read = Kontakte einer Anfrage des Collocamento Mirato gelesen
audit-grant-propose-mirato = Berechtigung für den Collocamento Mirato vorgeschlagen
audit-grant-approve-mirato = Berechtigung für den Collocamento Mirato genehmigt
audit-grant-reject-mirato = Berechtigung für den Collocamento Mirato abgelehnt
audit-sign-out = Abgemeldet
audit-permission-denied = Zugriff verweigert
audit-user-create = Benutzer angelegt
audit-user-update = Benutzer geändert
audit-user-activate = Benutzer reaktiviert
audit-user-deactivate = Benutzer deaktiviert
audit-user-password-reset = Passwort zurückgesetzt
audit-user-password-change = Passwort geändert
audit-user-second-factor-on = Zweiter Faktor eingeschaltet
audit-user-second-factor-off = Zweiter Faktor ausgeschaltet
audit-grant-update = Berechtigungen geändert
audit-token-create = API-Token erstellt
audit-token-revoke = API-Token widerrufen
audit-token-revoke-all = API-Tokens widerrufen (Passwort oder zweiter Faktor geändert)
audit-offer-create = Angebot erstellt
audit-offer-update = Angebot geändert
audit-offer-publish = Angebot veröffentlicht
audit-offer-filled = Angebot besetzt
audit-offer-withdrawn = Angebot zurückgezogen
audit-offer-expired = Angebot abgelaufen
audit-offer-expire = Angebot abgelaufen (automatisch)
audit-offer-extend = Angebot verlängert
audit-offer-translation = Übersetzung gespeichert
audit-offer-translation-review = Übersetzung geprüft (öffentlich)
audit-offer-import = Angebote importiert
audit-request-receive = Anfrage eines Unternehmens eingegangen
audit-request-decline = Anfrage abgelehnt
audit-centre-create = Zentrum angelegt
audit-centre-update = Zentrum geändert
audit-section-text-update = Bereichstext geändert
user-email-taken = Es gibt bereits einen Benutzer mit dieser E-Mail-Adresse.

## Confirmations
confirm-withdraw-title = Angebot zurückziehen?
confirm-withdraw-text = Das Angebot verschwindet sofort von allen Stellentafeln und aus der Suche; seine Adresse zeigt dann, dass es nicht mehr verfügbar ist. Dies kann nicht rückgängig gemacht werden.
confirm-fill-title = Angebot als besetzt markieren?
confirm-fill-text = Das Angebot verschwindet sofort von allen Stellentafeln und aus der Suche, als besetzt gekennzeichnet. Dies kann nicht rückgängig gemacht werden.
confirm-cancel = Nein, zurück zum Angebot
