-- Health-related needs given with a booking (GDPR art. 9) are kept sealed:
-- XChaCha20-Poly1305 with a key from the key file, never the database's.
-- The plaintext columns stay for rows written before; `serve` seals those
-- when it starts (moving them here and clearing the old columns).
ALTER TABLE bookings ADD COLUMN needs_sealed TEXT;
