-- cases 0005: the heads' written exceptions to the recording-required list (GB118-REC-2/3), as supervisors list them (sqlite). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE "cases_recording_exceptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cases_recording_exceptions" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "CaseNumber" TEXT NOT NULL,
    "StepCode" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "ApprovedBy" TEXT NOT NULL,
    "At" INTEGER NOT NULL
);

CREATE INDEX "IX_cases_recording_exceptions_AgencyId_At" ON "cases_recording_exceptions" ("AgencyId", "At");

CREATE INDEX "IX_cases_recording_exceptions_CaseId" ON "cases_recording_exceptions" ("CaseId");
