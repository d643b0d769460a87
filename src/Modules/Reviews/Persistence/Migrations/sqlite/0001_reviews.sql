-- reviews 0001: legal reviews, the review pool, opinion documents, counters and the outbox (sqlite). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE "reviews_counters" (
    "AgencyId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Last" INTEGER NOT NULL,
    CONSTRAINT "PK_reviews_counters" PRIMARY KEY ("AgencyId", "Year", "Kind")
);

CREATE TABLE "reviews_opinions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_reviews_opinions" PRIMARY KEY,
    "ReviewId" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "Round" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "IssuedAt" INTEGER NOT NULL,
    "IssuedBy" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Content" TEXT NOT NULL
);

CREATE TABLE "reviews_outbox" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_reviews_outbox" PRIMARY KEY AUTOINCREMENT,
    "Id" TEXT NOT NULL,
    "Module" TEXT NOT NULL,
    "EventType" TEXT NOT NULL,
    "AggregateId" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "Payload" TEXT NOT NULL,
    "ProcessedAt" INTEGER NULL
);

CREATE TABLE "reviews_reviewers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_reviews_reviewers" PRIMARY KEY,
    "AgencyId" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "OfficerId" TEXT NULL,
    "QualificationNumber" TEXT NULL,
    "FirstReviewedOn" TEXT NULL,
    "External" INTEGER NOT NULL,
    "Active" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "reviews_reviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_reviews_reviews" PRIMARY KEY,
    "AgencyId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "CaseNumber" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "SubmittedOn" TEXT NOT NULL,
    "DeadlineOn" TEXT NULL,
    "PausedOn" TEXT NULL,
    "WorkingDaysLeftWhenPaused" INTEGER NULL,
    "OverdueAlertOn" TEXT NULL,
    "ConcludedOn" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "DetailsJson" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_reviews_opinions_AgencyId_Number" ON "reviews_opinions" ("AgencyId", "Number");

CREATE INDEX "IX_reviews_opinions_ReviewId" ON "reviews_opinions" ("ReviewId");

CREATE INDEX "IX_reviews_opinions_Sha256" ON "reviews_opinions" ("Sha256");

CREATE UNIQUE INDEX "IX_reviews_outbox_Id" ON "reviews_outbox" ("Id");

CREATE INDEX "IX_reviews_outbox_ProcessedAt" ON "reviews_outbox" ("ProcessedAt");

CREATE INDEX "IX_reviews_reviewers_AgencyId" ON "reviews_reviewers" ("AgencyId");

CREATE INDEX "IX_reviews_reviewers_UserId" ON "reviews_reviewers" ("UserId");

CREATE UNIQUE INDEX "IX_reviews_reviews_AgencyId_Number" ON "reviews_reviews" ("AgencyId", "Number");

CREATE INDEX "IX_reviews_reviews_AgencyId_Status" ON "reviews_reviews" ("AgencyId", "Status");

CREATE UNIQUE INDEX "IX_reviews_reviews_CaseId" ON "reviews_reviews" ("CaseId");
