# Sportello — user-interface strings, English.
# Every message here exists in it, en, fr and de (a test checks it).

site-name = Sportello · Public employment centres
skip-to-content = Skip to content
nav-languages = Languages
footer-about = Job offers of the public employment centres (Centri per l'Impiego). The service is free.

## Dates, numbers
date-format = { $day }/{ $month }/{ $year }
salary-range = { $min }–{ $max } € gross per month
openings = { $count ->
    [one] 1 position
   *[other] { $count } positions
}
offer-count = { $count ->
    [one] 1 offer
   *[other] { $count } offers
}
hours-per-week = { $hours } hours a week
experience-months = { $months ->
    [one] 1 month
   *[other] { $months } months
}
experience-none = Not required
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

## Board sections
section-ordinary = Job offers
section-ordinary-who = Open to everyone.
section-eures = EURES: jobs in other regions and in Europe
section-eures-who = Open to everyone. Offers from other Italian regions and from EU and EEA countries, through the EURES network.
section-mirato-art1 = Collocamento Mirato: people with disabilities (art. 1, Law 68/1999)
section-mirato-art1-who = Only for people with disabilities who are on the Collocamento Mirato list (Law 68/1999, art. 1).
section-mirato-art18 = Collocamento Mirato: protected categories (art. 18, Law 68/1999)
section-mirato-art18-who = Only for people of the protected categories who are on the list of Law 68/1999, art. 18 (for example orphans or surviving spouses of people who died at work, refugees, victims of terrorism or organised crime).

## Home
home-title = Job offers of the public employment centres
home-intro = { $count ->
    [one] There is 1 open offer today. Look for a job by keyword or choose a centre.
   *[other] There are { $count } open offers today. Look for a job by keyword or choose a centre.
}
home-centres = Employment centres
home-sections = Sections

## Search
search-title = Search job offers
search-label = What job are you looking for?
search-hint = A job, a place or a reference code such as LE-0427. You can write in Italian, English, French or German.
search-button = Search
search-all-offers = See all open offers
filters-title = Filters
filter-any = Any
filter-centre = Centre
filter-section = Section
filter-group = Occupation group
filter-contract = Contract
filter-working-time = Working time
filter-language = Required language
filter-since = Published since
sort-label = Sort by
sort-relevance = Best match
sort-date = Newest first
results-count = { $count ->
    [one] 1 offer found
   *[other] { $count } offers found
}
results-none = No open offer matches. Try fewer words or fewer filters.
query-truncated = Your search was too long: only its first { $max } characters were used.
pagination = Pages of results
page-previous = Previous page
page-next = Next page
page-number = Page { $number }

## Board
board-intro = Open job offers of this centre, by section. Each offer has a reference code: quote it when you apply.
board-sections = Sections of this board
board-see-all = See all { $count } offers of this section
board-section-empty = No open offers in this section at the moment.
contacts-title = Contacts and opening hours
contacts-phone = Phone
contacts-email = E-mail
hours-title = Opening hours
hours-day = Day
hours-time = Hours
hours-by-appointment = by appointment only
hours-note = Closed on public holidays.

## Offer
reference = Reference
text-fallback-note = This offer is not yet available in English: the description below is in Italian. The details above are in English.
offer-details = Details
field-occupation = Occupation
field-place = Place of work
offer-place-remote = Remote, for people living in { $country } (based in { $place })
field-employer = Employer
field-contract = Contract
field-working-time = Working time
field-openings = Positions
field-education = Education
field-languages = Languages
field-licence = Driving licence
field-experience = Experience
field-salary = Pay
field-published = Published on
valid-through = Open until
offer-description = Description
offer-how-to-apply = How to apply
apply-quote-reference = When you apply, quote the reference { $reference }.
offer-short-url = Short address of this offer
back-to-board = Back to the board of { $centre }
offer-gone-title = This offer has closed
offer-gone-text = The offer you are looking for is no longer open: the position was filled, the offer was withdrawn or it has expired.
offer-gone-similar = Similar open offers
offer-gone-none = There are no similar open offers at the moment.

## Errors
not-found-title = Page not found
not-found-text = The page you asked for does not exist. Check the address, or start again from the home page.
unknown-language-text = This site is available in Italian, English, French and German. Choose your language:
bad-request-title = The request cannot be used
bad-parameter = The value “{ $value }” is not valid for “{ $name }”. Change it and try again.
internal-error-title = Something went wrong
internal-error-text = Something went wrong on our side. Please try again in a few minutes. If it happens again, quote this reference to the centre: { $reference }.
too-many-title = Too many requests
too-many-text = Too many requests came from your network or for this contact, so this one was not carried out. Please try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}.
too-large-title = Too much data sent
too-large-text = What you sent is over this page's limit of { $size } KB. Shorten the texts and try again.
slow-body-title = Sending took too long
slow-body-text = The form's data did not arrive in time. Check your connection and try again.
busy-title = Service busy for a moment
busy-text = There are too many requests right now. Please try again in a few seconds.
busy-renders-text = Too many documents (PDFs and images) are being prepared right now. Please try again in a few seconds.
no-data-key-title = Personal data unavailable
no-data-key-text = This server cannot store or read protected personal data right now (health-related needs, second factors): its encryption key is not configured. Try again later or call the centre; the people who run the service have been told.
busy-slow-text = The answer took too long. Please try again in a few minutes.

