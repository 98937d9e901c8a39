-- Vacancy requests sent by employers without an account. The vacancy is a
-- draft offer of the chosen centre; the employer's contacts live only here,
-- never on a public board. A declined request keeps its row and loses its
-- draft.

CREATE TABLE employer_requests (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference     TEXT NOT NULL UNIQUE,
    offer_id      BIGINT UNIQUE REFERENCES offers (id) ON DELETE SET NULL,
    centre_id     BIGINT NOT NULL REFERENCES centres (id),
    section       TEXT NOT NULL CHECK (section IN ('ordinary', 'eures', 'mirato_art1', 'mirato_art18')),
    title         TEXT NOT NULL,
    company       TEXT NOT NULL CHECK (company <> ''),
    vat_number    TEXT NOT NULL CHECK (length(vat_number) = 11),
    contact_name  TEXT NOT NULL CHECK (contact_name <> ''),
    email         TEXT NOT NULL CHECK (email <> ''),
    phone         TEXT NOT NULL,
    lang          TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    status        TEXT NOT NULL CHECK (status IN ('received', 'published', 'declined')),
    reason        TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX employer_requests_centre ON employer_requests (centre_id, status);
