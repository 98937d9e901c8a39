-- Centres, their opening hours, offers with their texts and language
-- requirements. Invariants live here as constraints.

CREATE TABLE centres (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE CHECK (slug <> ''),
    prefix      TEXT NOT NULL UNIQUE CHECK (length(prefix) BETWEEN 2 AND 3 AND prefix = upper(prefix)),
    name        TEXT NOT NULL CHECK (name <> ''),
    town        TEXT NOT NULL,
    address     TEXT NOT NULL,
    postcode    TEXT NOT NULL,
    province    TEXT NOT NULL,
    region      TEXT NOT NULL,
    phone       TEXT NOT NULL,
    email       TEXT NOT NULL,
    area_slug   TEXT NOT NULL,
    area_name   TEXT NOT NULL
);

CREATE TABLE centre_hours (
    centre_id       INTEGER NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    weekday         INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens           TEXT NOT NULL CHECK (opens GLOB '[0-2][0-9]:[0-5][0-9]'),
    closes          TEXT NOT NULL CHECK (closes GLOB '[0-2][0-9]:[0-5][0-9]'),
    by_appointment  BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (centre_id, weekday, opens),
    CHECK (opens < closes)
);

-- The last number given per reference prefix: numbers are never reused.
CREATE TABLE reference_counters (
    prefix       TEXT PRIMARY KEY,
    last_number  BIGINT NOT NULL CHECK (last_number > 0)
);

CREATE TABLE offers (
    id                 INTEGER PRIMARY KEY,
    reference          TEXT NOT NULL UNIQUE,
    centre_id          INTEGER NOT NULL REFERENCES centres (id),
    section            TEXT NOT NULL CHECK (section IN ('ordinary', 'eures', 'mirato_art1', 'mirato_art18')),
    occupation         TEXT NOT NULL CHECK (length(occupation) = 4),
    occupation_group   INTEGER NOT NULL CHECK (occupation_group BETWEEN 0 AND 9),
    employer_name      TEXT NOT NULL CHECK (employer_name <> ''),
    employer_hidden    BOOLEAN NOT NULL,
    work_town          TEXT NOT NULL CHECK (work_town <> ''),
    work_postcode      TEXT NOT NULL,
    work_region        TEXT NOT NULL,
    work_country       TEXT NOT NULL CHECK (length(work_country) = 2),
    contract           TEXT NOT NULL,
    working_time       TEXT NOT NULL,
    hours_per_week     INTEGER CHECK (hours_per_week BETWEEN 1 AND 60),
    openings           INTEGER NOT NULL CHECK (openings > 0),
    education          TEXT NOT NULL,
    licence            TEXT,
    experience_months  INTEGER NOT NULL CHECK (experience_months >= 0),
    salary_min         INTEGER CHECK (salary_min > 0),
    salary_max         INTEGER,
    valid_through      DATE NOT NULL,
    published_on       DATE,
    status             TEXT NOT NULL CHECK (status IN ('draft', 'published', 'filled', 'withdrawn', 'expired')),
    -- Normalised public text for the storage-backed search.
    search_text        TEXT NOT NULL DEFAULT '',
    title_text         TEXT NOT NULL DEFAULT '',
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL,
    CHECK ((salary_min IS NULL) = (salary_max IS NULL) AND salary_min <= salary_max),
    CHECK (status = 'draft' OR published_on IS NOT NULL)
);

CREATE INDEX offers_public ON offers (status, valid_through, published_on);
CREATE INDEX offers_centre ON offers (centre_id, status, section);

CREATE TABLE offer_texts (
    offer_id      INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    lang          TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    status        TEXT NOT NULL CHECK (status IN ('original', 'reviewed', 'draft')),
    machine       BOOLEAN NOT NULL DEFAULT FALSE,
    title         TEXT NOT NULL CHECK (title <> ''),
    description   TEXT NOT NULL,
    how_to_apply  TEXT NOT NULL,
    PRIMARY KEY (offer_id, lang),
    CHECK (NOT machine OR status <> 'original')
);

CREATE TABLE offer_languages (
    offer_id  INTEGER NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    language  TEXT NOT NULL,
    level     TEXT NOT NULL CHECK (level IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
    PRIMARY KEY (offer_id, language)
);
CREATE INDEX offer_languages_language ON offer_languages (language);
