-- The patient's name as it was given at this stay's admission. A later admission of the same
-- personnummer updates the patient row, never what an earlier stay shows (its kommun is
-- already the stay's own kommun_code). Null only for rows written before (or by the
-- benchmark's generator), which show the patient row's name.
ALTER TABLE "stay" ADD COLUMN "patient_name" TEXT;
UPDATE "stay" SET "patient_name" = p."name" FROM "patient" p WHERE p."id" = "stay"."patient_id";
