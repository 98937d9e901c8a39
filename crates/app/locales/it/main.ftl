# Sportello — testi dell'interfaccia, italiano.
# Ogni messaggio esiste in it, en, fr e de (un test lo controlla).

site-name = Sportello · Centri per l'Impiego
skip-to-content = Vai al contenuto
nav-languages = Lingue
footer-about = Offerte di lavoro dei Centri per l'Impiego. Il servizio è gratuito.

## Date, numeri
date-format = { $day }/{ $month }/{ $year }
salary-range = { $min }–{ $max } € lordi al mese
openings = { $count ->
    [one] 1 posto
   *[other] { $count } posti
}
offer-count = { $count ->
    [one] 1 offerta
   *[other] { $count } offerte
}
hours-per-week = { $hours } ore settimanali
experience-months = { $months ->
    [one] 1 mese
   *[other] { $months } mesi
}
experience-none = Non richiesta
weekday-1 = Lunedì
weekday-2 = Martedì
weekday-3 = Mercoledì
weekday-4 = Giovedì
weekday-5 = Venerdì
weekday-6 = Sabato
weekday-7 = Domenica

## Sezioni della bacheca
section-ordinary = Offerte di lavoro
section-ordinary-who = Aperte a tutti.
section-eures = EURES: lavoro in altre regioni e in Europa
section-eures-who = Aperte a tutti. Offerte di altre regioni italiane e di paesi dell'Unione europea e dello Spazio economico europeo, tramite la rete EURES.
section-mirato-art1 = Collocamento Mirato: persone con disabilità (art. 1, legge 68/1999)
section-mirato-art1-who = Solo per persone con disabilità iscritte nell'elenco del Collocamento Mirato (legge 68/1999, art. 1).
section-mirato-art18 = Collocamento Mirato: categorie protette (art. 18, legge 68/1999)
section-mirato-art18-who = Solo per persone delle categorie protette iscritte nell'elenco della legge 68/1999, art. 18 (per esempio orfani o coniugi superstiti di chi è morto sul lavoro, rifugiati, vittime del terrorismo o della criminalità organizzata).

## Home
home-title = Offerte di lavoro dei Centri per l'Impiego
home-intro = { $count ->
    [one] Oggi c'è 1 offerta aperta. Cerca un lavoro per parola chiave o scegli un centro.
   *[other] Oggi ci sono { $count } offerte aperte. Cerca un lavoro per parola chiave o scegli un centro.
}
home-centres = Centri per l'Impiego
home-sections = Sezioni

## Ricerca
search-title = Cerca offerte di lavoro
search-label = Che lavoro cerchi?
search-hint = Un mestiere, un luogo o un codice di riferimento come LE-0427. Puoi scrivere in italiano, inglese, francese o tedesco.
search-button = Cerca
search-all-offers = Vedi tutte le offerte aperte
filters-title = Filtri
filter-any = Qualsiasi
filter-centre = Centro
filter-section = Sezione
filter-group = Gruppo professionale
filter-contract = Contratto
filter-working-time = Orario
filter-language = Lingua richiesta
filter-since = Pubblicate dal
sort-label = Ordina per
sort-relevance = Più pertinenti
sort-date = Più recenti
results-count = { $count ->
    [one] 1 offerta trovata
   *[other] { $count } offerte trovate
}
results-none = Nessuna offerta aperta corrisponde. Prova con meno parole o meno filtri.
query-truncated = La ricerca era troppo lunga: sono stati usati solo i primi { $max } caratteri.
pagination = Pagine dei risultati
page-previous = Pagina precedente
page-next = Pagina successiva
page-number = Pagina { $number }

## Bacheca
board-intro = Le offerte di lavoro aperte di questo centro, per sezione. Ogni offerta ha un codice di riferimento: indicalo quando ti candidi.
board-sections = Sezioni di questa bacheca
board-see-all = Vedi tutte le { $count } offerte di questa sezione
board-section-empty = Al momento non ci sono offerte aperte in questa sezione.
contacts-title = Contatti e orari
contacts-phone = Telefono
contacts-email = E-mail
hours-title = Orari di apertura
hours-day = Giorno
hours-time = Orario
hours-by-appointment = solo su appuntamento
hours-note = Chiuso nei giorni festivi.

