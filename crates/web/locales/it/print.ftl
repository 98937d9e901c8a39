## Printed posters and boards (PDF)
offer-poster-link = Stampa il manifesto di questa offerta (PDF, A4)
offer-poster-large-link = Stampa a caratteri grandi (PDF, A4)
poster-title = { $title } – { $reference }
poster-where-to-apply = Dove candidarsi
poster-continues-online = Continua online
poster-description-in-italian = La descrizione di questa offerta è disponibile in italiano.
poster-contact = Tel. { $phone } · { $email }
poster-hours-line = { $day } { $opens }–{ $closes }
board-title = Bacheca di { $centre }
board-cover-what = Questa bacheca raccoglie le offerte di lavoro aperte del { $centre }, sezione «{ $section }».
board-cover-how = Per candidarti vieni al centro con il codice dell'offerta, oppure inquadra il codice QR dell'offerta per leggerla online.
board-cover-count = { $count ->
    [one] Un'offerta aperta
   *[other] { $count } offerte aperte
}
board-cover-empty = Nessuna offerta aperta in questa sezione al momento.
