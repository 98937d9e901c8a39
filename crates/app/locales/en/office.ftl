# Sportello — back-office strings. Every message here exists in it, en, fr and de.

## Errors
forbidden-title = Not allowed
forbidden-text = Your account does not allow this. The attempt has been recorded; ask an administrator if you need access.
form-expired-title = The form has expired
form-expired-text = The form has expired or was sent from another page. Reload the page and try again.
stale-title = Changed in the meantime
stale-text = Someone else changed this record after you opened it. Open it again to see the latest version, then make your change.
not-possible-title = Not possible
not-possible-text = This change is not possible in the record's current state.
form-has-errors = Please correct the fields below
field-required = Fill in this field.
field-too-long = Use at most { $max } characters.
field-unknown = Choose one of the values of the list.
field-not-a-number = Write a whole number.
field-out-of-range = Write a number from { $min } to { $max }.
field-not-a-date = Write a date as year-month-day, for example 2026-12-31.
field-date-in-past = The date cannot be in the past.
field-date-too-far = The date can be at most { $max } days from today.
field-salary-order = The maximum pay must not be lower than the minimum.
field-salary-incomplete = Give both the minimum and the maximum pay, or neither.
field-duplicate = This language is already listed.
field-not-allowed = Your account cannot create offers for this centre and section.

## Navigation
office-nav = Back office
office-home-title = Back office
office-offers-title = Offers
office-translations-title = Translations
office-users-title = Users
office-audit-title = Audit log
office-account-title = My account
office-sign-out = Sign out ({ $name })
office-welcome = Welcome, { $name }.
office-continue = Continue
office-nothing = Nothing to show.
office-no-grants = Your account has no centre yet. Ask an administrator to grant you access.
office-admin = Administration
office-expiring = Offers expiring within { $days } days
office-drafts = Drafts
office-translations-count = { $count ->
    [one] 1 offer is waiting for a translation
   *[other] { $count } offers are waiting for translations
}
office-offer-title = Offer
office-offers-search = Reference, title or employer
office-actions = Actions
office-history = History

## Signing in
sign-in-title = Sign in
sign-in-button = Sign in
sign-in-help = The back office is for the staff of the employment centres. If you cannot sign in, ask your administrator.
sign-in-wrong = Wrong e-mail address or password.
sign-in-blocked = Too many failed attempts. Try again in { $seconds } seconds.
second-factor-title = Second factor
second-factor-hint = The six digits shown by your authenticator app, or one of your recovery codes.
second-factor-button = Confirm
second-factor-wrong = This code is not valid. Codes change every 30 seconds and each one works once.
field-email = E-mail address
field-password = Password
field-code = Code
field-name = Name

## Password
password-title = Change password
password-forced = You must choose a new password before you continue.
field-password-current = Current password
field-password-new = New password
field-password-repeat = New password again
password-rules = At least { $min } characters. A sentence of several words is easy to remember and hard to guess.
password-button = Change password
password-current-wrong = The current password is wrong.
password-too-short = The password must have at least { $min } characters.
password-too-long = The password can have at most { $max } characters.
password-common = This password is among the most used ones: choose another.
password-contains-name = The password must not contain your e-mail address.
password-repeat-differs = The two new passwords are different.
password-confirm = Your password
password-confirm-hint = Asked again to confirm that it is you.
password-confirm-wrong = This is not your password.

## Second factor
second-factor-setup-title = Second factor (authenticator app)
second-factor-required = Everyone who works in the back office must use a second factor, because it shows people's data. Set it up now to continue.
second-factor-step-app = Install an authenticator app (for example FreeOTP, Aegis or Google Authenticator) on your phone.
second-factor-step-scan = Scan this code with the app, or type the key below.
second-factor-step-code = Write the six digits the app shows.
second-factor-qr = QR code of the second factor for the authenticator app
second-factor-secret = Key:
second-factor-enable = Turn on the second factor
second-factor-disable = Turn off the second factor
second-factor-kept = Your account must keep its second factor. If you lose your phone and your recovery codes, an administrator can reset it.
second-factor-on = The second factor is on. { $count ->
    [one] 1 recovery code is left.
   *[other] { $count } recovery codes are left.
}
second-factor-state-on = on
second-factor-state-off = off
recovery-codes-title = Recovery codes
recovery-codes-once = Keep these codes in a safe place: each one lets you sign in once without your phone. They are shown only now.

