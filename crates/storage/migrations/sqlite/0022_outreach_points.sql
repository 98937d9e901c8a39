-- Outreach points (the hostel desk, the job camper): places of a centre with
-- their own schedule, weekly hours or dated stops, and the services booked
-- there; the patron days of the towns they visit. Slots are keyed by service
-- and place: a point's slots and seats are `point_slots` and `point_seats`,
-- guarded as the office's `slots` and `seats` are (a seat copies its slot's
-- capacity through a composite foreign key, so `seat_no <= capacity` holds
-- and (slot, seat_no) is unique), so one service has its own places at the
-- office and at each point. New tables only, and a nullable column: nodes of
-- the previous release keep working on this schema (docs/operations.md).

CREATE TABLE outreach_points (
    id          INTEGER PRIMARY KEY,
    centre_id   INTEGER NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    slug        TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
    kind        TEXT NOT NULL CHECK (kind IN ('desk', 'tour')),
    town        TEXT NOT NULL CHECK (town <> ''),
    address     TEXT NOT NULL DEFAULT '',
    CHECK (kind = 'tour' OR address <> '')
);
CREATE INDEX outreach_points_by_centre ON outreach_points (centre_id);

CREATE TABLE outreach_point_texts (
    point_id     INTEGER NOT NULL REFERENCES outreach_points (id) ON DELETE CASCADE,
    lang         TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    name         TEXT NOT NULL CHECK (name <> ''),
    description  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (point_id, lang)
);

CREATE TABLE outreach_hours (
    point_id  INTEGER NOT NULL REFERENCES outreach_points (id) ON DELETE CASCADE,
    weekday   INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens     TEXT NOT NULL CHECK (opens GLOB '[0-2][0-9]:[0-5][0-9]'),
    closes    TEXT NOT NULL CHECK (closes GLOB '[0-2][0-9]:[0-5][0-9]'),
    PRIMARY KEY (point_id, weekday, opens),
    CHECK (opens < closes)
);

CREATE TABLE outreach_services (
    point_id    INTEGER NOT NULL REFERENCES outreach_points (id) ON DELETE CASCADE,
    service_id  INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    PRIMARY KEY (point_id, service_id)
);

CREATE TABLE outreach_stops (
    id          INTEGER PRIMARY KEY,
    point_id    INTEGER NOT NULL REFERENCES outreach_points (id) ON DELETE CASCADE,
    day         DATE NOT NULL,
    opens       TEXT NOT NULL CHECK (opens GLOB '[0-2][0-9]:[0-5][0-9]'),
    closes      TEXT NOT NULL CHECK (closes GLOB '[0-2][0-9]:[0-5][0-9]'),
    town        TEXT NOT NULL CHECK (town <> ''),
    place       TEXT NOT NULL CHECK (place <> ''),
    address     TEXT NOT NULL DEFAULT '',
    cancelled   BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP NOT NULL,
    CHECK (opens < closes)
);
CREATE INDEX outreach_stops_by_day ON outreach_stops (day, opens);
CREATE INDEX outreach_stops_by_point ON outreach_stops (point_id, day);

CREATE TABLE town_patron_days (
    town   TEXT NOT NULL CHECK (town <> ''),
    month  INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day    INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    name   TEXT NOT NULL CHECK (name <> ''),
    PRIMARY KEY (town, month, day)
);

CREATE TABLE point_slots (
    id          INTEGER PRIMARY KEY,
    service_id  INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    point_id    INTEGER NOT NULL REFERENCES outreach_points (id) ON DELETE CASCADE,
    starts_at   TIMESTAMP NOT NULL,
    ends_at     TIMESTAMP NOT NULL,
    capacity    INTEGER NOT NULL CHECK (capacity >= 1),
    UNIQUE (service_id, point_id, starts_at),
    UNIQUE (id, capacity),
    CHECK (starts_at < ends_at)
);

CREATE TABLE point_seats (
    slot_id     INTEGER NOT NULL,
    capacity    INTEGER NOT NULL,
    seat_no     INTEGER NOT NULL,
    booking_id  INTEGER NOT NULL UNIQUE REFERENCES bookings (id) ON DELETE CASCADE,
    PRIMARY KEY (slot_id, seat_no),
    FOREIGN KEY (slot_id, capacity) REFERENCES point_slots (id, capacity) ON UPDATE CASCADE ON DELETE CASCADE,
    CHECK (seat_no BETWEEN 1 AND capacity)
);

-- Where a booking is held: a point, or (none) the centre's office.
ALTER TABLE bookings ADD COLUMN point_id INTEGER REFERENCES outreach_points (id);
