-- cases 0005: the heads' written exceptions to the recording-required list (GB118-REC-2/3), as supervisors list them (postgres). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE cases_recording_exceptions (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "AgencyId" uuid NOT NULL,
    "CaseNumber" character varying(60) NOT NULL,
    "StepCode" character varying(40) NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "ApprovedBy" character varying(100) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_cases_recording_exceptions" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_cases_recording_exceptions_AgencyId_At" ON cases_recording_exceptions ("AgencyId", "At");

CREATE INDEX "IX_cases_recording_exceptions_CaseId" ON cases_recording_exceptions ("CaseId");
