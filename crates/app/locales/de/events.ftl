## Group meetings: the public list, the event page, registration, and the
## messages about a registration.

events-title = Gruppentreffen
events-intro = Treffen der Arbeitsvermittlungszentren, im Saal oder online: Dienste, Arbeitssuche, Möglichkeiten in Italien und im Ausland. Sie sind kostenlos; melden Sie sich an, um einen Platz zu bekommen.
events-subscribe = Die Treffen dieses Zentrums im Kalender abonnieren (.ics)
events-board-link = Gruppentreffen dieses Zentrums
events-next = Die nächsten Gruppentreffen
events-filter-legend = Auswählen
events-filter-centre = Zentrum
events-filter-centre-any = Alle Zentren
events-filter-audience = Für wen
events-filter-audience-any = Für alle
events-filter-where = Wo
events-filter-where-any = Im Saal oder online
events-filter-where-online = Online
events-filter-where-room = Im Saal
events-filter-submit = Anzeigen
events-none = Kein kommendes Treffen entspricht dieser Auswahl.
events-count = { $count ->
    [one] Ein Treffen
   *[other] { $count } Treffen
}
event-audience-everyone = Für alle
event-audience-young_people = Für junge Menschen
event-audience-foreign_residents = Für ausländische Einwohnerinnen und Einwohner
event-audience-mirato = Für Personen auf den Listen nach Gesetz 68/1999 (Collocamento Mirato)
event-organiser = Veranstaltet von
event-partners = Mit
event-sessions = Termine
event-series-note = Eine Anmeldung gilt für alle Termine der Reihe.
event-session-when = Wann
event-session-where = Wo
event-session-seats = Plätze
event-seats-free = { $count ->
    [one] Ein Platz frei
   *[other] { $count } Plätze frei
}
event-seats-full = Ausgebucht: Sie können sich auf die Warteliste setzen
event-session-cancelled = Abgesagt
event-session-closed = Anmeldung geschlossen
event-online = Online
event-register-title = Anmelden
event-register-session = Termin
event-register-submit = Anmelden
event-details-legend = Wer sich anmeldet
event-privacy = Wir verwenden diese Angaben nur für diese Anmeldung.
event-waiting-note = Wenn alle Plätze vergeben sind, kommen Sie auf die Warteliste: Wird ein Platz frei, bieten wir ihn Ihnen per E-Mail oder SMS an und halten ihn eine Weile für Sie frei.
event-online-note = Die Adresse des Online-Raums erhalten nur angemeldete Personen.
event-nothing-open = Die Anmeldung zu diesem Treffen ist geschlossen.
event-reference = Anmeldenummer
event-page-title = Anmeldung { $reference }
event-status-label = Ihr Platz
event-status-confirmed = Platz bestätigt
event-status-waiting = Warteliste: Nummer { $position }
event-status-offered = Platz für Sie reserviert bis { $deadline }: bitte bestätigen
event-status-lapsed = Platzangebot abgelaufen
event-status-cancelled = Storniert
event-status-attended = Anwesend
event-status-no_show = Nicht erschienen
event-confirm-seat = Meinen Platz bestätigen
event-cancel-session = Diese Anmeldung stornieren
event-ics = In meinen Kalender eintragen (.ics)
event-cancelled-done = Ihre Anmeldung wurde storniert.
event-confirmed-done = Ihr Platz ist bestätigt.
event-token-title = Dieser Link funktioniert nicht
event-token-text = Der Link ist unvollständig oder ungültig. Verwenden Sie den Link aus der letzten Nachricht, die wir Ihnen geschickt haben.
event-link-expired-title = Dieser Link ist abgelaufen
event-link-expired-text = Das Treffen ist vorbei; die Anmeldung kann nicht mehr geöffnet werden.
event-sent-title = Sehen Sie in Ihre Nachrichten
event-sent-text = Wir haben eine Nachricht mit Ihrer Anmeldung an { $contacts } geschickt: für jeden Termin einen Platz oder Ihre Nummer auf der Warteliste, und den Link zum Bestätigen oder Stornieren.
event-sent-one = Wenn Sie schon angemeldet waren, enthält die Nachricht diese Anmeldung noch einmal.
event-closed-title = Eine Anmeldung ist nicht möglich
event-closed-past = Dieser Termin hat bereits begonnen oder ist vorbei.
event-closed-cancelled = Dieser Termin wurde abgesagt.
event-closed-registration = Die Anmeldung zu diesem Termin ist geschlossen.
event-no-session = Wählen Sie einen Termin.
event-too-late-title = Diese Anmeldung kann nicht mehr geändert werden
event-too-late-text = Sie wurde storniert, ihr Platzangebot ist abgelaufen oder der Termin hat begonnen.
event-offer-lapsed-text = Die Frist zum Bestätigen des Platzes ist abgelaufen: Er ging an die nächste Person auf der Warteliste.
event-back = Zurück zu den Gruppentreffen
event-poster-title = Treffen: { $title }
event-poster-number = Treffen Nr.
event-poster-centre = Informationen
event-poster-register = Kostenlos. Anmeldung unter { $url } (Code scannen) oder im Zentrum.
event-poster-link = Plakat drucken (PDF)
mail-registration-subject = Anmeldung: { $title }
mail-registration-intro = Hier ist Ihre Anmeldung zu „{ $title }“: für jeden Termin ein Platz oder Ihre Nummer auf der Warteliste.
mail-registration-offer-subject = Ein Platz ist für Sie frei geworden: { $title }
mail-registration-offer-intro = Bei „{ $title }“ ist ein Platz frei geworden, den wir für Sie freihalten. Bestätigen Sie ihn über den Link unten vor der angegebenen Zeit; sonst geht er an die nächste Person auf der Warteliste.
mail-registration-cancelled-subject = Anmeldung storniert: { $title }
mail-registration-cancelled-intro = Ihre Anmeldung zu „{ $title }“ wurde storniert.
mail-registration-lapsed-subject = Platzangebot abgelaufen: { $title }
mail-registration-lapsed-intro = Der für Sie reservierte Platz bei „{ $title }“ wurde nicht rechtzeitig bestätigt und ging an die nächste Person auf der Warteliste.
mail-registration-reminder-subject = Erinnerung: { $title }
mail-registration-reminder-intro = Eine Erinnerung an Ihre Anmeldung zu „{ $title }“. Wenn Sie nicht kommen können, stornieren Sie bitte: Ihr Platz geht an die nächste Person auf der Warteliste.
mail-registration-existing-subject = Ihre Anmeldung: { $title }
mail-registration-existing-intro = Jemand wollte Sie zu „{ $title }“ anmelden, wofür Sie schon angemeldet sind. Hier ist Ihre Anmeldung; wenn Sie es nicht waren, müssen Sie nichts tun.
mail-registration-manage = Um Ihre Anmeldung zu sehen, zu bestätigen oder zu stornieren, öffnen Sie diese Adresse:
mail-registration-manage-link = Anmeldung ansehen, bestätigen oder stornieren
sms-registration = { $centre }: { $title } - { $when }. { $link }
sms-registration-offer = { $centre }: Ein Platz ist für Sie frei bei { $title } - { $when }. Bestätigen: { $link }
sms-registration-cancelled = { $centre }: Anmeldung storniert, { $title } - { $when }.
sms-registration-lapsed = { $centre }: Das Platzangebot für { $title } ist abgelaufen. { $link }
sms-registration-reminder = { $centre }: Erinnerung, { $title } - { $when }. Stornieren: { $link }
sms-registration-existing = { $centre }: Sie sind schon angemeldet für { $title } - { $when }. { $link }
office-events-title = Treffen des Zentrums
office-events-intro = Die Treffen mit Sitzungen vom letzten Monat bis zu den nächsten vier Monaten. Die Anmeldelisten werden ohne Menü gedruckt.
office-events-none = Keine Treffen in diesem Zeitraum.
office-events-counts = { $taken } von { $seats } Plätzen belegt, { $waiting } auf der Warteliste
office-events-list-link = Anmeldeliste
office-events-mirato-only = die Anmeldeliste sieht nur der Collocamento Mirato
office-events-back = Alle Treffen des Zentrums
office-session-title = { $title }, { $when }
office-session-list = Angemeldete Personen
office-session-name = Name
office-session-contacts = Kontakt
office-session-status = Stand
office-session-needs = Bedarf
office-session-attendance = Anwesenheit
office-session-attended = Erschienen
office-session-no-show = Nicht erschienen
office-session-undo = Nicht vermerkt
office-session-marked = Anwesenheit gespeichert.
office-session-not-started = Die Anwesenheit wird vermerkt, sobald die Sitzung begonnen hat.
office-session-empty = Noch niemand angemeldet.
office-session-gone = Abgesagte oder verfallene Anmeldungen, nicht aufgeführt: { $count }.
## Was die Veranstalter an einem Termin ändern und allen Angemeldeten mitteilen.
event-previously = Bisher
event-change-reason = Grund
event-called-off = Von den Veranstaltern abgesagt
event-moved-from = Verschoben vom { $when }
event-messages = Nachrichten der Veranstalter
mail-registration-moved-subject = Neuer Termin: { $title }
mail-registration-moved-intro = Die Veranstalter haben einen Termin von „{ $title }“ verschoben: Datum und Uhrzeit stehen unten, Ihre Anmeldung bleibt bestehen. Wenn Sie nicht mehr kommen können, stornieren Sie sie bitte, damit Ihr Platz an die nächste Person auf der Warteliste geht.
mail-registration-called-off-subject = Termin abgesagt: { $title }
mail-registration-called-off-intro = Die Veranstalter haben einen Termin von „{ $title }“ abgesagt und damit Ihre Anmeldung zu diesem Termin. Sie müssen nichts tun. Wir bitten um Entschuldigung.
mail-registration-message-subject = { $title }: { $subject }
mail-registration-message-intro = Die Veranstalter von „{ $title }“ senden allen Angemeldeten diese Nachricht:
sms-registration-moved = { $centre }: { $title } ist verschoben auf { $when }. { $link }
sms-registration-called-off = { $centre }: { $title } am { $when } ist von den Veranstaltern abgesagt. { $link }
sms-registration-message = { $centre }, { $title }: { $message } { $link }
session-change-started = Dieser Termin hat begonnen oder ist vorbei: Er kann nicht mehr geändert werden.
session-change-cancelled = Dieser Termin ist bereits abgesagt.
session-change-in-past = Das neue Datum und die Uhrzeit sind vorbei: Wählen Sie eine künftige Zeit.
session-change-times = Geben Sie ein Datum (Tag, Monat, Jahr) und Beginn und Ende (Stunden:Minuten) an diesem Tag an, das Ende nach dem Beginn.
session-change-unchanged = Das neue Datum und die Zeiten sind die des Termins: Es gibt nichts zu verschieben.
session-change-no-reason = Geben Sie den Grund der Absage an: Alle Angemeldeten lesen ihn.
session-change-length = Geben Sie einen Betreff (bis 150 Zeichen) und einen Text (bis 2.000) an, oder einen Grund von höchstens 300 Zeichen.
office-session-moved = Der Termin ist verschoben; alle Angemeldeten werden benachrichtigt.
office-session-called-off = Der Termin ist abgesagt; alle Angemeldeten werden benachrichtigt.
office-session-sent = Die Nachricht geht an alle Angemeldeten.
office-session-messages = Gesendete Nachrichten
office-session-message-recipients = { $count ->
    [one] an eine Person
   *[other] an { $count } Personen
}
office-session-message-title = Allen Angemeldeten schreiben
office-session-message-hint = Per E-Mail, und per SMS an alle, die SMS wünschen: { $count ->
    [one] Eine Person hat einen Platz oder wartet.
   *[other] { $count } Personen haben einen Platz oder warten.
} Die Nachricht steht auch auf der Anmeldeseite jeder Person.
office-session-subject = Betreff
office-session-body = Nachricht
office-session-send = Nachricht senden
office-session-move-title = Diesen Termin verschieben
office-session-move-hint = Alle Angemeldeten behalten ihren Platz oder ihre Stelle in der Warteliste und erfahren das neue Datum und die Uhrzeit; die Anmeldung schließt so lange vor dem neuen Beginn wie bisher.
office-session-date = Tag
office-session-start = Beginn (Stunden:Minuten)
office-session-end = Ende (Stunden:Minuten)
office-session-reason-optional = Grund (freiwillig, für alle sichtbar)
office-session-reason = Grund (für alle sichtbar)
office-session-move = Termin verschieben und alle benachrichtigen
office-session-cancel-title = Diesen Termin absagen
office-session-cancel-hint = Jede Anmeldung wird storniert, und { $count ->
    [one] die angemeldete Person erfährt
   *[other] die { $count } angemeldeten Personen erfahren
} es per E-Mail oder SMS. Das lässt sich nicht rückgängig machen.
office-session-cancel = Termin absagen und alle benachrichtigen
