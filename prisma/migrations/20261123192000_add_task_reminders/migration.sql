-- When a unit was reminded of a task falling due, and when an overdue task was escalated.
ALTER TABLE "task" ADD COLUMN "reminded_at" TIMESTAMPTZ(3);
ALTER TABLE "task" ADD COLUMN "escalated_at" TIMESTAMPTZ(3);
