-- Text messages (SMS), kept as the e-mail outbox keeps mail: written in the
-- same transaction as what caused them, claimed by a worker on any node
-- under a lease, sent through the gateway (Kannel's sendsms) and marked.
-- `message_token` is the message's stable id: the gateway's delivery
-- reports come back with it. `number_key` is a keyed hash of the number,
-- matched against the opt-outs.

CREATE TABLE sms_outbox (
    id                INTEGER PRIMARY KEY,
    message_token     TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),
    dedupe_key        TEXT UNIQUE,
    kind              TEXT NOT NULL CHECK (kind <> ''),
    to_number         TEXT NOT NULL CHECK (to_number LIKE '+%'),
    number_key        TEXT NOT NULL CHECK (number_key <> ''),
    lang              TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    body              TEXT NOT NULL CHECK (body <> ''),
    status            TEXT NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'sent', 'recorded', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at   TIMESTAMP NOT NULL,
    claimed_until     TIMESTAMP,
    last_error        TEXT,
    created_at        TIMESTAMP NOT NULL,
    sent_at           TIMESTAMP,
    -- The last delivery report from the gateway: what it says, its details
    -- as the gateway gave them, and when it came.
    delivery          TEXT CHECK (delivery IN ('delivered', 'undelivered', 'buffered', 'submitted', 'rejected')),
    delivery_detail   TEXT,
    delivery_at       TIMESTAMP,
    CHECK ((status IN ('sent', 'recorded')) = (sent_at IS NOT NULL)),
    CHECK ((delivery IS NULL) = (delivery_at IS NULL))
);
CREATE INDEX sms_outbox_due ON sms_outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX sms_outbox_number ON sms_outbox (number_key, id);

-- Numbers that asked for no more texts (by replying STOP or through the
-- link on a booking's page), by keyed hash.
CREATE TABLE sms_opt_outs (
    number_key  TEXT PRIMARY KEY,
    created_at  TIMESTAMP NOT NULL
);

-- Whether the person asked for texts about this booking (always, when a
-- mobile number was the only contact given).
ALTER TABLE bookings ADD COLUMN sms BOOLEAN NOT NULL DEFAULT FALSE;
