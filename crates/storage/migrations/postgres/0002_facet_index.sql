-- Counting open offers per filter value reads only this index: no table
-- lookups for the facets of the storage-backed search.
CREATE INDEX offers_facets ON offers (
    status, valid_through, centre_id, section, occupation_group, contract, working_time, published_on
);
