-- Why a task was cancelled or moved to another unit: kept for the timeline and the audit.
ALTER TABLE "task" ADD COLUMN "cancel_reason" TEXT;
ALTER TABLE "task" ADD COLUMN "reassign_reason" TEXT;
