-- disclosure 0005: phrases a head masked by hand before publication (PUB-RED-2, issue 15), with who and when (postgres).
CREATE TABLE disclosure_manual_masks (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "AgencyId" uuid NOT NULL,
    "Text" character varying(100) NOT NULL,
    "AddedBy" character varying(100) NOT NULL,
    "AddedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_disclosure_manual_masks" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_disclosure_manual_masks_CaseId" ON disclosure_manual_masks ("CaseId");
