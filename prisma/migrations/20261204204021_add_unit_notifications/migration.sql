-- Outbound notifications to the units: what each unit is told when a task opens for it, is
-- about to fall due or falls overdue, through which channel, and how each delivery went.

CREATE TYPE "NotificationChannelKind" AS ENUM ('webhook', 'email');
CREATE TYPE "NotificationKind" AS ENUM ('opened', 'due_soon', 'overdue');
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'delivered', 'failed', 'skipped');

-- A unit's channels: a webhook (URL and its signing secret) or an e-mail digest to the unit's
-- functional mailbox. Configuration as data; validated by zod when the worker reads it.
CREATE TABLE "notification_channel" (
  "unit_id"    TEXT NOT NULL REFERENCES "unit" ("id"),
  "channel"    "NotificationChannelKind" NOT NULL,
  "target"     TEXT NOT NULL,
  "secret"     TEXT,
  "enabled"    BOOLEAN NOT NULL DEFAULT true,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  PRIMARY KEY ("unit_id", "channel")
);

-- The outbox: one row per task, unit and kind, written by the task projection in the same
-- statement as the task row (so a projection that is stored always has its notifications).
-- No foreign key to task: both are written by one statement, and the log outlives the task.
CREATE TABLE "notification" (
  "id"          UUID NOT NULL PRIMARY KEY DEFAULT gen_random_uuid(),
  "task_id"     TEXT NOT NULL,
  "unit_id"     TEXT NOT NULL,
  "kind"        "NotificationKind" NOT NULL,
  "occurred_at" TIMESTAMPTZ(3) NOT NULL,
  "created_at"  TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX "notification_task_id_unit_id_kind_key"
  ON "notification" ("task_id", "unit_id", "kind");

-- An e-mail digest: the pending e-mail deliveries of one unit, sent as one message whose id
-- stays the same across retries.
CREATE TABLE "notification_digest" (
  "id"              UUID NOT NULL PRIMARY KEY DEFAULT gen_random_uuid(),
  "unit_id"         TEXT NOT NULL,
  "status"          "DeliveryStatus" NOT NULL DEFAULT 'pending',
  "attempts"        INTEGER NOT NULL DEFAULT 0,
  "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "lease_until"     TIMESTAMPTZ(3),
  "last_error"      TEXT,
  "created_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "delivered_at"    TIMESTAMPTZ(3)
);
CREATE INDEX "notification_digest_due_idx" ON "notification_digest" ("next_attempt_at")
  WHERE "status" = 'pending';

-- One notification through one channel. A webhook delivery is sent on its own (its id is the
-- webhook-id the receiver deduplicates on); an e-mail delivery goes out in a digest.
CREATE TABLE "notification_delivery" (
  "id"              UUID NOT NULL PRIMARY KEY DEFAULT gen_random_uuid(),
  "notification_id" UUID NOT NULL REFERENCES "notification" ("id") ON DELETE CASCADE,
  "unit_id"         TEXT NOT NULL,
  "channel"         "NotificationChannelKind" NOT NULL,
  "status"          "DeliveryStatus" NOT NULL DEFAULT 'pending',
  "attempts"        INTEGER NOT NULL DEFAULT 0,
  "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "lease_until"     TIMESTAMPTZ(3),
  "digest_id"       UUID REFERENCES "notification_digest" ("id"),
  "last_error"      TEXT,
  "created_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "delivered_at"    TIMESTAMPTZ(3)
);
CREATE UNIQUE INDEX "notification_delivery_notification_id_channel_key"
  ON "notification_delivery" ("notification_id", "channel");
-- What the drainer looks for: pending deliveries by channel and time (partial: only the
-- pending ones; schema.prisma declares it without the predicate).
CREATE INDEX "notification_delivery_pending_idx"
  ON "notification_delivery" ("channel", "next_attempt_at") WHERE "status" = 'pending';
CREATE INDEX "notification_delivery_unit_id_created_at_idx"
  ON "notification_delivery" ("unit_id", "created_at");
CREATE INDEX "notification_delivery_digest_id_idx" ON "notification_delivery" ("digest_id");

-- The delivery log: every attempt to send a webhook or a digest, with its outcome.
CREATE TABLE "notification_attempt" (
  "id"           BIGSERIAL PRIMARY KEY,
  "unit_id"      TEXT NOT NULL,
  "channel"      "NotificationChannelKind" NOT NULL,
  "message_id"   UUID NOT NULL,
  "attempt"      INTEGER NOT NULL,
  "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "ok"           BOOLEAN NOT NULL,
  "status_code"  INTEGER,
  "error"        TEXT,
  "items"        INTEGER NOT NULL
);
CREATE INDEX "notification_attempt_unit_id_attempted_at_idx"
  ON "notification_attempt" ("unit_id", "attempted_at");