## Accessibility statement
accessibility-title = Accessibility statement
accessibility-intro = The public employment centres want this site to be usable by everyone, as Italian Law 4/2004 and the AgID guidelines require. This statement applies to the public pages of Sportello.
accessibility-status-title = Compliance status
accessibility-status = The site aims to comply with EN 301 549 (WCAG 2.1, level AA). Every page is checked automatically in a browser for accessibility errors before each release. Automatic checks do not find every barrier: tell us about any you meet.
accessibility-how-title = How the site is made
accessibility-how-keyboard = Everything can be used with the keyboard alone; the first link of every page skips to its content.
accessibility-how-nojs = Pages work without JavaScript and on slow connections.
accessibility-how-languages = Pages are available in Italian, English, French and German; when an offer is not yet translated, its details are still shown in your language.
accessibility-how-print = Offers are also printed on the boards of the centres, in large print on request.
accessibility-report-title = Report a barrier
accessibility-report = If something on this site is hard or impossible for you to use, write to the e-mail address of your employment centre (on its page) or phone it: say which page and what the problem is. We answer within 30 days.
accessibility-enforcement = If the answer does not satisfy you, or you get none within 30 days, you can report it to AgID, the Agency for Digital Italy, which handles accessibility complaints.

## Privacy notice
privacy-title = Privacy notice
privacy-intro = This notice explains, under article 13 of the General Data Protection Regulation (EU 2016/679), what personal data the public pages of this site process.
privacy-controller-title = Who is responsible
privacy-controller = The controller is the regional employment agency that runs the centres (Arpal Puglia for the Lecce area, the Regional Employment Agency of Emilia-Romagna for Rimini and Riccione). You can contact its data protection officer through the agency’s website.
privacy-data-title = What data
privacy-data = Browsing the offers needs no registration and sets no cookies. The forms set one technical cookie that protects them from forged submissions; people who sign in get a session cookie that ends when they sign out or after 30 minutes of inactivity. No cookie is used to track anyone. When you book an appointment or a place at a group meeting you give your name and contacts, and if you wish needs such as a wheelchair or an interpreter (kept encrypted, read only by who serves you). With an account we keep your name, confirmed e-mail address or mobile number, birth date (to check that you are 16 or older) and, if you write one, your CV and the choices you make about it, each recorded with the date. Companies that send an offer give their contacts, which the centre uses only to handle the request. The server records, for security, the network address of each request, its time and the page asked for.
privacy-purpose-title = Why
privacy-purpose = These records are used only to keep the service running and secure (legal basis: the public tasks of the employment services, GDPR art. 6(1)(e)). They are not used to profile anyone and are not given to others, except to the authorities when the law requires it.
privacy-retention-title = For how long
privacy-retention = Security records are deleted after 30 days at the latest. The text of the messages we send you is wiped 90 days after sending. Your account, CV and choices are kept until you delete them; appointments and meetings already held are then kept only as numbers, without your name or contacts.
privacy-rights-title = Your rights
privacy-rights = With an account you can download all your data and delete your account yourself, from the page My data. You can also ask to see, correct or delete your data, or object to their use (GDPR articles 15 to 22), by writing to the controller. You can also complain to the Italian data protection authority, the Garante per la protezione dei dati personali.

