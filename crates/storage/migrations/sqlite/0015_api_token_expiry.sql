-- API tokens expire: a token lives the days chosen when it is made (1 to
-- 365, 90 by default, `domain::TokenLifetime`); a token made before this
-- migration gets 90 days from now. SQLite cannot add a NOT NULL column
-- without a constant default, so the table is made again with the column
-- and the rows are copied (nothing refers to it). The time is written as
-- the application writes times (RFC 3339, UTC).

CREATE TABLE api_tokens_new (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (name <> ''),
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    TIMESTAMP NOT NULL,
    last_used_at  TIMESTAMP,
    revoked_at    TIMESTAMP,
    expires_at    TIMESTAMP NOT NULL
);

INSERT INTO api_tokens_new (id, user_id, name, token_hash, created_at, last_used_at, revoked_at, expires_at)
SELECT id, user_id, name, token_hash, created_at, last_used_at, revoked_at,
       strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '+90 days')
FROM api_tokens;

DROP TABLE api_tokens;
ALTER TABLE api_tokens_new RENAME TO api_tokens;
