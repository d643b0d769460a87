-- ledger 0002: witness cosignatures of checkpoints (sqlite). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE "ledger_cosignatures" (
    "Size" INTEGER NOT NULL,
    "Witness" TEXT NOT NULL,
    "Line" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_ledger_cosignatures" PRIMARY KEY ("Size", "Witness")
);
