-- disclosure 0003: the word index moves from one row per posting (disclosure_terms) to compressed posting lists kept by
-- the database (ADR 0017): each published decision's terms as a tsvector under a GIN index, keyed by the order of publication, and a narrow index of
-- publications that the search joins its matches to, and each decision day's range of keys (a date filter becomes a key range). The published decisions are marked unindexed; the publication
-- job indexes them again on its next run (postgres).
DROP TABLE disclosure_terms;

CREATE TABLE disclosure_search (
    "Seq" bigint NOT NULL,
    "Terms" tsvector NOT NULL,
    CONSTRAINT "PK_disclosure_search" PRIMARY KEY ("Seq")
);

ALTER TABLE disclosure_search ALTER COLUMN "Terms" SET STATISTICS 1000;

CREATE INDEX "IX_disclosure_search_Terms" ON disclosure_search USING gin ("Terms");

CREATE TABLE disclosure_days (
    "DecidedOn" date NOT NULL,
    "MinSeq" bigint NOT NULL,
    "MaxSeq" bigint NOT NULL,
    CONSTRAINT "PK_disclosure_days" PRIMARY KEY ("DecidedOn")
);

CREATE INDEX "IX_disclosure_publications_search" ON disclosure_publications ("Seq", "Status", "DisplayUntil", "AgencyId", "Category", "DecidedOn", "RegionCode");

UPDATE disclosure_publications SET "Indexed" = false WHERE "Indexed";
