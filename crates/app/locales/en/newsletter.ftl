# The newsletter: subscription form, confirmation, unsubscribing, e-mails; news in the back office.

newsletter-title = Job offers newsletter
newsletter-home-link = Get new offers by e-mail
newsletter-intro = Get the new offers of the centres and sections you choose by e-mail, every day or every week, and the centres' news.
newsletter-privacy = We use your address only for the newsletter. We first write to ask you to confirm; every message has a link to unsubscribe.
newsletter-email-hint = We will send you a link to confirm your subscription.
newsletter-language = Language of the messages
newsletter-centres = Employment centres
newsletter-sections = Sections
newsletter-frequency = How often
newsletter-frequency-weekly = Once a week, on Mondays
newsletter-frequency-daily = Every day
newsletter-subscribe = Subscribe
newsletter-email-invalid = Write a valid e-mail address, for example name@example.org.
newsletter-centre-required = Choose at least one centre.
newsletter-centre-unknown = One of the centres chosen does not exist: choose from the list.
newsletter-section-required = Choose at least one section.
newsletter-section-unknown = One of the sections chosen does not exist: choose from the list.
newsletter-too-many = Too many requests from this network. Try again in { $seconds } seconds.
newsletter-sent-title = Check your mailbox
newsletter-check-mailbox = We have sent { $email } a message with a link to confirm. The subscription starts only once confirmed.
newsletter-check-mailbox-hint = The link works for 48 hours. If the message does not arrive, look in your spam folder too.
newsletter-bad-link-title = This link does not work
newsletter-bad-link-again = You can start again from the subscription form.
newsletter-confirm-bad = The confirmation link has expired (it works for 48 hours) or was changed. Nothing was saved.
newsletter-confirm-stale = This confirmation link is older than your latest confirmation or unsubscription, so it no longer works. Nothing was changed.
newsletter-unsubscribe-bad = The unsubscribe link was changed or is incomplete. Nothing was changed.
newsletter-confirm-title = Confirm your subscription
newsletter-confirm-for = Subscription for { $email }:
newsletter-confirm-action = Confirm the subscription
newsletter-confirmed-title = Subscription confirmed
newsletter-confirmed-text = From now on { $email } will get the new offers chosen. Every message has a link to unsubscribe or change the choices.
newsletter-unsubscribe-title = Unsubscribe from the newsletter
newsletter-unsubscribe-for = Do you want { $email } to stop getting the newsletter?
newsletter-unsubscribe-action = Unsubscribe me
newsletter-unsubscribed-title = You will not get the newsletter any more
newsletter-unsubscribed-text = The address was removed from the newsletter. You can subscribe again whenever you like.
newsletter-all-centres = all
newsletter-choice-centres = Centres: { $value }
newsletter-choice-sections = Sections: { $value }
newsletter-choice-frequency = How often: { $value }
newsletter-confirm-subject = Confirm your subscription to the job offers newsletter
newsletter-confirm-intro = Someone, probably you, asked to get the new job offers of the employment centres at this address, with these choices:
newsletter-already-subject = You already get the job offers newsletter
newsletter-already-intro = Someone, probably you, asked to subscribe this address, which already gets the newsletter. If you want these choices instead of the current ones, confirm with the button:
newsletter-already-action = Use these choices
newsletter-confirm-expires = The link works for 48 hours. If it was not you, ignore this message: without confirmation nothing changes.
newsletter-confirm-footer = Sportello, the job offers of the public employment centres.
newsletter-digest-subject = { $count ->
    [one] A new job offer for you
   *[other] { $count } new job offers for you
}
newsletter-digest-subject-some = The newest { $shown } of { $count } new job offers for you
newsletter-digest-intro = Here are the new offers of the centres and sections you chose, published since the last message and still open.
newsletter-digest-more = This message lists the newest { $shown } of the { $count } new offers. See them all here: { $url }
newsletter-digest-item = { $reference } · { $place } · { $centre } · closes on { $date }
newsletter-digest-search = All open offers: { $url }
newsletter-news-intro = News from { $centre }:
newsletter-mail-footer = You get this message because you subscribed to the Sportello newsletter.
newsletter-unsubscribe-link = Unsubscribe from the newsletter
newsletter-preferences-link = Change your choices
office-newsletter-title = Newsletter
office-newsletter-intro = Write news for the newsletter subscribers of your centre: they read it in their language, or in Italian when you have not translated it.
office-news-past = News written so far
office-news-subject = Subject
office-news-written = Written
office-news-sent = Sent
office-news-sent-to = { $count ->
    [one] Sent to 1 person on { $date }
   *[other] Sent to { $count } people on { $date }
}
office-news-not-sent = Not sent yet
office-news-new = New issue
office-news-markdown-hint = The text may use **bold**, *italics*, lists with "- " and links [text](https://…). Italian is required, the other languages are not.
office-news-required = required
office-news-body = Text
office-news-preview = Save and preview
office-news-italian-required = Write the subject and the text in Italian.
office-news-incomplete = Write both the subject and the text, or leave both empty.
office-news-too-long = The subject has at most 200 characters on one line, the text at most 20,000.
office-news-preview-title = News: { $subject }
office-news-will-reach = { $count ->
    [one] The news will reach 1 subscriber.
   *[other] The news will reach { $count } subscribers.
}
office-news-send = Send now
office-news-preview-in = Preview in { $language }
audit-news-create = News written
audit-news-send = News sent