## Employers
employers-title = For employers
employers-intro = Companies can send a job offer to an employment centre without registering, and work out how many people they must hire under Law 68/1999 (Collocamento Mirato).
quota-title = How many hires Law 68/1999 requires
quota-intro = Enter the number of employees that count: the calculation shows how many people with disabilities (art. 1) and of protected categories (art. 18) the company must employ.
quota-employees = Employees that count
quota-employees-hint = Some categories are not counted (art. 4 of Law 68/1999), for example managers and workers hired on integration contracts.
quota-button = Calculate
quota-invalid = Write a whole number of employees, for example 42.
quota-result-art1 = With { $employees } employees: { $count ->
    [one] 1 person with disabilities (art. 1).
   *[other] { $count } people with disabilities (art. 1).
}
quota-result-art18 = { $count ->
    [0] No person of the protected categories (art. 18).
    [one] 1 person of the protected categories (art. 18).
   *[other] { $count } people of the protected categories (art. 18).
}
quota-rules-title = The rules
quota-rule-small = Fewer than 15 employees: no obligation.
quota-rule-15 = 15 to 35 employees: 1 person with disabilities.
quota-rule-36 = 36 to 50 employees: 2 people with disabilities.
quota-rule-51 = More than 50 employees: 7% of the employees (fractions above 0.5 count as one person).
quota-rule-art18 = Protected categories (art. 18): 1 person from 51 to 150 employees, above 150 1%.
quota-disclaimer = The calculation is a guide. For the yearly declaration and agreements, contact the Collocamento Mirato office.
request-title = Send a job offer
request-intro = Describe the job: the employment centre you choose checks it and publishes it on its boards, in the offices and online.
request-privacy = The company's contact details are only for the employment centre and never appear on public boards.
request-company = The company
request-company-name = Company name
request-vat = VAT number (partita IVA)
request-vat-hint = 11 digits, for example 00743110157.
request-contact = Contact person
request-phone = Phone
request-show-name = Show the company's name on the public boards
request-where = Centre and kind of offer
request-centre = Employment centre
request-placement = Collocamento Mirato
placement-none = No, the offer is open to everyone
placement-art1 = Yes, for people with disabilities (art. 1, Law 68/1999)
placement-art18 = Yes, for protected categories (art. 18, Law 68/1999)
request-how-hint = How people should apply, for example by sending their CV to the employment centre.
request-valid-through = Closing date of the offer
request-send = Send the offer
request-vat-invalid = This VAT number is not valid: check the 11 digits.
request-email-invalid = Write a valid e-mail address, for example name@company.it.
request-phone-invalid = Write a phone number, for example 0832 123456.
request-too-many = Too many offers were sent from this network. Try again in { $seconds } seconds.
request-status-title = Offer { $reference }
request-received = Received: the employment centre is looking at it.
request-published = Published on the boards.
request-declined = Not published.
request-thanks = Thank you: the offer arrived with the reference { $reference }.
request-keep-link = Keep this address to follow the offer: it shows whether it has been published.
request-reason = Reason
request-see-offer = See the published offer
closures-title = Days closed

## The demo's mailbox.

mailbox-title = Demo mailbox
mailbox-intro = This demo sends no e-mail: here are the messages it would have sent, with their links and attachments.
mailbox-empty = No messages yet. Book an appointment with an e-mail address to see one.
mailbox-to = To
mailbox-when = Created
mailbox-kind = Kind
mailbox-attachment = Download the attachment { $name }
mailbox-text = Text of the message

## Feeds of the newest offers (Atom and JSON Feed), announced in the pages' head.

feed-network-title = Job offers of every public employment centre
feed-centre-title = Job offers: { $centre }
feed-section-title = Job offers: { $section }
feed-link-atom = { $title } (Atom)
feed-link-json = { $title } (JSON Feed)
feed-entry-summary = { $place } · { $centre } · { $contract } · Open until { $date }
