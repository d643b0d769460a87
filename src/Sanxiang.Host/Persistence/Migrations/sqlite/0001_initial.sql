-- auth 0001: initial schema (sqlite). Generated from the EF model with --print-schema, then frozen.
CREATE TABLE "auth_api_keys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_auth_api_keys" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "SecretHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "RevokedAt" INTEGER NULL,
    "LastUsedAt" INTEGER NULL
);

CREATE TABLE "auth_roles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_auth_roles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "auth_sign_in_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_auth_sign_in_events" PRIMARY KEY AUTOINCREMENT,
    "At" INTEGER NOT NULL,
    "UserName" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "RemoteAddress" TEXT NULL,
    "Succeeded" INTEGER NOT NULL,
    "Outcome" TEXT NOT NULL
);

CREATE TABLE "auth_users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_auth_users" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "AgencyId" TEXT NOT NULL,
    "LastTotpStep" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "auth_role_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_auth_role_claims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_auth_role_claims_auth_roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "auth_roles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "auth_user_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_auth_user_claims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_auth_user_claims_auth_users_UserId" FOREIGN KEY ("UserId") REFERENCES "auth_users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "auth_user_logins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_auth_user_logins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_auth_user_logins_auth_users_UserId" FOREIGN KEY ("UserId") REFERENCES "auth_users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "auth_user_roles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_auth_user_roles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_auth_user_roles_auth_roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "auth_roles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_auth_user_roles_auth_users_UserId" FOREIGN KEY ("UserId") REFERENCES "auth_users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "auth_user_tokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_auth_user_tokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_auth_user_tokens_auth_users_UserId" FOREIGN KEY ("UserId") REFERENCES "auth_users" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_auth_api_keys_Prefix" ON "auth_api_keys" ("Prefix");

CREATE INDEX "IX_auth_role_claims_RoleId" ON "auth_role_claims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "auth_roles" ("NormalizedName");

CREATE INDEX "IX_auth_sign_in_events_At" ON "auth_sign_in_events" ("At");

CREATE INDEX "IX_auth_user_claims_UserId" ON "auth_user_claims" ("UserId");

CREATE INDEX "IX_auth_user_logins_UserId" ON "auth_user_logins" ("UserId");

CREATE INDEX "IX_auth_user_roles_RoleId" ON "auth_user_roles" ("RoleId");

CREATE INDEX "EmailIndex" ON "auth_users" ("NormalizedEmail");

CREATE INDEX "IX_auth_users_AgencyId" ON "auth_users" ("AgencyId");

CREATE UNIQUE INDEX "UserNameIndex" ON "auth_users" ("NormalizedUserName");
