# Sportello — back-office strings. Every message here exists in it, en, fr and de.

## Errors
forbidden-title = Non consentito
forbidden-text = Il tuo account non permette questa operazione. Il tentativo è stato registrato; chiedi a un amministratore se ti serve l'accesso.
form-expired-title = Il modulo è scaduto
form-expired-text = Il modulo è scaduto o è stato inviato da un'altra pagina. Ricarica la pagina e riprova.
stale-title = Modificato nel frattempo
stale-text = Qualcun altro ha modificato questo elemento dopo che l'hai aperto. Riaprilo per vedere la versione più recente, poi fai la tua modifica.
not-possible-title = Non possibile
not-possible-text = Questa modifica non è possibile nello stato attuale dell'elemento.
form-has-errors = Correggi i campi indicati qui sotto
field-required = Compila questo campo.
field-too-long = Usa al massimo { $max } caratteri.
field-unknown = Scegli uno dei valori dell'elenco.
field-not-a-number = Scrivi un numero intero.
field-out-of-range = Scrivi un numero da { $min } a { $max }.
field-not-a-date = Scrivi la data come anno-mese-giorno, per esempio 2026-12-31.
field-date-in-past = La data non può essere nel passato.
field-date-too-far = La data può essere al massimo a { $max } giorni da oggi.
field-salary-order = La retribuzione massima non può essere inferiore alla minima.
field-salary-incomplete = Indica sia la retribuzione minima sia la massima, oppure nessuna delle due.
field-duplicate = Questa lingua è già indicata.
field-not-allowed = Il tuo account non può creare offerte per questo centro e questa sezione.

## Navigation
office-nav = Area riservata
office-home-title = Area riservata
office-offers-title = Offerte
office-translations-title = Traduzioni
office-users-title = Utenti
office-audit-title = Registro delle attività
office-account-title = Il mio account
office-sign-out = Esci ({ $name })
office-welcome = Benvenuta o benvenuto, { $name }.
office-continue = Continua
office-nothing = Niente da mostrare.
office-no-grants = Il tuo account non ha ancora un centro. Chiedi a un amministratore di darti l'accesso.
office-admin = Amministrazione
office-expiring = Offerte in scadenza entro { $days } giorni
office-drafts = Bozze
office-translations-count = { $count ->
    [one] 1 offerta attende una traduzione
   *[other] { $count } offerte attendono traduzioni
}
office-offer-title = Offerta
office-offers-search = Codice, titolo o datore di lavoro
office-actions = Azioni
office-history = Cronologia

## Signing in
sign-in-title = Accedi
sign-in-button = Accedi
sign-in-help = L'area riservata è per il personale dei Centri per l'Impiego. Se non riesci ad accedere, chiedi al tuo amministratore.
sign-in-wrong = Indirizzo e-mail o password errati.
sign-in-blocked = Troppi tentativi non riusciti. Riprova tra { $seconds } secondi.
second-factor-title = Secondo fattore
second-factor-hint = Le sei cifre mostrate dalla tua app di autenticazione, oppure uno dei tuoi codici di recupero.
second-factor-button = Conferma
second-factor-wrong = Questo codice non è valido. I codici cambiano ogni 30 secondi e ognuno vale una sola volta.
field-email = Indirizzo e-mail
field-password = Password
field-code = Codice
field-name = Nome

## Password
password-title = Cambia password
password-forced = Devi scegliere una nuova password prima di continuare.
field-password-current = Password attuale
field-password-new = Nuova password
field-password-repeat = Ripeti la nuova password
password-rules = Almeno { $min } caratteri. Una frase di più parole è facile da ricordare e difficile da indovinare.
password-button = Cambia password
password-current-wrong = La password attuale è errata.
password-too-short = La password deve avere almeno { $min } caratteri.
password-too-long = La password può avere al massimo { $max } caratteri.
password-common = Questa password è tra le più usate: scegline un'altra.
password-contains-name = La password non deve contenere il tuo indirizzo e-mail.
password-repeat-differs = Le due nuove password sono diverse.
password-confirm = La tua password
password-confirm-hint = Te la chiediamo di nuovo per confermare che sei tu.
password-confirm-wrong = Questa non è la tua password.

