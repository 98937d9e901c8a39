-- The limiter: one counter per key (a keyed hash, never an address or a
-- contact) and fixed window; a window is read until `forget_after`, then
-- purged. Replaces the sign-in throttle, whose counts it now keeps.
DROP TABLE sign_in_throttle;

CREATE TABLE limiter_counts (
    bucket        TEXT NOT NULL,
    window_start  BIGINT NOT NULL,
    hits          INTEGER NOT NULL CHECK (hits > 0),
    forget_after  BIGINT NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX limiter_counts_forget ON limiter_counts (forget_after);
