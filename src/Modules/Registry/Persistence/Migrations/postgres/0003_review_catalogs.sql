-- registry 0003: the legal-review catalogs (重大执法决定法制审核目录, GB118-REV-1) (postgres). One row per agency that
-- edited its catalog; an agency without a row uses the defaults of DOMAIN.md §4. Amounts in fen.
CREATE TABLE registry_review_catalogs (
    "AgencyId" uuid NOT NULL,
    "PersonThresholdFen" bigint NOT NULL,
    "OrganisationThresholdFen" bigint NOT NULL,
    "SuspensionClosureRestriction" boolean NOT NULL,
    "LicenceRevocation" boolean NOT NULL,
    "HearingHeld" boolean NOT NULL,
    "OutsideBenchmark" boolean NOT NULL,
    "MajorPublicInterest" boolean NOT NULL,
    "SeveralLegalRelations" boolean NOT NULL,
    "SuspectedCrime" boolean NOT NULL,
    "ReviewWorkingDays" integer NOT NULL,
    "ExtensionWorkingDays" integer NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_registry_review_catalogs" PRIMARY KEY ("AgencyId")
);
