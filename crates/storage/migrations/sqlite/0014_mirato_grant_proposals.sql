-- A Collocamento Mirato grant (art. 9 data) takes two administrators: one
-- proposes it, another approves it; until then it is only a proposal.
CREATE TABLE mirato_grant_proposals (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    centre_id    INTEGER NOT NULL REFERENCES centres (id),
    proposed_by  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    proposed_at  TIMESTAMP NOT NULL,
    UNIQUE (user_id, centre_id)
);
