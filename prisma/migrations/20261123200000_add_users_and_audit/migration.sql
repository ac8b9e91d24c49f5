-- Users and the units they act for, the audit log of patient-data access, and the
-- frailty assessment (Clinical Frailty Scale) recorded at admission.
CREATE TYPE "UserRole" AS ENUM ('ward_staff', 'vardcentral_staff', 'hemsjukvard_staff', 'bistandshandlaggare', 'processagare');

CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "oidc_subject" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "app_user_oidc_subject_key" ON "app_user"("oidc_subject");

CREATE TABLE "app_user_unit" (
    "user_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    CONSTRAINT "app_user_unit_pkey" PRIMARY KEY ("user_id", "unit_id")
);
CREATE INDEX "app_user_unit_unit_id_idx" ON "app_user_unit"("unit_id");

-- No foreign keys: the log outlives users and records attempts on stays that do not exist.
CREATE TABLE "audit_entry" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "unit_id" TEXT,
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "stay_id" UUID,
    "task_id" TEXT,
    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_entry_at_id_idx" ON "audit_entry"("at", "id");
CREATE INDEX "audit_entry_stay_id_at_idx" ON "audit_entry"("stay_id", "at");
CREATE INDEX "audit_entry_user_id_at_idx" ON "audit_entry"("user_id", "at");
CREATE INDEX "audit_entry_unit_id_at_idx" ON "audit_entry"("unit_id", "at");

CREATE TABLE "stay_frailty" (
    "stay_id" UUID NOT NULL,
    "cfs" INTEGER NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "stay_frailty_pkey" PRIMARY KEY ("stay_id"),
    CONSTRAINT "stay_frailty_cfs_check" CHECK ("cfs" BETWEEN 1 AND 9)
);

ALTER TABLE "app_user_unit" ADD CONSTRAINT "app_user_unit_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "app_user_unit" ADD CONSTRAINT "app_user_unit_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "stay_frailty" ADD CONSTRAINT "stay_frailty_stay_id_fkey" FOREIGN KEY ("stay_id") REFERENCES "stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
