-- registry 0004: the recording-required lists (音像记录事项清单, GB118-REC-2/3) (postgres). One row per agency that
-- edited its list; an agency without a row uses the shipped defaults. Steps and InspectionPowers are arrays of codes.
CREATE TABLE registry_recording_lists (
    "AgencyId" uuid NOT NULL,
    "Steps" text[] NOT NULL,
    "InspectionPowers" text[] NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_registry_recording_lists" PRIMARY KEY ("AgencyId")
);
