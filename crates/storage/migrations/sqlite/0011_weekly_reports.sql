-- Published weekly reports: one per area and ISO week, numbered per area in
-- the order they were first published ("14th weekly report"). Generating the
-- same week again keeps its number and refreshes its figures (JSON of
-- `WeeklyFigures`).

CREATE TABLE weekly_reports (
    id          INTEGER PRIMARY KEY,
    area_slug   TEXT NOT NULL CHECK (area_slug <> ''),
    week        TEXT NOT NULL CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),
    number      INTEGER NOT NULL CHECK (number > 0),
    figures     TEXT NOT NULL CHECK (json_valid(figures)),
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    CONSTRAINT weekly_reports_area_week UNIQUE (area_slug, week),
    CONSTRAINT weekly_reports_area_number UNIQUE (area_slug, number),
    CHECK (updated_at >= created_at)
);
CREATE INDEX weekly_reports_recent ON weekly_reports (week DESC, area_slug);
