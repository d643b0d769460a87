-- media 0001: media items, access log, devices, refused ingests, stored objects, scrub alerts and the outbox (sqlite). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE "media_access" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_media_access" PRIMARY KEY,
    "ItemId" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Download" INTEGER NOT NULL,
    "Range" TEXT NOT NULL
);


CREATE TABLE "media_alerts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_media_alerts" PRIMARY KEY,
    "Sha256" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Detail" TEXT NOT NULL,
    "FoundAt" INTEGER NOT NULL,
    "ResolvedAt" INTEGER NULL
);


CREATE TABLE "media_device_refusals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_media_device_refusals" PRIMARY KEY,
    "AgencyId" TEXT NOT NULL,
    "Serial" TEXT NOT NULL,
    "Station" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "At" INTEGER NOT NULL
);


CREATE TABLE "media_devices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_media_devices" PRIMARY KEY,
    "AgencyId" TEXT NOT NULL,
    "Serial" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Model" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    "RegisteredAt" INTEGER NOT NULL,
    "LastUploadAt" INTEGER NULL,
    "Uploads" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "media_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_media_items" PRIMARY KEY,
    "AgencyId" TEXT NOT NULL,
    "UploadId" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Sm3" TEXT NULL,
    "Size" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "CaseId" TEXT NULL,
    "Step" TEXT NULL,
    "DeviceSerial" TEXT NULL,
    "OfficerIds" TEXT NOT NULL,
    "RecordedFrom" INTEGER NULL,
    "RecordedTo" INTEGER NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "DurationSeconds" REAL NULL,
    "Codec" TEXT NULL,
    "Width" INTEGER NULL,
    "Height" INTEGER NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    "Station" TEXT NULL,
    "Permanent" INTEGER NOT NULL,
    "HoldReason" TEXT NULL,
    "HeldAt" INTEGER NULL,
    "RetainUntil" TEXT NULL,
    "DeletedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "media_objects" (
    "Sha256" TEXT NOT NULL CONSTRAINT "PK_media_objects" PRIMARY KEY,
    "Size" INTEGER NOT NULL,
    "Store" TEXT NOT NULL,
    "StoredAt" INTEGER NOT NULL,
    "ScrubbedAt" INTEGER NULL,
    "State" TEXT NOT NULL
);


CREATE TABLE "media_outbox" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_media_outbox" PRIMARY KEY AUTOINCREMENT,
    "Id" TEXT NOT NULL,
    "Module" TEXT NOT NULL,
    "EventType" TEXT NOT NULL,
    "AggregateId" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "Payload" TEXT NOT NULL,
    "ProcessedAt" INTEGER NULL
);


CREATE INDEX "IX_media_access_ItemId_At" ON "media_access" ("ItemId", "At");


CREATE INDEX "IX_media_alerts_FoundAt" ON "media_alerts" ("FoundAt");


CREATE INDEX "IX_media_device_refusals_AgencyId_At" ON "media_device_refusals" ("AgencyId", "At");


CREATE UNIQUE INDEX "IX_media_devices_AgencyId_Serial" ON "media_devices" ("AgencyId", "Serial");


CREATE INDEX "IX_media_items_AgencyId_UploadedAt" ON "media_items" ("AgencyId", "UploadedAt");


CREATE INDEX "IX_media_items_CaseId_Step" ON "media_items" ("CaseId", "Step");


CREATE INDEX "IX_media_items_Sha256" ON "media_items" ("Sha256");


CREATE UNIQUE INDEX "IX_media_items_UploadId" ON "media_items" ("UploadId");


CREATE UNIQUE INDEX "IX_media_outbox_Id" ON "media_outbox" ("Id");


CREATE INDEX "IX_media_outbox_ProcessedAt" ON "media_outbox" ("ProcessedAt");



