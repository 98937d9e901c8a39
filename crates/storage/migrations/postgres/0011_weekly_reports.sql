-- Published weekly reports: one per area and ISO week, numbered per area in
-- the order they were first published ("14th weekly report"). Generating the
-- same week again keeps its number and refreshes its figures (JSON of
-- `WeeklyFigures`).

CREATE TABLE weekly_reports (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_slug   TEXT NOT NULL CHECK (area_slug <> ''),
    week        TEXT NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-5][0-9]$'),
    number      INTEGER NOT NULL CHECK (number > 0),
    figures     TEXT NOT NULL CHECK (figures::jsonb IS NOT NULL),
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT weekly_reports_area_week UNIQUE (area_slug, week),
    CONSTRAINT weekly_reports_area_number UNIQUE (area_slug, number),
    CHECK (updated_at >= created_at)
);
CREATE INDEX weekly_reports_recent ON weekly_reports (week DESC, area_slug);
