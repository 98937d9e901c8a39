-- Part-day closures: a span of one day when a centre (service_id NULL) or
-- one of its services takes no appointments, with the reason operators
-- gave. The slots it covers leave the calendar; the bookings inside it are
-- kept and listed for operators to move. A new table only: nodes of the
-- previous release keep working on this schema (docs/operations.md), and
-- only offer slots a closure covers until they are upgraded.

CREATE TABLE part_closures (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    centre_id   BIGINT NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    service_id  BIGINT REFERENCES services (id) ON DELETE CASCADE,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    reason      TEXT NOT NULL CHECK (reason <> ''),
    created_by  BIGINT REFERENCES users (id),
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK (starts_at < ends_at)
);
CREATE INDEX part_closures_by_centre ON part_closures (centre_id, ends_at);
