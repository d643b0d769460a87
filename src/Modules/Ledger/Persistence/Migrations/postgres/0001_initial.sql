-- ledger 0001: initial schema (postgres). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE ledger_checkpoints (
    "Size" bigint NOT NULL,
    "RootHash" bytea NOT NULL,
    "Note" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ledger_checkpoints" PRIMARY KEY ("Size")
);

CREATE TABLE ledger_entries (
    "Index" bigint NOT NULL,
    "EventId" uuid NOT NULL,
    "Module" character varying(32) NOT NULL,
    "EventType" character varying(100) NOT NULL,
    "AggregateId" uuid NOT NULL,
    "OccurredAt" timestamp with time zone NOT NULL,
    "Data" bytea NOT NULL,
    CONSTRAINT "PK_ledger_entries" PRIMARY KEY ("Index")
);

CREATE TABLE ledger_hashes (
    "Index" bigint NOT NULL,
    "Hash" bytea NOT NULL,
    CONSTRAINT "PK_ledger_hashes" PRIMARY KEY ("Index")
);

CREATE INDEX "IX_ledger_entries_AggregateId" ON ledger_entries ("AggregateId");

CREATE UNIQUE INDEX "IX_ledger_entries_EventId" ON ledger_entries ("EventId");
