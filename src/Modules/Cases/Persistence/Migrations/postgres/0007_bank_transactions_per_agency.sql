-- cases 0007: bank transaction IDs are unique per agency, not across the county (issue 15): another agency's bank may
-- use the same ID, which was silently skipped. The primary key becomes (AgencyId, TransactionId).
ALTER TABLE cases_bank_transactions DROP CONSTRAINT "PK_cases_bank_transactions";

ALTER TABLE cases_bank_transactions ADD CONSTRAINT "PK_cases_bank_transactions" PRIMARY KEY ("AgencyId", "TransactionId");
