-- ledger 0003: the attachment index (a file's hash -> the entry that commits to it) and one-time backfills (sqlite). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE "ledger_attachments" (
    "Hash" BLOB NOT NULL,
    "EntryIndex" INTEGER NOT NULL,
    CONSTRAINT "PK_ledger_attachments" PRIMARY KEY ("Hash", "EntryIndex")
);

CREATE TABLE "ledger_backfills" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_ledger_backfills" PRIMARY KEY,
    "DoneAt" INTEGER NOT NULL
);
