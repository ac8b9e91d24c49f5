-- A unit's live queue (open and claimed tasks) in the order the API pages it: due time
-- (undated last), then id. Partial, so it holds only what still needs doing, and a page of
-- 50 is read in order instead of sorting every live task of the unit.
-- schema.prisma declares it as an index on (unit_id, due_at, id); Prisma cannot express the
-- predicate.
CREATE INDEX "task_live_queue_idx" ON "task" ("unit_id", "due_at", "id")
  WHERE "status" IN ('open', 'claimed');
