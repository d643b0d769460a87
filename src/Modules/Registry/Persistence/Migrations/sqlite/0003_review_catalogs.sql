-- registry 0003: the legal-review catalogs (重大执法决定法制审核目录, GB118-REV-1) (sqlite). One row per agency that
-- edited its catalog; an agency without a row uses the defaults of DOMAIN.md §4. Amounts in fen.
CREATE TABLE "registry_review_catalogs" (
    "AgencyId" TEXT NOT NULL CONSTRAINT "PK_registry_review_catalogs" PRIMARY KEY,
    "PersonThresholdFen" INTEGER NOT NULL,
    "OrganisationThresholdFen" INTEGER NOT NULL,
    "SuspensionClosureRestriction" INTEGER NOT NULL,
    "LicenceRevocation" INTEGER NOT NULL,
    "HearingHeld" INTEGER NOT NULL,
    "OutsideBenchmark" INTEGER NOT NULL,
    "MajorPublicInterest" INTEGER NOT NULL,
    "SeveralLegalRelations" INTEGER NOT NULL,
    "SuspectedCrime" INTEGER NOT NULL,
    "ReviewWorkingDays" INTEGER NOT NULL,
    "ExtensionWorkingDays" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);
