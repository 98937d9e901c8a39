-- Citizen accounts: people who sign up with a confirmed e-mail address or
-- mobile number, their sessions, their second factor, and the one-time
-- challenges (a link by e-mail, a code by text) that confirm a contact, sign
-- someone in or let them set a new password. Separate from the back
-- office's `users`: a person is never an operator, and the audit log names
-- people by their id only.

CREATE TABLE people (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            TEXT NOT NULL CHECK (name <> ''),
    -- Confirmed contacts only: a contact is stored once its link or code
    -- was used.
    email           TEXT UNIQUE CHECK (email IS NULL OR (email <> '' AND email = lower(email))),
    phone           TEXT UNIQUE CHECK (phone IS NULL OR phone LIKE '+%'),
    birth_date      DATE NOT NULL,
    lang            TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    -- Argon2id; none: the person signs in with one-time links or codes.
    password_hash   TEXT,
    -- Sealed with the data keys.
    totp_secret     TEXT,
    totp_last_step  BIGINT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    last_active_at  TIMESTAMPTZ NOT NULL,
    CHECK (email IS NOT NULL OR phone IS NOT NULL)
);

CREATE TABLE person_recovery_codes (
    person_id  BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    used_at    TIMESTAMPTZ,
    PRIMARY KEY (person_id, code_hash)
);

-- The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE person_sessions (
    id_hash       TEXT PRIMARY KEY,
    person_id     BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    stage         TEXT NOT NULL CHECK (stage IN ('second_factor', 'full')),
    created_at    TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    address       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX person_sessions_person ON person_sessions (person_id);

CREATE TABLE person_challenges (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    purpose     TEXT NOT NULL
                CHECK (purpose IN ('sign_up', 'sign_in', 'reset', 'change_email', 'change_phone')),
    -- SHA-256 of the random token in the link, or in the address of the
    -- page where the code is typed.
    token_hash  TEXT NOT NULL UNIQUE,
    -- Keyed hash of the code sent by text, when one was.
    code_hash   TEXT,
    -- The account it is about (none for a new sign-up, or for a contact
    -- that has no account: such a challenge can never succeed).
    person_id   BIGINT REFERENCES people (id) ON DELETE CASCADE,
    -- Where the link or code went (an e-mail address or a number).
    contact     TEXT NOT NULL CHECK (contact <> ''),
    -- A sign-up's account to make (JSON: name, birth date, language,
    -- password hash); deleted with the challenge.
    details     TEXT NOT NULL DEFAULT '{}',
    -- Whether the link or code can lead anywhere (false for the answers
    -- given to a contact that is already, or not, known).
    live        BOOLEAN NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX person_challenges_expiry ON person_challenges (expires_at);
CREATE INDEX person_challenges_person ON person_challenges (person_id);
