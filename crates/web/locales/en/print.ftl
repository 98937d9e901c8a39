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
