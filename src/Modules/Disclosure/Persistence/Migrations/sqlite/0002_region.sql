-- disclosure 0002: the agency's region (行政区划, GB/T 2260) copied into each publication when it is taken in, and the
-- index of the public region filter (a range of codes) and its list of regions (sqlite). Older publications keep NULL.
ALTER TABLE "disclosure_publications" ADD "RegionCode" TEXT NULL;

ALTER TABLE "disclosure_publications" ADD "RegionName" TEXT NULL;

CREATE INDEX "IX_disclosure_publications_RegionCode_RegionName_Seq" ON "disclosure_publications" ("RegionCode", "RegionName", "Seq");
