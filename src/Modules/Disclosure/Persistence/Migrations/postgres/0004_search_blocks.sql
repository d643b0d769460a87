-- disclosure 0004: PostgreSQL's word index answers newest first without fetching every match (ADR 0017). The GIN index
-- is on an expression: each of a decision's terms, and its agency, category and region, keyed by the block of 1024
-- publication keys it is in ("976#罚款") and by the coarse block of 32768 ("30~罚款"); a search walks the blocks from
-- the newest and stops when it has enough. The table keeps the terms as text (the keys are stored only in the index);
-- GIN writes its entries at once (no pending list for every search to read). The published decisions are marked
-- unindexed; the publication job indexes them again, batch after batch (postgres).
DROP TABLE disclosure_search;

CREATE TABLE disclosure_search (
    "Seq" bigint NOT NULL,
    "Keys" text NOT NULL,
    CONSTRAINT "PK_disclosure_search" PRIMARY KEY ("Seq")
);

CREATE FUNCTION disclosure_search_keys(seq bigint, keys text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN array_to_tsvector(ARRAY(
        SELECT b.prefix || k.key
        FROM unnest(string_to_array(keys, ' ')) AS k(key),
             unnest(ARRAY[(seq / 1024)::text || '#', (seq / 32768)::text || '~']) AS b(prefix)));

CREATE INDEX "IX_disclosure_search_Keys" ON disclosure_search USING gin (disclosure_search_keys("Seq", "Keys")) WITH (fastupdate = off);

UPDATE disclosure_publications SET "Indexed" = false WHERE "Indexed";
