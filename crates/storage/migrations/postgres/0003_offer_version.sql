-- A number that grows with every change to an offer or to its texts and
-- requirements: nodes keep offers they have read and reuse them only while
-- the database still holds the same version.
ALTER TABLE offers ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
