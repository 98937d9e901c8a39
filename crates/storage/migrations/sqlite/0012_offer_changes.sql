-- The change log of offers' searchable data, which each node's search index
-- follows. Triggers write it in the same transaction as the change, whatever
-- code path makes it: inserting, updating or deleting an offer, its texts or
-- its language requirements, and renaming or moving a centre (its offers'
-- centre facets). Rows are pruned by age (`changed_at`, UTC, written as
-- `YYYY-MM-DD HH:MM:SS.SSS` so that text order is time order).
-- SQLite has one writer at a time, so `seq` order is commit order;
-- AUTOINCREMENT never hands out a number again, even after pruning.

CREATE TABLE offer_changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    offer_id    BIGINT NOT NULL,
    changed_at  TIMESTAMP NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now'))
);
CREATE INDEX offer_changes_changed_at ON offer_changes (changed_at);

-- A random identity of this database, made once: a node can tell an index
-- built from another database (or from one recreated from scratch).
INSERT INTO installation_keys (name, value, created_at)
VALUES ('database_id', lower(hex(randomblob(16))), strftime('%Y-%m-%d %H:%M:%f', 'now'))
ON CONFLICT (name) DO NOTHING;

CREATE TRIGGER offers_logged_insert AFTER INSERT ON offers BEGIN
    INSERT INTO offer_changes (offer_id) VALUES (NEW.id);
END;
CREATE TRIGGER offers_logged_update AFTER UPDATE ON offers BEGIN
    INSERT INTO offer_changes (offer_id) SELECT NEW.id UNION SELECT OLD.id;
END;
CREATE TRIGGER offers_logged_delete AFTER DELETE ON offers BEGIN
    INSERT INTO offer_changes (offer_id) VALUES (OLD.id);
END;

CREATE TRIGGER offer_texts_logged_insert AFTER INSERT ON offer_texts BEGIN
    INSERT INTO offer_changes (offer_id) VALUES (NEW.offer_id);
END;
CREATE TRIGGER offer_texts_logged_update AFTER UPDATE ON offer_texts BEGIN
    INSERT INTO offer_changes (offer_id) SELECT NEW.offer_id UNION SELECT OLD.offer_id;
END;
CREATE TRIGGER offer_texts_logged_delete AFTER DELETE ON offer_texts BEGIN
    INSERT INTO offer_changes (offer_id) VALUES (OLD.offer_id);
END;

CREATE TRIGGER offer_languages_logged_insert AFTER INSERT ON offer_languages BEGIN
    INSERT INTO offer_changes (offer_id) VALUES (NEW.offer_id);
END;
CREATE TRIGGER offer_languages_logged_update AFTER UPDATE ON offer_languages BEGIN
    INSERT INTO offer_changes (offer_id) SELECT NEW.offer_id UNION SELECT OLD.offer_id;
END;
CREATE TRIGGER offer_languages_logged_delete AFTER DELETE ON offer_languages BEGIN
    INSERT INTO offer_changes (offer_id) VALUES (OLD.offer_id);
END;

-- A centre's slug, name, town or area is shown and filtered on with its offers.
CREATE TRIGGER centres_logged_update AFTER UPDATE ON centres
WHEN NEW.slug IS NOT OLD.slug OR NEW.name IS NOT OLD.name OR NEW.town IS NOT OLD.town
    OR NEW.area_slug IS NOT OLD.area_slug OR NEW.area_name IS NOT OLD.area_name
BEGIN
    INSERT INTO offer_changes (offer_id) SELECT id FROM offers WHERE centre_id = NEW.id ORDER BY id;
END;