## Offerta
reference = Riferimento
text-fallback-note = Questa offerta è in italiano.
offer-details = Dettagli
field-occupation = Professione
field-place = Luogo di lavoro
offer-place-remote = Da remoto, per chi vive in { $country } (sede: { $place })
field-employer = Datore di lavoro
field-contract = Contratto
field-working-time = Orario
field-openings = Posti
field-education = Titolo di studio
field-languages = Lingue
field-licence = Patente
field-experience = Esperienza
field-salary = Retribuzione
field-published = Pubblicata il
valid-through = Aperta fino al
offer-description = Descrizione
offer-how-to-apply = Come candidarsi
apply-quote-reference = Quando ti candidi, indica il riferimento { $reference }.
offer-short-url = Indirizzo breve di questa offerta
back-to-board = Torna alla bacheca del { $centre }
offer-gone-title = Questa offerta è chiusa
offer-gone-text = L'offerta che cerchi non è più aperta: il posto è stato coperto, l'offerta è stata ritirata oppure è scaduta.
offer-gone-similar = Offerte simili aperte
offer-gone-none = Al momento non ci sono offerte simili aperte.

## Errori
not-found-title = Pagina non trovata
not-found-text = La pagina che hai chiesto non esiste. Controlla l'indirizzo oppure ricomincia dalla pagina iniziale.
unknown-language-text = Questo sito è disponibile in italiano, inglese, francese e tedesco. Scegli la tua lingua:
bad-request-title = La richiesta non può essere usata
bad-parameter = Il valore «{ $value }» non è valido per «{ $name }». Modificalo e riprova.
internal-error-title = Qualcosa è andato storto
internal-error-text = Si è verificato un problema da parte nostra. Riprova tra qualche minuto. Se succede di nuovo, comunica al centro questo riferimento: { $reference }.
too-many-title = Troppe richieste
too-many-text = Sono arrivate troppe richieste dalla tua rete o per questo recapito, e questa non è stata eseguita. Riprova tra { $minutes ->
    [one] un minuto
   *[other] { $minutes } minuti
}.
too-large-title = Troppi dati inviati
too-large-text = Quello che hai inviato supera il limite di { $size } KB di questa pagina. Accorcia i testi e riprova.
slow-body-title = Invio troppo lento
slow-body-text = I dati del modulo non sono arrivati in tempo. Controlla la connessione e riprova.
busy-title = Servizio momentaneamente occupato
busy-text = In questo momento ci sono troppe richieste. Riprova tra qualche secondo.
busy-renders-text = In questo momento si stanno preparando troppi documenti (PDF e immagini). Riprova tra qualche secondo.
no-data-key-title = Dati personali non disponibili
no-data-key-text = Questo server non può conservare né leggere ora i dati personali protetti (esigenze legate alla salute, secondo fattore): manca la sua chiave di cifratura. Riprova più tardi o chiama il centro; i gestori del servizio sono stati avvisati.
busy-slow-text = La risposta ha richiesto troppo tempo. Riprova tra qualche minuto.

## Dichiarazione di accessibilità
accessibility-title = Dichiarazione di accessibilità
accessibility-intro = I Centri per l'Impiego vogliono che questo sito sia utilizzabile da tutti, come richiedono la legge 4/2004 e le linee guida AgID. Questa dichiarazione riguarda le pagine pubbliche di Sportello.
accessibility-status-title = Stato di conformità
accessibility-status = Il sito punta alla conformità alla norma EN 301 549 (WCAG 2.1, livello AA). Ogni pagina viene controllata automaticamente in un browser prima di ogni rilascio. I controlli automatici non trovano tutte le barriere: segnalaci quelle che incontri.
accessibility-how-title = Come è fatto il sito
accessibility-how-keyboard = Tutto si può usare con la sola tastiera; il primo link di ogni pagina porta direttamente al contenuto.
accessibility-how-nojs = Le pagine funzionano senza JavaScript e con connessioni lente.
accessibility-how-languages = Le pagine sono disponibili in italiano, inglese, francese e tedesco; se un'offerta non è ancora tradotta, i suoi dettagli sono comunque mostrati nella tua lingua.
accessibility-how-print = Le offerte sono anche stampate sulle bacheche dei centri, a caratteri grandi su richiesta.
accessibility-report-title = Segnala una barriera
accessibility-report = Se qualcosa in questo sito è difficile o impossibile da usare, scrivi all'indirizzo e-mail del tuo Centro per l'Impiego (lo trovi nella sua pagina) o telefona: indica la pagina e il problema. Rispondiamo entro 30 giorni.
accessibility-enforcement = Se la risposta non ti soddisfa, o non la ricevi entro 30 giorni, puoi fare una segnalazione ad AgID, l'Agenzia per l'Italia Digitale, che gestisce i reclami sull'accessibilità.

