-- What processägare measure per stay: UK time, the 7-day flag, PUD moves, readmissions,
-- and (as JSON) SIP and timeliness figures. Written by the stay workflow's projections.
ALTER TABLE "stay" ADD COLUMN "uk_first_at" TIMESTAMPTZ(3);
ALTER TABLE "stay" ADD COLUMN "uk_running_since" TIMESTAMPTZ(3);
ALTER TABLE "stay" ADD COLUMN "uk_accumulated_seconds" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "stay" ADD COLUMN "uk_ended_at" TIMESTAMPTZ(3);
ALTER TABLE "stay" ADD COLUMN "seven_day_flag" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "stay" ADD COLUMN "planned_discharge_date" DATE;
ALTER TABLE "stay" ADD COLUMN "planned_discharge_date_moves" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "stay" ADD COLUMN "readmission_of_stay_id" UUID;
ALTER TABLE "stay" ADD COLUMN "readmitted_within_30_days" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "stay" ADD COLUMN "counters" JSONB NOT NULL DEFAULT '{}';
CREATE INDEX "stay_patient_id_ended_at_idx" ON "stay"("patient_id", "ended_at");
