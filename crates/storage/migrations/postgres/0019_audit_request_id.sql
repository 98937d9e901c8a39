-- The id of the HTTP request that caused an audit row (the one sent back in
-- `X-Request-Id` and written on the access log's line), to find a row's
-- request in the logs and the other way round. Empty for rows written
-- before, and for rows of background jobs and the command line.
ALTER TABLE audit_log ADD COLUMN request_id TEXT;
