-- registry 0002: the working-day calendar (postgres). One row per year, one per holiday or make-up workday.
-- The shipped schedules are loaded by the reference-data step at start-up, not by this script.
CREATE TABLE registry_calendar_years (
    "Id" uuid NOT NULL,
    "Year" integer NOT NULL,
    "IsProvisional" boolean NOT NULL,
    "Notice" character varying(200),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_registry_calendar_years" PRIMARY KEY ("Id")
);

CREATE TABLE registry_calendar_days (
    "Date" date NOT NULL,
    "CalendarYearId" uuid NOT NULL,
    "Year" integer NOT NULL,
    "Kind" integer NOT NULL,
    "Name" character varying(50) NOT NULL,
    "Source" character varying(200),
    CONSTRAINT "PK_registry_calendar_days" PRIMARY KEY ("CalendarYearId", "Date"),
    CONSTRAINT "FK_registry_calendar_days_registry_calendar_years_CalendarYear~" FOREIGN KEY ("CalendarYearId") REFERENCES registry_calendar_years ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_registry_calendar_days_Date" ON registry_calendar_days ("Date");

CREATE UNIQUE INDEX "IX_registry_calendar_years_Year" ON registry_calendar_years ("Year");
