-- What an organiser changes in a session once it is published: moved or
-- called off (how many times, its start before the latest move, the public
-- reason), and the messages sent to everyone registered, kept so that each
-- person's registration page shows them. Nullable or defaulted columns
-- and a new table only: nodes of the previous release keep working on
-- this schema (docs/operations.md).

ALTER TABLE event_sessions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0);
ALTER TABLE event_sessions ADD COLUMN previous_starts_at TIMESTAMPTZ;
ALTER TABLE event_sessions ADD COLUMN change_reason TEXT NOT NULL DEFAULT '';

CREATE TABLE session_messages (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id  BIGINT NOT NULL REFERENCES event_sessions (id) ON DELETE CASCADE,
    subject     TEXT NOT NULL CHECK (subject <> ''),
    body        TEXT NOT NULL CHECK (body <> ''),
    sent_by     BIGINT REFERENCES users (id),
    sent_at     TIMESTAMPTZ NOT NULL,
    recipients  INTEGER NOT NULL CHECK (recipients >= 0)
);
CREATE INDEX session_messages_by_session ON session_messages (session_id, sent_at);
