-- Appointments: each centre's services, access rules and patron-saint days;
-- the slots that have been booked at least once; bookings; and the seats
-- that make overbooking impossible. A seat belongs to a slot and copies the
-- slot's capacity through a composite foreign key, so `seat_no <= capacity`
-- is checked against the slot's real capacity and (slot, seat_no) is unique:
-- no slot can hold more bookings than it has places, whatever the code does.

CREATE TABLE services (
    id                  INTEGER PRIMARY KEY,
    centre_id           INTEGER NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('did', 'taking_in_charge', 'basic_guidance',
                            'specialist_guidance', 'skills_assessment', 'self_employment', 'certificates',
                            'mirato_advice', 'eures_advice')),
    duration_minutes    INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 240),
    in_office           BOOLEAN NOT NULL,
    by_phone            BOOLEAN NOT NULL,
    by_video            BOOLEAN NOT NULL,
    capacity            INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 20),
    min_notice_minutes  INTEGER NOT NULL CHECK (min_notice_minutes >= 0),
    max_days_ahead      INTEGER NOT NULL CHECK (max_days_ahead BETWEEN 1 AND 180),
    active              BOOLEAN NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1,
    UNIQUE (centre_id, kind),
    CHECK (in_office OR by_phone OR by_video)
);

CREATE TABLE service_texts (
    service_id   INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    lang         TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    name         TEXT NOT NULL CHECK (name <> ''),
    description  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (service_id, lang)
);

CREATE TABLE centre_access_rules (
    centre_id  INTEGER NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    lang       TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    body       TEXT NOT NULL CHECK (body <> ''),
    PRIMARY KEY (centre_id, lang)
);

CREATE TABLE centre_patron_days (
    centre_id  INTEGER NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    month      INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day        INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    name       TEXT NOT NULL CHECK (name <> ''),
    PRIMARY KEY (centre_id, month, day)
);

CREATE TABLE slots (
    id          INTEGER PRIMARY KEY,
    service_id  INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    starts_at   TIMESTAMP NOT NULL,
    ends_at     TIMESTAMP NOT NULL,
    capacity    INTEGER NOT NULL CHECK (capacity >= 1),
    UNIQUE (service_id, starts_at),
    UNIQUE (id, capacity),
    CHECK (starts_at < ends_at)
);

CREATE TABLE bookings (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,
    centre_id       INTEGER NOT NULL REFERENCES centres (id),
    service_id      INTEGER NOT NULL REFERENCES services (id),
    modality        TEXT NOT NULL CHECK (modality IN ('in_office', 'phone', 'video')),
    starts_at       TIMESTAMP NOT NULL,
    ends_at         TIMESTAMP NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'attended', 'no_show')),
    name            TEXT NOT NULL CHECK (name <> ''),
    email           TEXT,
    phone           TEXT,
    codice_fiscale  TEXT,
    lang            TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    interpreter     TEXT,
    wheelchair      BOOLEAN NOT NULL DEFAULT FALSE,
    sign_language   BOOLEAN NOT NULL DEFAULT FALSE,
    other_needs     TEXT NOT NULL DEFAULT '',
    video_url       TEXT,
    sequence        INTEGER NOT NULL DEFAULT 0,
    booked_by       INTEGER REFERENCES users (id),
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    CHECK (email IS NOT NULL OR phone IS NOT NULL),
    CHECK ((modality = 'video') = (video_url IS NOT NULL))
);
CREATE INDEX bookings_by_centre_day ON bookings (centre_id, starts_at);

CREATE TABLE seats (
    slot_id     INTEGER NOT NULL,
    capacity    INTEGER NOT NULL,
    seat_no     INTEGER NOT NULL,
    booking_id  INTEGER NOT NULL UNIQUE REFERENCES bookings (id) ON DELETE CASCADE,
    PRIMARY KEY (slot_id, seat_no),
    FOREIGN KEY (slot_id, capacity) REFERENCES slots (id, capacity) ON UPDATE CASCADE ON DELETE CASCADE,
    CHECK (seat_no BETWEEN 1 AND capacity)
);

-- One row per reminder sent, so that no node sends one twice.
CREATE TABLE booking_reminders (
    booking_id      INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    minutes_before  INTEGER NOT NULL CHECK (minutes_before > 0),
    sent_at         TIMESTAMP NOT NULL,
    PRIMARY KEY (booking_id, minutes_before)
);

-- `Idempotency-Key` of the booking API: the booking a key made, kept for
-- 24 hours with a hash of the request that came with it.
CREATE TABLE idempotency_keys (
    key           TEXT PRIMARY KEY,
    request_hash  TEXT NOT NULL,
    booking_id    INTEGER REFERENCES bookings (id) ON DELETE CASCADE,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
