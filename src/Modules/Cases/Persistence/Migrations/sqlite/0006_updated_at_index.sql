-- cases 0006: an index on the time of the last change, for the decision feed the Disclosure module reads (ICaseDecisionFeed, issue 7).
CREATE INDEX "IX_cases_cases_UpdatedAt" ON "cases_cases" ("UpdatedAt");
