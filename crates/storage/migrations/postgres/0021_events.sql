-- Group meetings: events of a centre with their texts and sessions, the
-- registrations of people (one per session), the seats they hold and the
-- line they wait in. As with appointments, the schema keeps the counts: a
-- seat copies its session's number of seats through a composite foreign key,
-- so `seat_no <= seats` is checked against the session's real number and
-- (session, seat_no) is unique; a place in line is a ticket unique in its
-- session. Confirmed and offered registrations hold a seat, waiting ones a
-- ticket; the code moves a registration from one to the other in one
-- transaction, under a lock of the session.

CREATE TABLE events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    centre_id   BIGINT NOT NULL REFERENCES centres (id),
    audience    TEXT NOT NULL CHECK (audience IN ('everyone', 'young_people', 'foreign_residents', 'mirato')),
    partners    TEXT NOT NULL DEFAULT '',
    series      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX events_by_centre ON events (centre_id);

CREATE TABLE event_texts (
    event_id     BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    lang         TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    title        TEXT NOT NULL CHECK (title <> ''),
    description  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, lang)
);

CREATE TABLE event_sessions (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id                BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    starts_at               TIMESTAMPTZ NOT NULL,
    ends_at                 TIMESTAMPTZ NOT NULL,
    registration_closes_at  TIMESTAMPTZ NOT NULL,
    place                   TEXT,
    address                 TEXT,
    online                  BOOLEAN NOT NULL,
    -- The shared meeting room, given only to registered people.
    video_url               TEXT,
    seats                   INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 100000),
    status                  TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
    UNIQUE (id, seats),
    CHECK (starts_at < ends_at),
    CHECK (registration_closes_at <= starts_at),
    CHECK ((place IS NULL) = (address IS NULL)),
    CHECK (place IS NOT NULL OR online),
    CHECK (online = (video_url IS NOT NULL))
);
CREATE INDEX event_sessions_by_start ON event_sessions (starts_at);
CREATE INDEX event_sessions_by_event ON event_sessions (event_id, starts_at);

-- One row per person and session; `id` is the server's registration
-- sequence. One request (a series) gives its rows one reference.
CREATE TABLE registrations (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference         TEXT NOT NULL,
    session_id        BIGINT NOT NULL REFERENCES event_sessions (id),
    status            TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'offered', 'lapsed', 'cancelled',
                          'attended', 'no_show')),
    name              TEXT NOT NULL CHECK (name <> ''),
    email             TEXT,
    phone             TEXT,
    lang              TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    sms               BOOLEAN NOT NULL DEFAULT FALSE,
    -- Health-related needs (art. 9), sealed with the data keys.
    needs_sealed      TEXT,
    offer_expires_at  TIMESTAMPTZ,
    registered_by     BIGINT REFERENCES users (id),
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (reference, session_id),
    CHECK (email IS NOT NULL OR phone IS NOT NULL),
    CHECK ((status = 'offered') = (offer_expires_at IS NOT NULL))
);
CREATE INDEX registrations_by_session ON registrations (session_id, status);
CREATE INDEX registrations_offered ON registrations (offer_expires_at) WHERE status = 'offered';

CREATE TABLE event_seats (
    session_id       BIGINT NOT NULL,
    seats            INTEGER NOT NULL,
    seat_no          INTEGER NOT NULL,
    registration_id  BIGINT NOT NULL UNIQUE REFERENCES registrations (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, seat_no),
    FOREIGN KEY (session_id, seats) REFERENCES event_sessions (id, seats) ON UPDATE CASCADE ON DELETE CASCADE,
    CHECK (seat_no BETWEEN 1 AND seats)
);

-- The line: tickets from 1 in the order people joined; a person's place
-- is the number of tickets before theirs, plus one.
CREATE TABLE waiting_places (
    session_id       BIGINT NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
    ticket           INTEGER NOT NULL CHECK (ticket >= 1),
    registration_id  BIGINT NOT NULL UNIQUE REFERENCES registrations (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, ticket)
);

-- One row per reminder of a registration (sent, or skipped when it was
-- made too late for it), so that no node sends one twice.
CREATE TABLE registration_reminders (
    registration_id  BIGINT NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    minutes_before   INTEGER NOT NULL CHECK (minutes_before > 0),
    sent_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (registration_id, minutes_before)
);

-- `Idempotency-Key` of the registration API: the reference a key made,
-- kept for 24 hours with a hash of the request.
CREATE TABLE registration_keys (
    key           TEXT PRIMARY KEY,
    request_hash  TEXT NOT NULL,
    reference     TEXT,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX registration_keys_by_age ON registration_keys (created_at);
