-- disclosure 0003: the word index moves from one row per posting (disclosure_terms) to compressed posting lists kept by
-- the database (ADR 0017): a contentless FTS5 table, keyed by the order of publication, and a narrow index of
-- publications that the search joins its matches to, and each decision day's range of keys (a date filter becomes a key range). The published decisions are marked unindexed; the publication
-- job indexes them again on its next run (sqlite).
DROP TABLE "disclosure_terms";

CREATE VIRTUAL TABLE "disclosure_fts" USING fts5("Terms", content='', contentless_delete=1, detail=none, tokenize='unicode61');

CREATE TABLE "disclosure_days" (
    "DecidedOn" TEXT NOT NULL CONSTRAINT "PK_disclosure_days" PRIMARY KEY,
    "MinSeq" INTEGER NOT NULL,
    "MaxSeq" INTEGER NOT NULL
);

CREATE INDEX "IX_disclosure_publications_search" ON "disclosure_publications" ("Seq", "Status", "DisplayUntil", "AgencyId", "Category", "DecidedOn", "RegionCode");

UPDATE "disclosure_publications" SET "Indexed" = 0 WHERE "Indexed" = 1;
