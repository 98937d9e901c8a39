-- The newsletter. A subscriber row exists only once its address was
-- confirmed (double opt-in): until then what was asked travels in the
-- signed confirmation link. One row per address, ever: confirming again
-- changes its preferences, unsubscribing keeps the row (so no mail goes out)
-- and subscribing again reuses it. No centre rows means every centre.
-- `digest_from` is the digest's watermark: offers published on that day or
-- later are new for the next digest; the outbox's dedupe key
-- `digest:{subscriber}:{period}` keeps one digest per period, ever.

CREATE TABLE subscribers (
    id               INTEGER PRIMARY KEY,
    email            TEXT NOT NULL UNIQUE CHECK (email <> '' AND email = lower(email)),
    lang             TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    frequency        TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    created_at       TIMESTAMP NOT NULL,
    confirmed_at     TIMESTAMP NOT NULL,
    unsubscribed_at  TIMESTAMP,
    digest_from      DATE NOT NULL,
    CHECK (confirmed_at >= created_at),
    CHECK (unsubscribed_at IS NULL OR unsubscribed_at >= created_at)
);
CREATE INDEX subscribers_due ON subscribers (frequency, digest_from) WHERE unsubscribed_at IS NULL;

CREATE TABLE subscriber_centres (
    subscriber_id  INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    centre_id      INTEGER NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    PRIMARY KEY (subscriber_id, centre_id)
);
CREATE INDEX subscriber_centres_centre ON subscriber_centres (centre_id);

CREATE TABLE subscriber_sections (
    subscriber_id  INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    section        TEXT NOT NULL CHECK (section IN ('ordinary', 'eures', 'mirato_art1', 'mirato_art18')),
    PRIMARY KEY (subscriber_id, section)
);

-- News issues written by a centre's operators, sent once to its subscribers.
CREATE TABLE news_issues (
    id          INTEGER PRIMARY KEY,
    centre_id   INTEGER NOT NULL REFERENCES centres (id),
    author      TEXT NOT NULL CHECK (author <> ''),
    created_at  TIMESTAMP NOT NULL,
    sent_at     TIMESTAMP,
    recipients  INTEGER NOT NULL DEFAULT 0 CHECK (recipients >= 0),
    CHECK (sent_at IS NOT NULL OR recipients = 0)
);
CREATE INDEX news_issues_centre ON news_issues (centre_id, id);

CREATE TABLE news_texts (
    issue_id  INTEGER NOT NULL REFERENCES news_issues (id) ON DELETE CASCADE,
    lang      TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    subject   TEXT NOT NULL CHECK (subject <> '' AND length(subject) <= 200),
    body      TEXT NOT NULL CHECK (body <> ''),
    PRIMARY KEY (issue_id, lang)
);