## Second factor
second-factor-setup-title = Secondo fattore (app di autenticazione)
second-factor-required = Chi lavora nell'area riservata deve usare un secondo fattore, perché vi si vedono dati di persone. Configuralo ora per continuare.
second-factor-step-app = Installa sul telefono un'app di autenticazione (per esempio FreeOTP, Aegis o Google Authenticator).
second-factor-step-scan = Inquadra questo codice con l'app, oppure scrivi la chiave qui sotto.
second-factor-step-code = Scrivi le sei cifre che mostra l'app.
second-factor-qr = Codice QR del secondo fattore per l'app di autenticazione
second-factor-secret = Chiave:
second-factor-enable = Attiva il secondo fattore
second-factor-disable = Disattiva il secondo fattore
second-factor-kept = Il tuo account deve mantenere il secondo fattore. Se perdi il telefono e i codici di recupero, un amministratore può reimpostarlo.
second-factor-on = Il secondo fattore è attivo. { $count ->
    [one] Resta 1 codice di recupero.
   *[other] Restano { $count } codici di recupero.
}
second-factor-state-on = attivo
second-factor-state-off = non attivo
recovery-codes-title = Codici di recupero
recovery-codes-once = Conserva questi codici in un luogo sicuro: ognuno permette di accedere una volta senza il telefono. Sono mostrati solo adesso.

## API tokens
tokens-title = Token per l'API
tokens-intro = Un token permette a un programma di usare l'API con i tuoi permessi. È mostrato una sola volta e vale per i giorni che scegli; se cambi la password o il secondo fattore, tutti i tuoi token vengono revocati. Revoca un token quando non serve più.
tokens-new = Il tuo nuovo token (copialo ora, non sarà più mostrato):
tokens-name = Nome del nuovo token
tokens-create = Crea token
tokens-created = Creato
tokens-last-used = Ultimo uso
tokens-state = Stato
tokens-revoked = revocato
tokens-revoke = Revoca { $name }
tokens-days = Validità (giorni)
tokens-days-hint = Da { $min } a { $max } giorni.
tokens-days-invalid = Scrivi un numero intero di giorni da { $min } a { $max }.
tokens-expires = Scade il
tokens-expired = scaduto
tokens-new-expiry = Vale fino al { $date }.

## Offers
status-draft = Bozza
status-published = Pubblicata
status-filled = Coperta
status-withdrawn = Ritirata
status-expired = Scaduta
text-status = { $status ->
    [original] originale
    [reviewed] revisionato
    [draft] bozza, non pubblica
   *[missing] mancante
}
field-reference = Codice
field-title = Titolo
field-centre = Centro
field-section = Sezione
field-status = Stato
field-valid-through = Valida fino al
field-texts = Lingue
field-published-on = Pubblicata il
field-employer-hidden = Non mostrare il nome del datore di lavoro nelle bacheche pubbliche
field-remote = Lavoro da remoto (telelavoro): il candidato deve vivere nel paese indicato; la località è la sede del datore di lavoro
field-town = Comune
field-postcode = CAP
field-region = Provincia o regione
field-region-hint = In Italia la sigla della provincia, per esempio LE; all'estero la regione o lo stato.
field-country = Paese
field-hours = Ore settimanali
field-salary-min = Retribuzione lorda mensile minima (€)
field-salary-max = Retribuzione lorda mensile massima (€)
field-salary-hint = Lascia vuoti entrambi i campi se la retribuzione non è indicata.
field-language = Lingua { $number }
field-level = Livello della lingua { $number }
field-user-lang = Lingua dell'area riservata
offer-new-title = Nuova offerta
offer-edit-title = Modifica offerta
form-where = Centro e sezione
form-job = Il lavoro
form-employer = Datore di lavoro
form-terms = Condizioni
form-requirements = Requisiti
form-choose = Scegli…
form-none = Nessuno
form-save = Salva
form-title-hint = Breve e chiaro, per esempio "Cameriere per ristorante a Gallipoli".
form-markdown-hint = Una riga vuota inizia un nuovo paragrafo; le righe che iniziano con "- " formano un elenco; **grassetto** e *corsivo*.
action-edit = Modifica
action-duplicate = Duplica
action-publish = Pubblica
action-withdraw = Ritira
action-fill = Segna come coperta
action-extend = Proroga
action-extend-until = Nuova data di scadenza
bulk-title = Azione sulle offerte selezionate
bulk-action = Azione
bulk-apply = Applica alle offerte selezionate
bulk-select = Seleziona
bulk-select-one = Seleziona { $reference }
bulk-done = { $count ->
    [one] 1 offerta modificata
   *[other] { $count } offerte modificate
}
bulk-ok = fatto

