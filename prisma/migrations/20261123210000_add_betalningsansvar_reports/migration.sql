-- The monthly betalningsansvar report: processägare's corrections, and frozen months.
-- Processägare's corrections of a stay's UK days for the monthly betalningsansvar report.
-- Rows are only inserted, never updated: the latest row per stay counts, earlier ones stay as
-- the record of who changed what and why. Accepted only until the month's figures freeze.
CREATE TABLE "betalningsansvar_correction" (
    "id" UUID NOT NULL,
    "stay_id" UUID NOT NULL,
    "month" CHAR(7) NOT NULL,
    "uk_days" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "corrected_by" TEXT NOT NULL,
    "corrected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "betalningsansvar_correction_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "betalningsansvar_correction_uk_days_check" CHECK ("uk_days" >= 0)
);
CREATE INDEX "betalningsansvar_correction_stay_id_corrected_at_idx" ON "betalningsansvar_correction"("stay_id", "corrected_at");
CREATE INDEX "betalningsansvar_correction_month_idx" ON "betalningsansvar_correction"("month");

ALTER TABLE "betalningsansvar_correction" ADD CONSTRAINT "betalningsansvar_correction_stay_id_fkey" FOREIGN KEY ("stay_id") REFERENCES "stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A month's report as it stood when it froze (the first read after the 12th of the next
-- month): later registrations and corrections no longer change what the kommuner are billed.
CREATE TABLE "betalningsansvar_snapshot" (
    "month" CHAR(7) NOT NULL,
    "report" JSONB NOT NULL,
    "frozen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "betalningsansvar_snapshot_pkey" PRIMARY KEY ("month")
);
