-- cases 0003: the current team's officer IDs as a column, to find the cases a user is on the team of (postgres).
-- Column as --print-schema gives it; existing cases get their team from the stored details (System.Text.Json
-- writes GUIDs in lower-case "D" form, as CaseFile.Commit joins them).
ALTER TABLE cases_cases ADD "TeamOfficers" text NOT NULL DEFAULT '';

UPDATE cases_cases SET "TeamOfficers" = COALESCE(
    (SELECT string_agg(t.value ->> 'officerId', ' ') FROM jsonb_array_elements("DetailsJson"::jsonb -> 'team') AS t), '')
WHERE jsonb_typeof("DetailsJson"::jsonb -> 'team') = 'array';
