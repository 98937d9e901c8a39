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
poster-does-not-fit-title = Il manifesto non entra in una pagina
poster-does-not-fit = Questa offerta non entra in una pagina A4 in { $count } lingue con questa dimensione del testo. Scegli meno lingue, oppure stampa senza caratteri grandi.
print-office-title = Stampa bacheche
print-office-intro = Scarica in PDF la bacheca di un centro da stampare e affiggere: per ogni sezione una copertina che dice chi può candidarsi e come, poi le sue offerte aperte, tre per pagina (due a caratteri grandi), ciascuna con il suo codice QR.
print-section-any = Tutte le sezioni con offerte aperte
print-languages = Lingue
print-italian-always = L'italiano è sempre stampato per primo; spunta le altre lingue da aggiungere.
print-large = Caratteri grandi (testo di almeno 20 pt, per chi vede poco)
print-board-download = Scarica la bacheca (PDF)
print-posters-hint = Il manifesto di una singola offerta si stampa dalla pagina dell'offerta:
print-poster-heading = Manifesto da stampare
print-poster-download = Scarica il manifesto (PDF, A4)
