-- ledger 0001: initial schema (sqlite). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE "ledger_checkpoints" (
    "Size" INTEGER NOT NULL CONSTRAINT "PK_ledger_checkpoints" PRIMARY KEY,
    "RootHash" BLOB NOT NULL,
    "Note" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "ledger_entries" (
    "Index" INTEGER NOT NULL CONSTRAINT "PK_ledger_entries" PRIMARY KEY,
    "EventId" TEXT NOT NULL,
    "Module" TEXT NOT NULL,
    "EventType" TEXT NOT NULL,
    "AggregateId" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "Data" BLOB NOT NULL
);

CREATE TABLE "ledger_hashes" (
    "Index" INTEGER NOT NULL CONSTRAINT "PK_ledger_hashes" PRIMARY KEY,
    "Hash" BLOB NOT NULL
);

CREATE INDEX "IX_ledger_entries_AggregateId" ON "ledger_entries" ("AggregateId");

CREATE UNIQUE INDEX "IX_ledger_entries_EventId" ON "ledger_entries" ("EventId");
