## Printed posters and boards (PDF)
offer-poster-link = Print the poster of this offer (PDF, A4)
offer-poster-large-link = Large print (PDF, A4)
poster-title = { $title } – { $reference }
poster-where-to-apply = Where to apply
poster-continues-online = Continues online
poster-description-in-italian = The description of this offer is available in Italian.
poster-contact = Tel. { $phone } · { $email }
poster-hours-line = { $day } { $opens }–{ $closes }
board-title = Board of { $centre }
board-cover-what = This board lists the open job offers of { $centre }, section “{ $section }”.
board-cover-how = To apply, come to the centre with the offer's reference code, or scan the offer's QR code to read it online.
board-cover-count = { $count ->
    [one] One open offer
   *[other] { $count } open offers
}
board-cover-empty = No open offers in this section at the moment.
poster-does-not-fit-title = The poster does not fit on one page
poster-does-not-fit = This offer does not fit on one A4 page in { $count } languages at this text size. Choose fewer languages, or print without large print.
print-office-title = Print boards
print-office-intro = Download a centre's board as a PDF to print and pin up: a cover page for each section saying who may apply and how, then its open offers, three to a page (two in large print), each with its QR code.
print-section-any = Every section with open offers
print-languages = Languages
print-italian-always = Italian is always printed first; tick the other languages to add.
print-large = Large print (text at least 20 pt, for low-vision readers)
print-board-download = Download the board (PDF)
print-posters-hint = The poster of a single offer is printed from the offer's page:
print-poster-heading = Poster to print
print-poster-download = Download the poster (PDF, A4)
