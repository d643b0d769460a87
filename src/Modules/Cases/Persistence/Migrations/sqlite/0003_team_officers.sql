-- cases 0003: the current team's officer IDs as a column, to find the cases a user is on the team of (sqlite).
-- Column as --print-schema gives it; existing cases get their team from the stored details (System.Text.Json
-- writes GUIDs in lower-case "D" form, as CaseFile.Commit joins them).
ALTER TABLE "cases_cases" ADD "TeamOfficers" TEXT NOT NULL DEFAULT '';

UPDATE "cases_cases" SET "TeamOfficers" = COALESCE(
    (SELECT group_concat(json_extract(t.value, '$.officerId'), ' ') FROM json_each("cases_cases"."DetailsJson", '$.team') AS t), '');
