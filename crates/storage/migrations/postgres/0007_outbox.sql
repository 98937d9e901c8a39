-- The e-mail outbox: a message is written here in the same transaction as
-- what caused it, then claimed by a worker on any node (under a lease, so a
-- crashed worker's messages come back), sent, and marked. `message_token`
-- makes the Message-ID, the same on every attempt; `dedupe_key` keeps at
-- most one message per key, ever (e.g. one newsletter issue per person).

CREATE TABLE outbox (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_token     TEXT NOT NULL UNIQUE DEFAULT replace(gen_random_uuid()::text, '-', ''),
    dedupe_key        TEXT UNIQUE,
    kind              TEXT NOT NULL CHECK (kind <> ''),
    to_address        TEXT NOT NULL CHECK (to_address <> ''),
    to_name           TEXT,
    lang              TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    subject           TEXT NOT NULL,
    text_body         TEXT NOT NULL,
    html_body         TEXT,
    -- JSON: a list of {filename, content_type, content}.
    attachments       TEXT NOT NULL DEFAULT '[]',
    list_unsubscribe  TEXT,
    status            TEXT NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'sent', 'recorded', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at   TIMESTAMPTZ NOT NULL,
    -- The lease of the worker that claimed it; another may claim it after.
    claimed_until     TIMESTAMPTZ,
    last_error        TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    sent_at           TIMESTAMPTZ,
    CHECK ((status IN ('sent', 'recorded')) = (sent_at IS NOT NULL))
);
-- The claim query: pending messages that are due, oldest first.
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_recent ON outbox (status, id);
