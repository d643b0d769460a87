-- cases 0007: bank transaction IDs are unique per agency, not across the county (issue 15): another agency's bank may
-- use the same ID, which was silently skipped. The primary key becomes (AgencyId, TransactionId); SQLite rebuilds the table.
CREATE TABLE "cases_bank_transactions_new" (
    "TransactionId" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "Reference" TEXT NOT NULL,
    "AmountFen" INTEGER NOT NULL,
    "PaidOn" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "ImportedAt" INTEGER NOT NULL,
    "ImportedBy" TEXT NOT NULL,
    CONSTRAINT "PK_cases_bank_transactions" PRIMARY KEY ("AgencyId", "TransactionId")
);

INSERT INTO "cases_bank_transactions_new" ("TransactionId", "AgencyId", "Reference", "AmountFen", "PaidOn", "CaseId", "ImportedAt", "ImportedBy")
SELECT "TransactionId", "AgencyId", "Reference", "AmountFen", "PaidOn", "CaseId", "ImportedAt", "ImportedBy" FROM "cases_bank_transactions";

DROP TABLE "cases_bank_transactions";

ALTER TABLE "cases_bank_transactions_new" RENAME TO "cases_bank_transactions";

CREATE INDEX "IX_cases_bank_transactions_CaseId" ON "cases_bank_transactions" ("CaseId");
