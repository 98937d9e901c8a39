-- Offers of work from home (telework): candidates must live in the offer's
-- country; the town is where the employer is based.
ALTER TABLE offers ADD COLUMN remote BOOLEAN NOT NULL DEFAULT FALSE CHECK (remote IN (0, 1));
