-- ledger 0002: witness cosignatures of checkpoints (postgres). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE ledger_cosignatures (
    "Size" bigint NOT NULL,
    "Witness" character varying(256) NOT NULL,
    "Line" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ledger_cosignatures" PRIMARY KEY ("Size", "Witness")
);