## API tokens
tokens-title = API tokens
tokens-intro = A token lets a program use the API with your permissions. It is shown once and works for the days you choose; changing your password or your second factor revokes all your tokens. Revoke a token when it is no longer needed.
tokens-new = Your new token (copy it now, it will not be shown again):
tokens-name = Name of the new token
tokens-create = Create token
tokens-created = Created
tokens-last-used = Last used
tokens-state = State
tokens-revoked = revoked
tokens-revoke = Revoke { $name }
tokens-days = Valid for (days)
tokens-days-hint = From { $min } to { $max } days.
tokens-days-invalid = Write a whole number of days from { $min } to { $max }.
tokens-expires = Expires
tokens-expired = expired
tokens-new-expiry = It works until { $date }.

## Offers
status-draft = Draft
status-published = Published
status-filled = Filled
status-withdrawn = Withdrawn
status-expired = Expired
text-status = { $status ->
    [original] original
    [reviewed] reviewed
    [draft] draft, not public
   *[missing] missing
}
field-reference = Reference
field-title = Title
field-centre = Centre
field-section = Section
field-status = Status
field-valid-through = Valid until
field-texts = Languages
field-published-on = Published on
field-employer-hidden = Keep the employer's name off the public boards
field-remote = Remote work (telework): candidates must live in the country given; the town is where the employer is based
field-town = Town
field-postcode = Postcode
field-region = Province or region
field-region-hint = In Italy the province code, for example LE; abroad the region or state.
field-country = Country
field-hours = Hours a week
field-salary-min = Minimum gross monthly pay (€)
field-salary-max = Maximum gross monthly pay (€)
field-salary-hint = Leave both empty when the pay is not stated.
field-language = Language { $number }
field-level = Level of language { $number }
field-user-lang = Language of the back office
offer-new-title = New offer
offer-edit-title = Edit offer
form-where = Centre and section
form-job = The job
form-employer = Employer
form-terms = Terms
form-requirements = Requirements
form-choose = Choose…
form-none = None
form-save = Save
form-title-hint = Short and clear, for example "Waiter for a restaurant in Gallipoli".
form-markdown-hint = A blank line starts a new paragraph; lines starting with "- " make a list; **bold** and *italics*.
action-edit = Edit
action-duplicate = Duplicate
action-publish = Publish
action-withdraw = Withdraw
action-fill = Mark as filled
action-extend = Extend
action-extend-until = New valid-until date
bulk-title = Action on the selected offers
bulk-action = Action
bulk-apply = Apply to the selected offers
bulk-select = Select
bulk-select-one = Select { $reference }
bulk-done = { $count ->
    [one] 1 offer changed
   *[other] { $count } offers changed
}
bulk-ok = done

## Translations
translations-intro = Published offers without a checked text in some language, oldest first. A draft becomes public only when someone reviews it.
translations-languages = Language to translate into
translations-missing = Missing
translations-translate = Translate { $reference } into { $language }
translation-editor-title = { $reference }: translation into { $language }
translation-machine = machine translation, to be checked
translation-save-draft = Save as draft
translation-save-review = Save as reviewed (public)

## Users
role-admin = Administrator
role-coordinator = Coordinator of the area
role-operator = Operator of the centre
role-mirato = Collocamento Mirato of the centre
user-active = active
user-inactive = deactivated
user-grants = Grants of { $name }
user-grants-new = Grants
user-save-grants = Save grants
user-reset-password = Reset password
user-deactivate = Deactivate
user-activate = Reactivate
user-new = New user
user-create = Create user
one-time-password-title = One-time password
one-time-password-text = Give this password to { $email } in person or by phone. It works once: a new password must be chosen at the first sign-in.

## Audit log
audit-at = When
audit-actor = Who
audit-address = Address
audit-request-id = Request ID
audit-action = Action
audit-object = Object
audit-details = Details
audit-from = From (date)
audit-until = Until (date)
audit-export = Download as CSV

## API
unauthorized-title = Authentication needed
unauthorized-text = A valid token is needed: the header Authorization: Bearer followed by the token made on your account page.
invalid-text = Some fields are not valid: the list says field by field what to correct.

## Employers' requests
office-requests-title = Requests from employers
office-requests-intro = Offers sent by companies with the public form, newest first. They are published like any draft; if one is not published, write the reason for the company.
office-requests-count = { $count ->
    [one] 1 request from a company is waiting
   *[other] { $count } requests from companies are waiting
}
office-request-from = Request from the company (private data)
office-request-language = Language of the company
office-request-received = Received on
office-request-status = { $status ->
    [published] published
    [declined] not published
   *[received] waiting
}
office-request-reason = Why it is not published (the company reads this)
office-request-decline = Do not publish

