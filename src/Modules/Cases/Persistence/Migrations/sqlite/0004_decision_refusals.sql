-- cases 0004: decisions refused by the legal-review gate (APL-58) (sqlite). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE "cases_decision_refusals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cases_decision_refusals" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "CaseNumber" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Fingerprint" TEXT NOT NULL,
    "Reason" TEXT NOT NULL
);

CREATE INDEX "IX_cases_decision_refusals_AgencyId_At" ON "cases_decision_refusals" ("AgencyId", "At");

CREATE INDEX "IX_cases_decision_refusals_CaseId" ON "cases_decision_refusals" ("CaseId");
