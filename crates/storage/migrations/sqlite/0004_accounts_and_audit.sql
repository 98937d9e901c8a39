-- Accounts of the back office: users with grants (role per installation,
-- area or centre), TOTP second factor with one-time recovery codes, sessions,
-- sign-in throttling, API tokens, the installation key, and the append-only
-- audit log. Everything a node needs to serve a user lives here, so that any
-- node can serve any request.

CREATE TABLE users (
    id                    INTEGER PRIMARY KEY,
    email                 TEXT NOT NULL UNIQUE CHECK (email <> '' AND email = lower(email)),
    name                  TEXT NOT NULL CHECK (name <> ''),
    lang                  TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    password_hash         TEXT NOT NULL,
    must_change_password  BOOLEAN NOT NULL DEFAULT FALSE,
    active                BOOLEAN NOT NULL DEFAULT TRUE,
    totp_secret           TEXT,
    -- The last TOTP time step used: a code is never accepted twice.
    totp_last_step        BIGINT,
    created_at            TIMESTAMP NOT NULL,
    updated_at            TIMESTAMP NOT NULL
);

CREATE TABLE grants (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'operator', 'mirato')),
    centre_id  INTEGER REFERENCES centres (id),
    area_slug  TEXT,
    CHECK (
        (role = 'admin' AND centre_id IS NULL AND area_slug IS NULL)
        OR (role = 'coordinator' AND centre_id IS NULL AND area_slug IS NOT NULL)
        OR (role IN ('operator', 'mirato') AND centre_id IS NOT NULL AND area_slug IS NULL)
    )
);
CREATE UNIQUE INDEX grants_unique ON grants (user_id, role, COALESCE(centre_id, 0), COALESCE(area_slug, ''));

CREATE TABLE recovery_codes (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    used_at    TIMESTAMP,
    PRIMARY KEY (user_id, code_hash)
);

-- The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
    id_hash       TEXT PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    stage         TEXT NOT NULL CHECK (stage IN ('second_factor', 'full')),
    created_at    TIMESTAMP NOT NULL,
    last_seen_at  TIMESTAMP NOT NULL,
    address       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed sign-ins per account (`account:EMAIL`) and per address (`address:IP`).
CREATE TABLE sign_in_throttle (
    key              TEXT PRIMARY KEY,
    failures         INTEGER NOT NULL CHECK (failures > 0),
    last_failure_at  TIMESTAMP NOT NULL,
    blocked_until    TIMESTAMP NOT NULL
);

CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (name <> ''),
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    TIMESTAMP NOT NULL,
    last_used_at  TIMESTAMP,
    revoked_at    TIMESTAMP
);

-- The installation's random key, made once when no secret is configured.
CREATE TABLE installation_keys (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TIMESTAMP NOT NULL,
    actor_id     INTEGER REFERENCES users (id),
    -- The actor's e-mail, `system` or `anonymous`, as it was at the time.
    actor        TEXT NOT NULL,
    address      TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL,
    object_kind  TEXT NOT NULL DEFAULT '',
    object_id    TEXT NOT NULL DEFAULT '',
    centre_id    INTEGER,
    -- JSON: what changed, or why something was refused.
    details      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_object ON audit_log (object_kind, object_id, id);
CREATE INDEX audit_log_at ON audit_log (at);

-- Append-only: the database itself refuses to change or remove a row.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