## Machine translation
translation-machine-fill = Fill with machine translation (draft)
translation-machine-batch = Machine-translate the offers without a text (drafts to check)
unavailable-title = Service unavailable
unavailable-text = The machine-translation service did not answer. Try again later or write the translation.

## Centres and sections
office-centres-title = Centres
office-sections-title = Section texts
office-sections-intro = What each section of the board is and who may apply, in every language. Leave the fields empty to use the built-in text (shown in grey).
centre-new-title = New centre
centre-edit-title = Edit centre
centre-identity = The centre
centre-slug = Name in the address
centre-slug-hint = Lower-case letters, digits and hyphens, for example nardo.
centre-prefix = Reference prefix
centre-prefix-hint = Two or three letters printed before the number of every offer, for example NA for NA-0427.
centre-area-slug = Area code
centre-area-name = Area
centre-contacts = Address and contacts
centre-address = Address
centre-province = Province
centre-region = Region
centre-hours = Opening hours
centre-hours-hint = Up to two periods a day, as hours:minutes. Leave a day empty when closed.
centre-opens = Opens (period { $number })
centre-closes = Closes (period { $number })
centre-by-appointment = By appointment only (period { $number })
centre-closures = Closures
centre-closures-hint = Public holidays, local feasts, works. For a single day the first date is enough.
centre-closure-first = Closure { $number }: from
centre-closure-last = Closure { $number }: until
centre-closure-reason = Closure { $number }: reason
section-text-title = Name of the section
section-text-who = Who may apply
section-text-save = Save the text in { $language }

## Occupation picker
picker-filter = Filter the list: type part of the name
picker-shown = Matches: #
user-reset-second-factor = Reset the second factor (lost phone)
user-mirato-needs-second-admin = A Collocamento Mirato grant must be approved by a second administrator, and there is only one here: nothing was changed. Create a second administrator first, or give the grant on the server with “sportello user add --role mirato”.
user-proposals-title = Collocamento Mirato grants waiting for approval
user-proposal = Collocamento Mirato for { $user } at { $centre }, proposed by { $proposer }
user-proposal-own = You proposed it: another administrator must approve it.
user-proposal-approve = Approve
user-proposal-reject = Reject

## Shared
label-value = { $label }: { $value }
bulk-nothing = Tick at least one offer in the list, then choose the action.

## Audit log actions
audit-sign-in = Signed in
audit-sign-in-password = Password right, second factor awaited
audit-sign-in-failed = Failed sign-in
audit-sign-in-blocked = Sign-in blocked (too many attempts)
audit-password-confirm-failed = Wrong password in a confirmation (second factor or token)
audit-booking-read = Booking read (health data or Collocamento Mirato)
audit-request-read = Collocamento Mirato request contacts read
audit-grant-propose-mirato = Collocamento Mirato grant proposed
audit-grant-approve-mirato = Collocamento Mirato grant approved
audit-grant-reject-mirato = Collocamento Mirato grant rejected
audit-sign-out = Signed out
audit-permission-denied = Permission denied
audit-user-create = User created
audit-user-update = User changed
audit-user-activate = User reactivated
audit-user-deactivate = User deactivated
audit-user-password-reset = Password reset
audit-user-password-change = Password changed
audit-user-second-factor-on = Second factor turned on
audit-user-second-factor-off = Second factor turned off
audit-grant-update = Grants changed
audit-token-create = API token created
audit-token-revoke = API token revoked
audit-token-revoke-all = API tokens revoked (password or second factor changed)
audit-offer-create = Offer created
audit-offer-update = Offer changed
audit-offer-publish = Offer published
audit-offer-filled = Offer filled
audit-offer-withdrawn = Offer withdrawn
audit-offer-expired = Offer expired
audit-offer-expire = Offer expired (automatically)
audit-offer-extend = Offer extended
audit-offer-translation = Translation saved
audit-offer-translation-review = Translation reviewed (public)
audit-offer-import = Offers imported
audit-request-receive = Company request received
audit-request-decline = Request declined
audit-centre-create = Centre created
audit-centre-update = Centre changed
audit-section-text-update = Section text changed
user-email-taken = A user with this e-mail address exists already.

## Confirmations
confirm-withdraw-title = Withdraw the offer?
confirm-withdraw-text = The offer leaves every board and search at once; its address will say it is no longer available. This cannot be undone.
confirm-fill-title = Mark the offer as filled?
confirm-fill-text = The offer leaves every board and search at once, marked as filled. This cannot be undone.
confirm-cancel = No, back to the offer
