-- Days a centre is closed, and the texts of the board sections that
-- administrators may rewrite (the built-in ones are used otherwise).

CREATE TABLE centre_closures (
    centre_id  INTEGER NOT NULL REFERENCES centres (id) ON DELETE CASCADE,
    first_day  DATE NOT NULL,
    last_day   DATE NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (centre_id, first_day),
    CHECK (first_day <= last_day)
);

CREATE TABLE section_texts (
    section  TEXT NOT NULL CHECK (section IN ('ordinary', 'eures', 'mirato_art1', 'mirato_art18')),
    lang     TEXT NOT NULL CHECK (lang IN ('it', 'en', 'fr', 'de')),
    title    TEXT NOT NULL CHECK (title <> ''),
    who      TEXT NOT NULL CHECK (who <> ''),
    PRIMARY KEY (section, lang)
);