## Translations
translations-intro = Offerte pubblicate senza un testo verificato in qualche lingua, dalla più vecchia. Una bozza diventa pubblica solo quando qualcuno la revisiona.
translations-languages = Lingua in cui tradurre
translations-missing = Mancanti
translations-translate = Traduci { $reference } in { $language }
translation-editor-title = { $reference }: traduzione in { $language }
translation-machine = traduzione automatica, da verificare
translation-save-draft = Salva come bozza
translation-save-review = Salva come revisionata (pubblica)

## Users
role-admin = Amministratore
role-coordinator = Coordinatore dell'ambito
role-operator = Operatore del centro
role-mirato = Collocamento Mirato del centro
user-active = attivo
user-inactive = disattivato
user-grants = Permessi di { $name }
user-grants-new = Permessi
user-save-grants = Salva i permessi
user-reset-password = Reimposta la password
user-deactivate = Disattiva
user-activate = Riattiva
user-new = Nuovo utente
user-create = Crea utente
one-time-password-title = Password monouso
one-time-password-text = Consegna questa password a { $email } di persona o per telefono. Vale una sola volta: al primo accesso va scelta una nuova password.

## Audit log
audit-at = Quando
audit-actor = Chi
audit-address = Indirizzo
audit-request-id = ID richiesta
audit-action = Azione
audit-object = Oggetto
audit-details = Dettagli
audit-from = Dal (data)
audit-until = Al (data)
audit-export = Scarica in CSV

## API
unauthorized-title = Accesso richiesto
unauthorized-text = Serve un token valido: intestazione Authorization: Bearer seguita dal token creato nella pagina del proprio account.
invalid-text = Alcuni campi non sono validi: l'elenco indica campo per campo che cosa correggere.

