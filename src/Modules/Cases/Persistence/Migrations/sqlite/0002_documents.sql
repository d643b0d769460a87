-- cases 0002: issued documents (sqlite). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE "cases_documents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cases_documents" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "IssuedAt" INTEGER NOT NULL,
    "IssuedBy" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Content" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_cases_documents_AgencyId_Number" ON "cases_documents" ("AgencyId", "Number");

CREATE INDEX "IX_cases_documents_CaseId" ON "cases_documents" ("CaseId");

CREATE INDEX "IX_cases_documents_Sha256" ON "cases_documents" ("Sha256");
