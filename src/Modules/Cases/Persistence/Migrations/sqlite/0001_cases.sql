-- cases 0001: the case engine's tables (sqlite). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE "cases_bank_transactions" (
    "TransactionId" TEXT NOT NULL CONSTRAINT "PK_cases_bank_transactions" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "AmountFen" INTEGER NOT NULL,
    "PaidOn" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "ImportedAt" INTEGER NOT NULL,
    "ImportedBy" TEXT NOT NULL
);

CREATE TABLE "cases_cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cases_cases" PRIMARY KEY,
    "AgencyId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Procedure" INTEGER NOT NULL,
    "Stage" INTEGER NOT NULL,
    "PowerId" TEXT NOT NULL,
    "PartyName" TEXT NOT NULL,
    "FiledOn" TEXT NULL,
    "DecisionDeadline" TEXT NULL,
    "NextDeadline" TEXT NULL,
    "Outcome" INTEGER NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "DetailsJson" TEXT NOT NULL
);

CREATE TABLE "cases_counters" (
    "AgencyId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Last" INTEGER NOT NULL,
    CONSTRAINT "PK_cases_counters" PRIMARY KEY ("AgencyId", "Year", "Kind")
);

CREATE TABLE "cases_outbox" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_cases_outbox" PRIMARY KEY AUTOINCREMENT,
    "Id" TEXT NOT NULL,
    "Module" TEXT NOT NULL,
    "EventType" TEXT NOT NULL,
    "AggregateId" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "Payload" TEXT NOT NULL,
    "ProcessedAt" INTEGER NULL
);

CREATE INDEX "IX_cases_bank_transactions_CaseId" ON "cases_bank_transactions" ("CaseId");

CREATE INDEX "IX_cases_cases_AgencyId_Stage" ON "cases_cases" ("AgencyId", "Stage");

CREATE INDEX "IX_cases_cases_NextDeadline" ON "cases_cases" ("NextDeadline");

CREATE UNIQUE INDEX "IX_cases_outbox_Id" ON "cases_outbox" ("Id");

CREATE INDEX "IX_cases_outbox_ProcessedAt" ON "cases_outbox" ("ProcessedAt");

