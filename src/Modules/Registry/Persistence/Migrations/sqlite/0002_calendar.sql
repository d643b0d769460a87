-- registry 0002: the working-day calendar (sqlite). One row per year, one per holiday or make-up workday.
-- The shipped schedules are loaded by the reference-data step at start-up, not by this script.
CREATE TABLE "registry_calendar_years" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_registry_calendar_years" PRIMARY KEY,
    "Year" INTEGER NOT NULL,
    "IsProvisional" INTEGER NOT NULL,
    "Notice" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "registry_calendar_days" (
    "Date" TEXT NOT NULL,
    "CalendarYearId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Source" TEXT NULL,
    CONSTRAINT "PK_registry_calendar_days" PRIMARY KEY ("CalendarYearId", "Date"),
    CONSTRAINT "FK_registry_calendar_days_registry_calendar_years_CalendarYearId" FOREIGN KEY ("CalendarYearId") REFERENCES "registry_calendar_years" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_registry_calendar_days_Date" ON "registry_calendar_days" ("Date");

CREATE UNIQUE INDEX "IX_registry_calendar_years_Year" ON "registry_calendar_years" ("Year");
