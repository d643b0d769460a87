-- registry 0001: initial schema (sqlite). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE "registry_agencies" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_registry_agencies" PRIMARY KEY,
    "ParentId" TEXT NULL,
    "Path" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Level" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "CreditCode" TEXT NULL,
    "LegalUnit" TEXT NOT NULL,
    "Address" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "registry_officers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_registry_officers" PRIMARY KEY,
    "AgencyId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "IdNumber" TEXT NOT NULL,
    "CertificateNumber" TEXT NOT NULL,
    "Areas" TEXT NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "ExpiresOn" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "IsAuxiliary" INTEGER NOT NULL,
    "HasLegalQualification" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "registry_outbox" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_registry_outbox" PRIMARY KEY AUTOINCREMENT,
    "Id" TEXT NOT NULL,
    "Module" TEXT NOT NULL,
    "EventType" TEXT NOT NULL,
    "AggregateId" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "Payload" TEXT NOT NULL,
    "ProcessedAt" INTEGER NULL
);

CREATE TABLE "registry_powers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_registry_powers" PRIMARY KEY,
    "AgencyId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Category" INTEGER NOT NULL,
    "Area" TEXT NOT NULL,
    "CurrentVersion" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "registry_officer_training" (
    "Year" INTEGER NOT NULL,
    "OfficerId" TEXT NOT NULL,
    "Hours" INTEGER NOT NULL,
    CONSTRAINT "PK_registry_officer_training" PRIMARY KEY ("OfficerId", "Year"),
    CONSTRAINT "FK_registry_officer_training_registry_officers_OfficerId" FOREIGN KEY ("OfficerId") REFERENCES "registry_officers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "registry_benchmark_levels" (
    "Level" INTEGER NOT NULL,
    "PowerId" TEXT NOT NULL,
    "Circumstances" TEXT NOT NULL,
    "MinFineFen" INTEGER NOT NULL,
    "MaxFineFen" INTEGER NOT NULL,
    "OtherSanctions" TEXT NULL,
    CONSTRAINT "PK_registry_benchmark_levels" PRIMARY KEY ("PowerId", "Level"),
    CONSTRAINT "FK_registry_benchmark_levels_registry_powers_PowerId" FOREIGN KEY ("PowerId") REFERENCES "registry_powers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "registry_power_versions" (
    "Number" INTEGER NOT NULL,
    "PowerId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Category" INTEGER NOT NULL,
    "LegalBasisLaw" TEXT NOT NULL,
    "LegalBasisArticle" TEXT NOT NULL,
    "Area" TEXT NOT NULL,
    "EffectiveFrom" TEXT NOT NULL,
    "ChangeReason" TEXT NULL,
    CONSTRAINT "PK_registry_power_versions" PRIMARY KEY ("PowerId", "Number"),
    CONSTRAINT "FK_registry_power_versions_registry_powers_PowerId" FOREIGN KEY ("PowerId") REFERENCES "registry_powers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_registry_agencies_ParentId" ON "registry_agencies" ("ParentId");

CREATE INDEX "IX_registry_agencies_Path" ON "registry_agencies" ("Path");

CREATE INDEX "IX_registry_officers_AgencyId" ON "registry_officers" ("AgencyId");

CREATE UNIQUE INDEX "IX_registry_officers_CertificateNumber" ON "registry_officers" ("CertificateNumber");

CREATE UNIQUE INDEX "IX_registry_outbox_Id" ON "registry_outbox" ("Id");

CREATE INDEX "IX_registry_outbox_ProcessedAt" ON "registry_outbox" ("ProcessedAt");

CREATE UNIQUE INDEX "IX_registry_powers_AgencyId_Code" ON "registry_powers" ("AgencyId", "Code");
