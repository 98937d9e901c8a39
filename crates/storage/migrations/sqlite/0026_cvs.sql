-- The structured CV of a person (one per account, as JSON checked by the
-- application, with the columns that lists and matching filter on) and the
-- record of every consent given or withdrawn: what, when, and which version
-- of the privacy notice the person had been shown (GDPR art. 7).

CREATE TABLE cvs (
    person_id   INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    -- sportello_domain::people::cv::Cv as JSON.
    document    TEXT NOT NULL,
    -- The ISTAT code of the comune of domicile, from the document.
    domicile    TEXT,
    -- "My CV may be proposed to employers."
    proposable  BOOLEAN NOT NULL DEFAULT FALSE,
    -- The sections an employer may see: a JSON array of section codes.
    shared      TEXT NOT NULL DEFAULT '[]',
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX cvs_domicile ON cvs (domicile);

CREATE TABLE person_consents (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    -- `cv_proposable`, or `cv_share:SECTION`.
    consent         TEXT NOT NULL CHECK (consent <> ''),
    granted         BOOLEAN NOT NULL,
    notice_version  TEXT NOT NULL CHECK (notice_version <> ''),
    at              TIMESTAMP NOT NULL
);
CREATE INDEX person_consents_person ON person_consents (person_id, id);
