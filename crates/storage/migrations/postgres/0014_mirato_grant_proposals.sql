-- A Collocamento Mirato grant (art. 9 data) takes two administrators: one
-- proposes it, another approves it; until then it is only a proposal.
CREATE TABLE mirato_grant_proposals (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    centre_id    BIGINT NOT NULL REFERENCES centres (id),
    proposed_by  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    proposed_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, centre_id)
);
