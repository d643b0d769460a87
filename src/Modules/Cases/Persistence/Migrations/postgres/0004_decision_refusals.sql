-- cases 0004: decisions refused by the legal-review gate (APL-58) (postgres). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE cases_decision_refusals (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "AgencyId" uuid NOT NULL,
    "CaseNumber" character varying(60) NOT NULL,
    "Actor" character varying(100) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Fingerprint" character varying(16) NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    CONSTRAINT "PK_cases_decision_refusals" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_cases_decision_refusals_AgencyId_At" ON cases_decision_refusals ("AgencyId", "At");

CREATE INDEX "IX_cases_decision_refusals_CaseId" ON cases_decision_refusals ("CaseId");