## Informativa privacy
privacy-title = Informativa sulla privacy
privacy-intro = Questa informativa spiega, ai sensi dell'articolo 13 del Regolamento generale sulla protezione dei dati (UE 2016/679), quali dati personali trattano le pagine pubbliche di questo sito.
privacy-controller-title = Chi è il titolare
privacy-controller = Il titolare del trattamento è l'agenzia regionale per il lavoro che gestisce i centri (Arpal Puglia per l'ambito di Lecce, l'Agenzia regionale per il lavoro dell'Emilia-Romagna per Rimini e Riccione). Puoi contattare il suo responsabile della protezione dei dati tramite il sito dell'agenzia.
privacy-data-title = Quali dati
privacy-data = Consultare le offerte non richiede registrazione e non usa cookie. I moduli usano un cookie tecnico che li protegge da invii contraffatti; le persone che accedono ricevono un cookie di sessione che scade all'uscita o dopo 30 minuti di inattività. Nessun cookie serve a tracciare qualcuno. Quando prenoti un appuntamento o un posto a un incontro di gruppo, indichi il tuo nome e i tuoi contatti e, se vuoi, esigenze come l'accesso in sedia a rotelle o un interprete (conservate in forma cifrata, lette solo da chi ti assiste). Con un account conserviamo il tuo nome, l'indirizzo e-mail o il numero di cellulare che hai confermato, la data di nascita (per verificare che tu abbia almeno 16 anni) e, se lo compili, il tuo curriculum e le scelte che fai al riguardo, ciascuno registrato con la data. Le aziende che inviano un'offerta indicano i propri contatti, che il centro usa solo per gestire la richiesta. Il server registra, per sicurezza, l'indirizzo di rete di ogni richiesta, l'ora e la pagina richiesta.
privacy-purpose-title = Perché
privacy-purpose = Queste registrazioni servono solo a mantenere il servizio funzionante e sicuro (base giuridica: i compiti pubblici dei servizi per l'impiego, art. 6, par. 1, lett. e, GDPR). Non servono a profilare nessuno e non sono comunicate ad altri, salvo alle autorità quando la legge lo richiede.
privacy-retention-title = Per quanto tempo
privacy-retention = Le registrazioni di sicurezza sono cancellate al più tardi dopo 30 giorni. Il testo dei messaggi che ti inviamo viene cancellato 90 giorni dopo l'invio. Il tuo account, il tuo curriculum e le tue scelte sono conservati finché non li elimini; gli appuntamenti e gli incontri già avvenuti restano poi solo come numeri, senza il tuo nome né i tuoi contatti.
privacy-rights-title = I tuoi diritti
privacy-rights = Con un account puoi scaricare tutti i tuoi dati ed eliminare in autonomia il tuo account, dalla pagina I miei dati. Puoi anche chiedere di vedere, correggere o cancellare i tuoi dati, oppure opporti al loro uso (articoli da 15 a 22 del GDPR), scrivendo al titolare. Puoi anche presentare reclamo al Garante per la protezione dei dati personali.

## Employers
employers-title = Per le aziende
employers-intro = Le aziende possono inviare un'offerta di lavoro a un Centro per l'Impiego senza registrarsi e calcolare quante persone devono assumere secondo la legge 68/1999 (Collocamento Mirato).
quota-title = Quante assunzioni chiede la legge 68/1999
quota-intro = Scrivi il numero di dipendenti computabili: il calcolo mostra quante persone con disabilità (art. 1) e di categorie protette (art. 18) l'azienda deve avere in organico.
quota-employees = Dipendenti computabili
quota-employees-hint = Alcune categorie non si contano (art. 4 della legge 68/1999): per esempio dirigenti e lavoratori assunti con contratto di inserimento.
quota-button = Calcola
quota-invalid = Scrivi un numero intero di dipendenti, per esempio 42.
quota-result-art1 = Con { $employees } dipendenti: { $count ->
    [one] 1 persona con disabilità (art. 1).
   *[other] { $count } persone con disabilità (art. 1).
}
quota-result-art18 = { $count ->
    [0] Nessuna persona delle categorie protette (art. 18).
    [one] 1 persona delle categorie protette (art. 18).
   *[other] { $count } persone delle categorie protette (art. 18).
}
quota-rules-title = Le regole
quota-rule-small = Meno di 15 dipendenti: nessun obbligo.
quota-rule-15 = Da 15 a 35 dipendenti: 1 persona con disabilità.
quota-rule-36 = Da 36 a 50 dipendenti: 2 persone con disabilità.
quota-rule-51 = Oltre 50 dipendenti: il 7% dei dipendenti (le frazioni oltre lo 0,5 contano come una persona).
quota-rule-art18 = Categorie protette (art. 18): 1 persona da 51 a 150 dipendenti, oltre 150 l'1%.
quota-disclaimer = Il calcolo è indicativo. Per il prospetto informativo e le convenzioni rivolgiti all'ufficio del Collocamento Mirato.
request-title = Invia un'offerta di lavoro
request-intro = Descrivi il posto di lavoro: il Centro per l'Impiego che scegli la controlla e la pubblica nelle bacheche, negli uffici e online.
request-privacy = I dati di contatto dell'azienda servono solo al Centro per l'Impiego e non compaiono mai nelle bacheche pubbliche.
request-company = L'azienda
request-company-name = Ragione sociale
request-vat = Partita IVA
request-vat-hint = 11 cifre, per esempio 00743110157.
request-contact = Persona di riferimento
request-phone = Telefono
request-show-name = Mostrare il nome dell'azienda nelle bacheche pubbliche
request-where = Centro e tipo di offerta
request-centre = Centro per l'Impiego
request-placement = Collocamento Mirato
placement-none = No, offerta aperta a tutti
placement-art1 = Sì, per persone con disabilità (art. 1, legge 68/1999)
placement-art18 = Sì, per categorie protette (art. 18, legge 68/1999)
request-how-hint = Come devono candidarsi le persone: per esempio inviando il curriculum al Centro per l'Impiego.
request-valid-through = Data di scadenza dell'offerta
request-send = Invia l'offerta
request-vat-invalid = Questa partita IVA non è valida: controlla le 11 cifre.
request-email-invalid = Scrivi un indirizzo e-mail valido, per esempio nome@azienda.it.
request-phone-invalid = Scrivi un numero di telefono, per esempio 0832 123456.
request-too-many = Sono state inviate troppe offerte da questa rete. Riprova tra { $seconds } secondi.
request-status-title = Offerta { $reference }
request-received = Ricevuta: il Centro per l'Impiego la sta esaminando.
request-published = Pubblicata nelle bacheche.
request-declined = Non pubblicata.
request-thanks = Grazie: l'offerta è arrivata con il codice { $reference }.
request-keep-link = Conserva questo indirizzo per seguire l'offerta: mostra se è stata pubblicata.
request-reason = Motivo
request-see-offer = Vedi l'offerta pubblicata
closures-title = Giorni di chiusura

## The demo's mailbox.

mailbox-title = Posta della demo
mailbox-intro = Questa demo non invia e-mail: qui trovate i messaggi che avrebbe inviato, con i loro collegamenti e allegati.
mailbox-empty = Ancora nessun messaggio. Prenotate un appuntamento con un indirizzo e-mail per vederne uno.
mailbox-to = A
mailbox-when = Creato il
mailbox-kind = Tipo
mailbox-attachment = Scarica l'allegato { $name }
mailbox-text = Testo del messaggio

## Feeds of the newest offers (Atom and JSON Feed), announced in the pages' head.

feed-network-title = Offerte di lavoro di tutti i Centri per l'Impiego
feed-centre-title = Offerte di lavoro: { $centre }
feed-section-title = Offerte di lavoro: { $section }
feed-link-atom = { $title } (Atom)
feed-link-json = { $title } (JSON Feed)
feed-entry-summary = { $place } · { $centre } · { $contract } · Aperta fino al { $date }
