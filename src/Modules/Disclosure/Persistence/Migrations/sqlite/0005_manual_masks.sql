-- disclosure 0005: phrases a head masked by hand before publication (PUB-RED-2, issue 15), with who and when (sqlite).
CREATE TABLE "disclosure_manual_masks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_disclosure_manual_masks" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AddedBy" TEXT NOT NULL,
    "AddedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_disclosure_manual_masks_CaseId" ON "disclosure_manual_masks" ("CaseId");