## Employers' requests
office-requests-title = Richieste delle aziende
office-requests-intro = Offerte inviate dalle aziende con il modulo pubblico, dalla più recente. Si pubblicano come ogni bozza; se non si pubblicano, scrivi il motivo per l'azienda.
office-requests-count = { $count ->
    [one] 1 richiesta di un'azienda in attesa
   *[other] { $count } richieste di aziende in attesa
}
office-request-from = Richiesta dell'azienda (dati riservati)
office-request-language = Lingua dell'azienda
office-request-received = Ricevuta il
office-request-status = { $status ->
    [published] pubblicata
    [declined] non pubblicata
   *[received] in attesa
}
office-request-reason = Motivo per cui non si pubblica (lo legge l'azienda)
office-request-decline = Non pubblicare

## Machine translation
translation-machine-fill = Riempi con la traduzione automatica (bozza)
translation-machine-batch = Traduzione automatica delle offerte senza testo (bozze da verificare)
unavailable-title = Servizio non disponibile
unavailable-text = Il servizio di traduzione automatica non ha risposto. Riprova più tardi o scrivi la traduzione.

## Centres and sections
office-centres-title = Centri
office-sections-title = Testi delle sezioni
office-sections-intro = Che cosa è ogni sezione della bacheca e chi può candidarsi, in ogni lingua. Lascia vuoti i campi per usare il testo predefinito (mostrato in grigio).
centre-new-title = Nuovo centro
centre-edit-title = Modifica centro
centre-identity = Il centro
centre-slug = Nome nell'indirizzo
centre-slug-hint = Lettere minuscole, cifre e trattini, per esempio nardo.
centre-prefix = Prefisso dei codici
centre-prefix-hint = Due o tre lettere stampate prima del numero di ogni offerta, per esempio NA per NA-0427.
centre-area-slug = Codice dell'ambito
centre-area-name = Ambito
centre-contacts = Indirizzo e contatti
centre-address = Indirizzo
centre-province = Provincia
centre-region = Regione
centre-hours = Orari di apertura
centre-hours-hint = Fino a due fasce per giorno, nel formato ore:minuti. Lascia vuoto un giorno di chiusura.
centre-opens = Apre (fascia { $number })
centre-closes = Chiude (fascia { $number })
centre-by-appointment = Solo su appuntamento (fascia { $number })
centre-closures = Chiusure
centre-closures-hint = Festività, feste patronali, lavori. Per un solo giorno basta la prima data.
centre-closure-first = Chiusura { $number }: dal
centre-closure-last = Chiusura { $number }: al
centre-closure-reason = Chiusura { $number }: motivo
section-text-title = Nome della sezione
section-text-who = Chi può candidarsi
section-text-save = Salva il testo in { $language }

## Occupation picker
picker-filter = Filtra l'elenco: scrivi parte del nome
picker-shown = Voci trovate: #
user-reset-second-factor = Azzera il secondo fattore (telefono perso)
user-mirato-needs-second-admin = Un permesso del Collocamento Mirato deve essere approvato da un secondo amministratore, e qui ce n'è uno solo: non è stato cambiato nulla. Crea prima un secondo amministratore, oppure dai il permesso sul server con «sportello user add --role mirato».
user-proposals-title = Permessi del Collocamento Mirato in attesa di approvazione
user-proposal = Collocamento Mirato per { $user } presso { $centre }, proposto da { $proposer }
user-proposal-own = L'hai proposto tu: deve approvarlo un altro amministratore.
user-proposal-approve = Approva
user-proposal-reject = Rifiuta

## Shared
label-value = { $label }: { $value }
bulk-nothing = Seleziona almeno un'offerta nell'elenco, poi scegli l'azione.

## Audit log actions
audit-sign-in = Accesso
audit-sign-in-password = Password corretta, in attesa del secondo fattore
audit-sign-in-failed = Accesso non riuscito
audit-sign-in-blocked = Accesso bloccato (troppi tentativi)
audit-password-confirm-failed = Password errata in una conferma (secondo fattore o token)
audit-booking-read = Prenotazione letta (dati sanitari o Collocamento Mirato)
audit-request-read = Contatti di una richiesta del Collocamento Mirato letti
audit-grant-propose-mirato = Permesso del Collocamento Mirato proposto
audit-grant-approve-mirato = Permesso del Collocamento Mirato approvato
audit-grant-reject-mirato = Permesso del Collocamento Mirato rifiutato
audit-sign-out = Uscita
audit-permission-denied = Accesso negato
audit-user-create = Utente creato
audit-user-update = Utente modificato
audit-user-activate = Utente riattivato
audit-user-deactivate = Utente disattivato
audit-user-password-reset = Password reimpostata
audit-user-password-change = Password cambiata
audit-user-second-factor-on = Secondo fattore attivato
audit-user-second-factor-off = Secondo fattore disattivato
audit-grant-update = Permessi modificati
audit-token-create = Token API creato
audit-token-revoke = Token API revocato
audit-token-revoke-all = Token API revocati (password o secondo fattore cambiati)
audit-offer-create = Offerta creata
audit-offer-update = Offerta modificata
audit-offer-publish = Offerta pubblicata
audit-offer-filled = Offerta coperta
audit-offer-withdrawn = Offerta ritirata
audit-offer-expired = Offerta scaduta
audit-offer-expire = Offerta scaduta (automaticamente)
audit-offer-extend = Offerta prorogata
audit-offer-translation = Traduzione salvata
audit-offer-translation-review = Traduzione revisionata (pubblica)
audit-offer-import = Offerte importate
audit-request-receive = Richiesta di un'azienda ricevuta
audit-request-decline = Richiesta non pubblicata
audit-centre-create = Centro creato
audit-centre-update = Centro modificato
audit-section-text-update = Testo della sezione modificato
user-email-taken = Esiste già un utente con questo indirizzo e-mail.

## Confirmations
confirm-withdraw-title = Ritirare l'offerta?
confirm-withdraw-text = L'offerta sparirà subito da tutte le bacheche e dalle ricerche; il suo indirizzo dirà che non è più disponibile. Non si può annullare.
confirm-fill-title = Segnare l'offerta come coperta?
confirm-fill-text = L'offerta sparirà subito da tutte le bacheche e dalle ricerche, con l'indicazione che il posto è stato coperto. Non si può annullare.
confirm-cancel = No, torna all'offerta
