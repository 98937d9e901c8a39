# Sportello — Texte der Benutzeroberfläche, Deutsch.
# Jede Meldung gibt es auf it, en, fr und de (ein Test prüft das).

site-name = Sportello · Arbeitsvermittlungszentren (Centri per l'Impiego)
skip-to-content = Zum Inhalt springen
nav-languages = Sprachen
footer-about = Stellenangebote der öffentlichen Arbeitsvermittlungszentren (Centri per l'Impiego). Der Dienst ist kostenlos.

## Datum, Zahlen
date-format = { $day }.{ $month }.{ $year }
salary-range = { $min }–{ $max } € brutto im Monat
openings = { $count ->
    [one] 1 Stelle
   *[other] { $count } Stellen
}
offer-count = { $count ->
    [one] 1 Angebot
   *[other] { $count } Angebote
}
hours-per-week = { $hours } Stunden pro Woche
experience-months = { $months ->
    [one] 1 Monat
   *[other] { $months } Monate
}
experience-none = Nicht erforderlich
weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag

## Bereiche der Stellentafel
section-ordinary = Stellenangebote
section-ordinary-who = Offen für alle.
section-eures = EURES: Arbeit in anderen Regionen und in Europa
section-eures-who = Offen für alle. Angebote aus anderen italienischen Regionen und aus Ländern der Europäischen Union und des Europäischen Wirtschaftsraums, über das EURES-Netz.
section-mirato-art1 = Collocamento Mirato: Menschen mit Behinderung (Art. 1, Gesetz 68/1999)
section-mirato-art1-who = Nur für Menschen mit Behinderung, die in der Liste des Collocamento Mirato eingetragen sind (Gesetz 68/1999, Art. 1).
section-mirato-art18 = Collocamento Mirato: geschützte Gruppen (Art. 18, Gesetz 68/1999)
section-mirato-art18-who = Nur für Menschen aus den geschützten Gruppen, die in der Liste nach Gesetz 68/1999, Art. 18, eingetragen sind (zum Beispiel Waisen oder hinterbliebene Ehepartner von Menschen, die bei der Arbeit gestorben sind, Flüchtlinge, Opfer von Terrorismus oder organisierter Kriminalität).

## Startseite
home-title = Stellenangebote der öffentlichen Arbeitsvermittlung
home-intro = { $count ->
    [one] Heute gibt es 1 offenes Angebot. Suchen Sie eine Arbeit mit einem Stichwort oder wählen Sie ein Zentrum.
   *[other] Heute gibt es { $count } offene Angebote. Suchen Sie eine Arbeit mit einem Stichwort oder wählen Sie ein Zentrum.
}
home-centres = Arbeitsvermittlungszentren
home-sections = Bereiche

## Suche
search-title = Stellenangebote suchen
search-label = Welche Arbeit suchen Sie?
search-hint = Ein Beruf, ein Ort oder eine Referenznummer wie LE-0427. Sie können auf Italienisch, Englisch, Französisch oder Deutsch schreiben.
search-button = Suchen
search-all-offers = Alle offenen Angebote ansehen
filters-title = Filter
filter-any = Alle
filter-centre = Zentrum
filter-section = Bereich
filter-group = Berufsgruppe
filter-contract = Vertrag
filter-working-time = Arbeitszeit
filter-language = Verlangte Sprache
filter-since = Veröffentlicht seit
sort-label = Sortieren nach
sort-relevance = Beste Treffer
sort-date = Neueste zuerst
results-count = { $count ->
    [one] 1 Angebot gefunden
   *[other] { $count } Angebote gefunden
}
results-none = Kein offenes Angebot passt. Versuchen Sie es mit weniger Wörtern oder weniger Filtern.
query-truncated = Ihre Suche war zu lang: Nur die ersten { $max } Zeichen wurden verwendet.
pagination = Ergebnisseiten
page-previous = Vorherige Seite
page-next = Nächste Seite
page-number = Seite { $number }

## Stellentafel
board-intro = Die offenen Stellenangebote dieses Zentrums, nach Bereichen. Jedes Angebot hat eine Referenznummer: Nennen Sie diese Nummer, wenn Sie sich bewerben.
board-sections = Bereiche dieser Stellentafel
board-see-all = Alle { $count } Angebote dieses Bereichs ansehen
board-section-empty = Zurzeit gibt es in diesem Bereich keine offenen Angebote.
contacts-title = Kontakt und Öffnungszeiten
contacts-phone = Telefon
contacts-email = E-Mail
hours-title = Öffnungszeiten
hours-day = Tag
hours-time = Uhrzeit
hours-by-appointment = nur mit Termin
hours-note = An Feiertagen geschlossen.

## Angebot
reference = Referenznummer
text-fallback-note = Dieses Angebot gibt es noch nicht auf Deutsch: Die Beschreibung unten ist auf Italienisch. Die Angaben oben sind auf Deutsch.
offer-details = Angaben
field-occupation = Beruf
field-place = Arbeitsort
offer-place-remote = Homeoffice, für Personen mit Wohnsitz in { $country } (Sitz: { $place })
field-employer = Arbeitgeber
field-contract = Vertrag
field-working-time = Arbeitszeit
field-openings = Stellen
field-education = Ausbildung
field-languages = Sprachen
field-licence = Führerschein
field-experience = Berufserfahrung
field-salary = Lohn
field-published = Veröffentlicht am
valid-through = Offen bis
offer-description = Beschreibung
offer-how-to-apply = So bewerben Sie sich
apply-quote-reference = Nennen Sie bei Ihrer Bewerbung die Referenznummer { $reference }.
offer-short-url = Kurze Adresse dieses Angebots
back-to-board = Zurück zur Stellentafel: { $centre }
offer-gone-title = Dieses Angebot ist nicht mehr offen
offer-gone-text = Das Angebot, das Sie suchen, ist nicht mehr offen: Die Stelle wurde besetzt, das Angebot wurde zurückgezogen oder es ist abgelaufen.
offer-gone-similar = Ähnliche offene Angebote
offer-gone-none = Zurzeit gibt es keine ähnlichen offenen Angebote.

## Fehler
not-found-title = Seite nicht gefunden
not-found-text = Die Seite, die Sie aufgerufen haben, gibt es nicht. Prüfen Sie die Adresse oder beginnen Sie noch einmal auf der Startseite.
unknown-language-text = Diese Website gibt es auf Italienisch, Englisch, Französisch und Deutsch. Wählen Sie Ihre Sprache:
bad-request-title = Die Anfrage kann nicht bearbeitet werden
bad-parameter = Der Wert „{ $value }“ ist für „{ $name }“ nicht gültig. Ändern Sie ihn und versuchen Sie es noch einmal.
internal-error-title = Etwas ist schiefgelaufen
internal-error-text = Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es in ein paar Minuten noch einmal. Wenn es wieder passiert, nennen Sie dem Zentrum diese Referenznummer: { $reference }.
too-many-title = Zu viele Anfragen
too-many-text = Aus Ihrem Netz oder für diesen Kontakt kamen zu viele Anfragen; diese wurde nicht ausgeführt. Bitte versuchen Sie es in { $minutes ->
    [one] einer Minute
   *[other] { $minutes } Minuten
} noch einmal.
too-large-title = Zu viele Daten gesendet
too-large-text = Was Sie gesendet haben, überschreitet die Grenze dieser Seite von { $size } KB. Kürzen Sie die Texte und versuchen Sie es noch einmal.
slow-body-title = Senden hat zu lange gedauert
slow-body-text = Die Daten des Formulars sind nicht rechtzeitig angekommen. Prüfen Sie Ihre Verbindung und versuchen Sie es noch einmal.
busy-title = Dienst gerade ausgelastet
busy-text = Im Moment gibt es zu viele Anfragen. Bitte versuchen Sie es in ein paar Sekunden noch einmal.
busy-renders-text = Im Moment werden zu viele Dokumente (PDFs und Bilder) erstellt. Bitte versuchen Sie es in ein paar Sekunden noch einmal.
no-data-key-title = Personenbezogene Daten nicht verfügbar
no-data-key-text = Dieser Server kann geschützte personenbezogene Daten (gesundheitsbezogene Bedürfnisse, zweiter Faktor) gerade weder speichern noch lesen: Sein Schlüssel zur Verschlüsselung ist nicht eingerichtet. Versuchen Sie es später noch einmal oder rufen Sie das Zentrum an; die Betreiber des Dienstes wurden informiert.
busy-slow-text = Die Antwort hat zu lange gedauert. Bitte versuchen Sie es in ein paar Minuten noch einmal.

## Erklärung zur Barrierefreiheit
accessibility-title = Erklärung zur Barrierefreiheit
accessibility-intro = Die öffentlichen Arbeitsvermittlungszentren wollen, dass alle diese Website nutzen können, so wie es das italienische Gesetz 4/2004 und die Richtlinien der AgID verlangen. Diese Erklärung gilt für die öffentlichen Seiten von Sportello.
accessibility-status-title = Stand der Vereinbarkeit mit den Anforderungen
accessibility-status = Die Website soll die Norm EN 301 549 (WCAG 2.1, Stufe AA) erfüllen. Vor jeder neuen Version wird jede Seite automatisch in einem Browser auf Fehler bei der Barrierefreiheit geprüft. Automatische Prüfungen finden nicht jede Barriere: Bitte melden Sie uns die Barrieren, auf die Sie stoßen.
accessibility-how-title = Wie die Website gemacht ist
accessibility-how-keyboard = Alles lässt sich allein mit der Tastatur bedienen; der erste Link jeder Seite führt direkt zum Inhalt.
accessibility-how-nojs = Die Seiten funktionieren ohne JavaScript und auch bei langsamen Verbindungen.
accessibility-how-languages = Die Seiten gibt es auf Italienisch, Englisch, Französisch und Deutsch; wenn ein Angebot noch nicht übersetzt ist, werden seine Angaben trotzdem in Ihrer Sprache gezeigt.
accessibility-how-print = Die Angebote hängen auch gedruckt an den Stellentafeln der Zentren aus, auf Wunsch in großer Schrift.
accessibility-report-title = Eine Barriere melden
accessibility-report = Wenn Sie etwas auf dieser Website nur schwer oder gar nicht nutzen können, schreiben Sie an die E-Mail-Adresse Ihres Arbeitsvermittlungszentrums (sie steht auf der Seite des Zentrums) oder rufen Sie dort an: Sagen Sie, um welche Seite es geht und was das Problem ist. Wir antworten innerhalb von 30 Tagen.
accessibility-enforcement = Wenn die Antwort Sie nicht zufriedenstellt oder Sie innerhalb von 30 Tagen keine Antwort bekommen, können Sie das der AgID melden, der Agentur für das digitale Italien, die Beschwerden zur Barrierefreiheit bearbeitet.

## Datenschutzhinweise
privacy-title = Datenschutzhinweise
privacy-intro = Diese Hinweise erklären nach Artikel 13 der Datenschutz-Grundverordnung (DSGVO, EU 2016/679), welche personenbezogenen Daten die öffentlichen Seiten dieser Website verarbeiten.
privacy-controller-title = Wer verantwortlich ist
privacy-controller = Verantwortlich ist die regionale Arbeitsagentur, die die Zentren betreibt (Arpal Puglia für das Gebiet Lecce, die Regionale Arbeitsagentur der Emilia-Romagna für Rimini und Riccione). Den Datenschutzbeauftragten der Agentur erreichen Sie über ihre Website.
privacy-data-title = Welche Daten
privacy-data = Das Ansehen der Angebote erfordert keine Registrierung und setzt keine Cookies. Die Formulare verwenden ein technisches Cookie, das sie vor gefälschten Übermittlungen schützt; angemeldete Personen erhalten ein Sitzungs-Cookie, das beim Abmelden oder nach 30 Minuten Inaktivität endet. Kein Cookie dient dazu, jemanden zu verfolgen. Wenn Sie einen Termin oder einen Platz bei einem Gruppentreffen buchen, geben Sie Ihren Namen und Ihre Kontaktdaten an, auf Wunsch auch Bedürfnisse wie Zugang mit Rollstuhl oder einen Dolmetscher (verschlüsselt gespeichert und nur für die Person lesbar, die Sie betreut). Mit einem Konto speichern wir Ihren Namen, Ihre bestätigte E-Mail-Adresse oder Handynummer, Ihr Geburtsdatum (um zu prüfen, dass Sie mindestens 16 Jahre alt sind) und, falls Sie einen verfassen, Ihren Lebenslauf und die Auswahl, die Sie dazu treffen, jeweils mit Datum. Unternehmen, die ein Angebot senden, geben ihre Kontaktdaten an, die das Zentrum nur zur Bearbeitung der Anfrage verwendet. Der Server speichert aus Sicherheitsgründen die Netzwerkadresse jeder Anfrage, ihre Uhrzeit und die aufgerufene Seite.
privacy-purpose-title = Warum
privacy-purpose = Diese Aufzeichnungen dienen nur dazu, den Dienst am Laufen und sicher zu halten (Rechtsgrundlage: die öffentlichen Aufgaben der Arbeitsvermittlung, Art. 6 Abs. 1 Buchst. e DSGVO). Sie werden nicht genutzt, um Profile von Personen zu erstellen, und nicht an andere weitergegeben, außer an Behörden, wenn das Gesetz es verlangt.
privacy-retention-title = Wie lange
privacy-retention = Die Sicherheitsaufzeichnungen werden spätestens nach 30 Tagen gelöscht. Der Text der Nachrichten, die wir Ihnen senden, wird 90 Tage nach dem Versand gelöscht. Ihr Konto, Ihr Lebenslauf und Ihre Auswahl bleiben gespeichert, bis Sie sie löschen; Termine und Treffen, die schon stattgefunden haben, bleiben danach nur als Zahlen erhalten, ohne Ihren Namen und Ihre Kontaktdaten.
privacy-rights-title = Ihre Rechte
privacy-rights = Mit einem Konto können Sie auf der Seite Meine Daten alle Ihre Daten herunterladen und Ihr Konto selbst löschen. Sie können auch Auskunft über Ihre Daten verlangen, sie berichtigen oder löschen lassen oder ihrer Nutzung widersprechen (Artikel 15 bis 22 DSGVO), indem Sie an den Verantwortlichen schreiben. Sie können sich auch bei der italienischen Datenschutzbehörde beschweren, dem Garante per la protezione dei dati personali.

## Employers
employers-title = Für Arbeitgeber
employers-intro = Unternehmen können einem Arbeitsvermittlungszentrum ohne Registrierung ein Stellenangebot senden und berechnen, wie viele Personen sie nach dem Gesetz 68/1999 (Collocamento Mirato) einstellen müssen.
quota-title = Wie viele Einstellungen das Gesetz 68/1999 verlangt
quota-intro = Geben Sie die Zahl der anrechenbaren Beschäftigten ein: Die Berechnung zeigt, wie viele Menschen mit Behinderung (Art. 1) und aus geschützten Gruppen (Art. 18) das Unternehmen beschäftigen muss.
quota-employees = Anrechenbare Beschäftigte
quota-employees-hint = Manche Gruppen werden nicht mitgezählt (Art. 4 des Gesetzes 68/1999), zum Beispiel Führungskräfte und Beschäftigte mit Eingliederungsvertrag.
quota-button = Berechnen
quota-invalid = Geben Sie eine ganze Zahl von Beschäftigten ein, zum Beispiel 42.
quota-result-art1 = Bei { $employees } Beschäftigten: { $count ->
    [one] 1 Person mit Behinderung (Art. 1).
   *[other] { $count } Personen mit Behinderung (Art. 1).
}
quota-result-art18 = { $count ->
    [0] Keine Person aus den geschützten Gruppen (Art. 18).
    [one] 1 Person aus den geschützten Gruppen (Art. 18).
   *[other] { $count } Personen aus den geschützten Gruppen (Art. 18).
}
quota-rules-title = Die Regeln
quota-rule-small = Weniger als 15 Beschäftigte: keine Pflicht.
quota-rule-15 = 15 bis 35 Beschäftigte: 1 Person mit Behinderung.
quota-rule-36 = 36 bis 50 Beschäftigte: 2 Personen mit Behinderung.
quota-rule-51 = Mehr als 50 Beschäftigte: 7 % der Beschäftigten (Bruchteile über 0,5 zählen als eine Person).
quota-rule-art18 = Geschützte Gruppen (Art. 18): 1 Person bei 51 bis 150 Beschäftigten, über 150 1 %.
quota-disclaimer = Die Berechnung ist ein Richtwert. Für die jährliche Meldung und Vereinbarungen wenden Sie sich an das Büro des Collocamento Mirato.
request-title = Ein Stellenangebot senden
request-intro = Beschreiben Sie die Stelle: Das gewählte Arbeitsvermittlungszentrum prüft sie und veröffentlicht sie an seinen Stellentafeln, in den Büros und online.
request-privacy = Die Kontaktdaten des Unternehmens sind nur für das Arbeitsvermittlungszentrum bestimmt und erscheinen nie an öffentlichen Stellentafeln.
request-company = Das Unternehmen
request-company-name = Firmenname
request-vat = Umsatzsteuernummer (partita IVA)
request-vat-hint = 11 Ziffern, zum Beispiel 00743110157.
request-contact = Ansprechperson
request-phone = Telefon
request-show-name = Den Namen des Unternehmens an den öffentlichen Stellentafeln zeigen
request-where = Zentrum und Art des Angebots
request-centre = Arbeitsvermittlungszentrum
request-placement = Collocamento Mirato
placement-none = Nein, das Angebot steht allen offen
placement-art1 = Ja, für Menschen mit Behinderung (Art. 1, Gesetz 68/1999)
placement-art18 = Ja, für geschützte Gruppen (Art. 18, Gesetz 68/1999)
request-how-hint = Wie man sich bewirbt, zum Beispiel mit dem Lebenslauf an das Arbeitsvermittlungszentrum.
request-valid-through = Ablaufdatum des Angebots
request-send = Angebot senden
request-vat-invalid = Diese Umsatzsteuernummer ist ungültig: Prüfen Sie die 11 Ziffern.
request-email-invalid = Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@firma.it.
request-phone-invalid = Geben Sie eine Telefonnummer ein, zum Beispiel 0832 123456.
request-too-many = Aus diesem Netz wurden zu viele Angebote gesendet. Versuchen Sie es in { $seconds } Sekunden erneut.
request-status-title = Angebot { $reference }
request-received = Eingegangen: Das Arbeitsvermittlungszentrum prüft es.
request-published = An den Stellentafeln veröffentlicht.
request-declined = Nicht veröffentlicht.
request-thanks = Danke: Das Angebot ist mit der Referenznummer { $reference } eingegangen.
request-keep-link = Bewahren Sie diese Adresse auf, um das Angebot zu verfolgen: Sie zeigt, ob es veröffentlicht wurde.
request-reason = Grund
request-see-offer = Das veröffentlichte Angebot ansehen
closures-title = Schließtage

## The demo's mailbox.

mailbox-title = Postfach der Demo
mailbox-intro = Diese Demo sendet keine E-Mails: Hier stehen die Nachrichten, die sie gesendet hätte, mit ihren Links und Anhängen.
mailbox-empty = Noch keine Nachrichten. Buchen Sie einen Termin mit einer E-Mail-Adresse, um eine zu sehen.
mailbox-to = An
mailbox-when = Erstellt am
mailbox-kind = Art
mailbox-attachment = Anhang { $name } herunterladen
mailbox-text = Text der Nachricht

## Feeds of the newest offers (Atom and JSON Feed), announced in the pages' head.

feed-network-title = Stellenangebote aller Arbeitsvermittlungszentren
feed-centre-title = Stellenangebote: { $centre }
feed-section-title = Stellenangebote: { $section }
feed-link-atom = { $title } (Atom-Feed)
feed-link-json = { $title } (JSON Feed)
feed-entry-summary = { $place } · { $centre } · { $contract } · Offen bis { $date }
