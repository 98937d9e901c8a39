-- Accounts left unused are erased after a configured period, after two
-- warnings: how many were sent since the person was last active, and when
-- the last one was. Signing in starts over.
ALTER TABLE people ADD COLUMN inactivity_warnings INTEGER NOT NULL DEFAULT 0
    CHECK (inactivity_warnings BETWEEN 0 AND 2);
ALTER TABLE people ADD COLUMN warned_at TIMESTAMP;
