-- The first answer to an idempotent request, kept with its claim: a retry gets it back even
-- when Temporal no longer knows the Update (after continue-as-new). `json`, not `jsonb`, so
-- the answer comes back exactly as it was first given.
ALTER TABLE "idempotency_record" ADD COLUMN "response" JSON;
