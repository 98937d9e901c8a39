-- API tokens expire: a token lives the days chosen when it is made (1 to
-- 365, 90 by default, `domain::TokenLifetime`); a token made before this
-- migration gets 90 days from now.

ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMPTZ;
UPDATE api_tokens SET expires_at = now() + INTERVAL '90 days';
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;
