-- The change log of offers' searchable data, which each node's search index
-- follows. Triggers write it in the same transaction as the change, whatever
-- code path makes it: inserting, updating or deleting an offer, its texts or
-- its language requirements, and renaming or moving a centre (its offers'
-- centre facets). Rows are pruned by age (`changed_at`).
--
-- Followers read rows in `seq` order and remember the last one they applied,
-- so `seq` order must be commit order: a transaction that takes a lower
-- number but commits later would otherwise be skipped. The triggers take one
-- transaction-scoped advisory lock before numbering, held until commit: the
-- transactions that change offers commit one after another (they are few and
-- short; bulk loads hold it for one batch).

CREATE TABLE offer_changes (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    offer_id    BIGINT NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX offer_changes_changed_at ON offer_changes (changed_at);

-- A random identity of this database, made once: a node can tell an index
-- built from another database (or from one recreated from scratch).
INSERT INTO installation_keys (name, value, created_at)
VALUES ('database_id', md5(random()::text || clock_timestamp()::text || pg_backend_pid()::text), now())
ON CONFLICT (name) DO NOTHING;

-- Statement-level triggers with transition tables: one INSERT … SELECT per
-- statement, however many rows it touched (bulk loads stay fast).
CREATE FUNCTION log_offer_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7305916122);
    IF TG_OP = 'INSERT' THEN
        INSERT INTO offer_changes (offer_id) SELECT id FROM new_rows ORDER BY id;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO offer_changes (offer_id)
        SELECT id FROM new_rows UNION SELECT id FROM old_rows ORDER BY 1;
    ELSE
        INSERT INTO offer_changes (offer_id) SELECT id FROM old_rows ORDER BY id;
    END IF;
    RETURN NULL;
END
$$;

-- For texts and language requirements: an offer whose row this transaction
-- already wrote (its `xmin` is this transaction) has its change row already.
CREATE FUNCTION log_offer_child_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7305916122);
    IF TG_OP = 'INSERT' THEN
        INSERT INTO offer_changes (offer_id)
        SELECT DISTINCT c.offer_id FROM new_rows c
        WHERE NOT EXISTS (
            SELECT 1 FROM offers o WHERE o.id = c.offer_id AND o.xmin = pg_current_xact_id()::xid
        )
        ORDER BY 1;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO offer_changes (offer_id)
        SELECT offer_id FROM new_rows UNION SELECT offer_id FROM old_rows ORDER BY 1;
    ELSE
        INSERT INTO offer_changes (offer_id)
        SELECT DISTINCT c.offer_id FROM old_rows c
        WHERE NOT EXISTS (
            SELECT 1 FROM offers o WHERE o.id = c.offer_id AND o.xmin = pg_current_xact_id()::xid
        )
        ORDER BY 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER offers_logged_insert AFTER INSERT ON offers
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_offer_changes();
CREATE TRIGGER offers_logged_update AFTER UPDATE ON offers
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_offer_changes();
CREATE TRIGGER offers_logged_delete AFTER DELETE ON offers
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_offer_changes();

CREATE TRIGGER offer_texts_logged_insert AFTER INSERT ON offer_texts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_offer_child_changes();
CREATE TRIGGER offer_texts_logged_update AFTER UPDATE ON offer_texts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_offer_child_changes();
CREATE TRIGGER offer_texts_logged_delete AFTER DELETE ON offer_texts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_offer_child_changes();

CREATE TRIGGER offer_languages_logged_insert AFTER INSERT ON offer_languages
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_offer_child_changes();
CREATE TRIGGER offer_languages_logged_update AFTER UPDATE ON offer_languages
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_offer_child_changes();
CREATE TRIGGER offer_languages_logged_delete AFTER DELETE ON offer_languages
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION log_offer_child_changes();

-- A centre's slug, name, town or area is shown and filtered on with its offers.
CREATE FUNCTION log_centre_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7305916122);
    INSERT INTO offer_changes (offer_id)
    SELECT o.id FROM offers o
    JOIN new_rows n ON n.id = o.centre_id
    JOIN old_rows p ON p.id = n.id
    WHERE (n.slug, n.name, n.town, n.area_slug, n.area_name) IS DISTINCT FROM (p.slug, p.name, p.town, p.area_slug, p.area_name)
    ORDER BY o.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER centres_logged_update AFTER UPDATE ON centres
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION log_centre_changes();
