-- Read models for stays, tasks, events and deviations, and idempotency records.
CREATE TYPE "Lane" AS ENUM ('slutenvard', 'regional_primarvard', 'kommunal_primarvard', 'kommunal_socialtjanst', 'system');
CREATE TYPE "StayStatus" AS ENUM ('admitted', 'discharged', 'died', 'transferred');
CREATE TYPE "TaskStatus" AS ENUM ('open', 'claimed', 'done', 'cancelled');

CREATE TABLE "unit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lane" "Lane" NOT NULL,
    "kommun_code" CHAR(4),
    CONSTRAINT "unit_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "unit_lane_kommun_code_idx" ON "unit"("lane", "kommun_code");

CREATE TABLE "patient" (
    "id" UUID NOT NULL,
    "patient_key" TEXT NOT NULL,
    "personnummer" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "folkbokforingskommun" CHAR(4) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "patient_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "patient_patient_key_key" ON "patient"("patient_key");
CREATE UNIQUE INDEX "patient_personnummer_key" ON "patient"("personnummer");

CREATE TABLE "stay" (
    "id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "patient_id" UUID NOT NULL,
    "process_definition_version" INTEGER NOT NULL,
    "ward_unit_id" TEXT NOT NULL,
    "kommun_code" CHAR(4) NOT NULL,
    "listed_vardcentral_unit_id" TEXT,
    "care_type" TEXT NOT NULL,
    "status" "StayStatus" NOT NULL,
    "admitted_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "stay_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "stay_workflow_id_key" ON "stay"("workflow_id");
CREATE INDEX "stay_ward_unit_id_status_idx" ON "stay"("ward_unit_id", "status");
CREATE INDEX "stay_kommun_code_status_idx" ON "stay"("kommun_code", "status");

CREATE TABLE "stay_event" (
    "id" TEXT NOT NULL,
    "stay_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "stay_event_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "stay_event_stay_id_occurred_at_idx" ON "stay_event"("stay_id", "occurred_at");

CREATE TABLE "task" (
    "id" TEXT NOT NULL,
    "stay_id" UUID NOT NULL,
    "activity_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "lane" "Lane" NOT NULL,
    "status" "TaskStatus" NOT NULL,
    "triggered_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3),
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "claimed_by" TEXT,
    "completed_at" TIMESTAMPTZ(3),
    "completed_by" TEXT,
    "outcome" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "task_unit_id_status_due_at_id_idx" ON "task"("unit_id", "status", "due_at", "id");
CREATE INDEX "task_stay_id_idx" ON "task"("stay_id");

CREATE TABLE "deviation" (
    "id" TEXT NOT NULL,
    "stay_id" UUID NOT NULL,
    "task_id" TEXT,
    "unit_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "deviation_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "deviation_unit_id_occurred_at_idx" ON "deviation"("unit_id", "occurred_at");
CREATE INDEX "deviation_stay_id_idx" ON "deviation"("stay_id");

CREATE TABLE "idempotency_record" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("scope", "key")
);

ALTER TABLE "stay" ADD CONSTRAINT "stay_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "stay_event" ADD CONSTRAINT "stay_event_stay_id_fkey" FOREIGN KEY ("stay_id") REFERENCES "stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "task" ADD CONSTRAINT "task_stay_id_fkey" FOREIGN KEY ("stay_id") REFERENCES "stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "deviation" ADD CONSTRAINT "deviation_stay_id_fkey" FOREIGN KEY ("stay_id") REFERENCES "stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
