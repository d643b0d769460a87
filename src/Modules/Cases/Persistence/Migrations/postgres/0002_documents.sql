-- cases 0002: issued documents (postgres). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE cases_documents (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "AgencyId" uuid NOT NULL,
    "Kind" integer NOT NULL,
    "Number" character varying(60) NOT NULL,
    "Title" character varying(40) NOT NULL,
    "IssuedOn" date NOT NULL,
    "IssuedAt" timestamp with time zone NOT NULL,
    "IssuedBy" character varying(100) NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "Content" text NOT NULL,
    CONSTRAINT "PK_cases_documents" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_cases_documents_AgencyId_Number" ON cases_documents ("AgencyId", "Number");

CREATE INDEX "IX_cases_documents_CaseId" ON cases_documents ("CaseId");

CREATE INDEX "IX_cases_documents_Sha256" ON cases_documents ("Sha256");
