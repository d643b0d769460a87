-- disclosure 0001: publications of decisions, the search index (term postings), the feed cursor and the outbox (sqlite). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE "disclosure_cursors" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_disclosure_cursors" PRIMARY KEY,
    "Since" INTEGER NOT NULL
);

CREATE TABLE "disclosure_outbox" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_disclosure_outbox" PRIMARY KEY AUTOINCREMENT,
    "Id" TEXT NOT NULL,
    "Module" TEXT NOT NULL,
    "EventType" TEXT NOT NULL,
    "AggregateId" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "Payload" TEXT NOT NULL,
    "ProcessedAt" INTEGER NULL
);

CREATE TABLE "disclosure_publications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_disclosure_publications" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "AgencyName" TEXT NOT NULL,
    "CaseNumber" TEXT NOT NULL,
    "DecisionNumber" TEXT NULL,
    "DecisionSha256" TEXT NULL,
    "Category" INTEGER NOT NULL,
    "PowerName" TEXT NOT NULL,
    "PartyKind" INTEGER NOT NULL,
    "PartyName" TEXT NOT NULL,
    "PartyCreditCode" TEXT NULL,
    "Facts" TEXT NOT NULL,
    "Reasons" TEXT NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "Result" TEXT NOT NULL,
    "DecidedOn" TEXT NOT NULL,
    "ServedOn" TEXT NULL,
    "DueOn" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "WithheldRule" TEXT NULL,
    "PublishedOn" TEXT NULL,
    "PublishedAt" INTEGER NULL,
    "Seq" INTEGER NULL,
    "Sha256" TEXT NULL,
    "PublishedText" TEXT NULL,
    "DisplayUntil" TEXT NULL,
    "Indexed" INTEGER NOT NULL,
    "WithdrawalDueOn" TEXT NULL,
    "WithdrawnOn" TEXT NULL,
    "WithdrawalReason" TEXT NULL,
    "WithdrawalSha256" TEXT NULL,
    "PublishEventId" TEXT NULL,
    "WithdrawEventId" TEXT NULL,
    "LateAlertOn" TEXT NULL,
    "LateWithdrawalAlertOn" TEXT NULL,
    "SourceVersion" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "disclosure_terms" (
    "Term" TEXT NOT NULL,
    "Seq" INTEGER NOT NULL,
    CONSTRAINT "PK_disclosure_terms" PRIMARY KEY ("Term", "Seq")
);

CREATE UNIQUE INDEX "IX_disclosure_outbox_Id" ON "disclosure_outbox" ("Id");

CREATE INDEX "IX_disclosure_outbox_ProcessedAt" ON "disclosure_outbox" ("ProcessedAt");

CREATE INDEX "IX_disclosure_publications_AgencyId_Seq" ON "disclosure_publications" ("AgencyId", "Seq");

CREATE UNIQUE INDEX "IX_disclosure_publications_CaseId" ON "disclosure_publications" ("CaseId");

CREATE INDEX "IX_disclosure_publications_Category_Seq" ON "disclosure_publications" ("Category", "Seq");

CREATE INDEX "IX_disclosure_publications_DecidedOn_Seq" ON "disclosure_publications" ("DecidedOn", "Seq");

CREATE INDEX "IX_disclosure_publications_Indexed_DisplayUntil" ON "disclosure_publications" ("Indexed", "DisplayUntil");

CREATE INDEX "IX_disclosure_publications_LateAlertOn" ON "disclosure_publications" ("LateAlertOn");

CREATE INDEX "IX_disclosure_publications_LateWithdrawalAlertOn" ON "disclosure_publications" ("LateWithdrawalAlertOn");

CREATE UNIQUE INDEX "IX_disclosure_publications_Seq" ON "disclosure_publications" ("Seq");

CREATE INDEX "IX_disclosure_publications_Status_DueOn" ON "disclosure_publications" ("Status", "DueOn");

CREATE INDEX "IX_disclosure_terms_Seq" ON "disclosure_terms" ("Seq");

