-- ledger 0003: the attachment index (a file's hash -> the entry that commits to it) and one-time backfills (postgres). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE ledger_attachments (
    "Hash" bytea NOT NULL,
    "EntryIndex" bigint NOT NULL,
    CONSTRAINT "PK_ledger_attachments" PRIMARY KEY ("Hash", "EntryIndex")
);

CREATE TABLE ledger_backfills (
    "Name" character varying(40) NOT NULL,
    "DoneAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ledger_backfills" PRIMARY KEY ("Name")
);
