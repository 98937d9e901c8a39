-- A person booking without an account holds at most one future booking of a
-- service: each new one looks up the service's bookings still to come.
CREATE INDEX bookings_by_service_day ON bookings (service_id, starts_at);
