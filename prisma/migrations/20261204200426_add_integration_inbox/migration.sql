-- Messages from the hospitals' systems of record (HL7 v2 ADT over MLLP). Every message that
-- arrives is kept, keyed by its sender and message control id (MSH-10), so a resend is
-- answered from the row and never applied twice. One that could not be applied stays with
-- status 'inbox' and its reason until it is replayed.
CREATE TABLE "integration_message" (
    "id" UUID NOT NULL,
    "sender" TEXT NOT NULL,
    "control_id" TEXT NOT NULL,
    "message_type" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "raw_hash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason_code" TEXT,
    "reason" TEXT,
    "ack_code" TEXT,
    "stay_id" UUID,
    "occurred_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "integration_message_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "integration_message_status_check" CHECK ("status" IN ('received', 'applied', 'inbox', 'resolved'))
);
CREATE UNIQUE INDEX "integration_message_sender_control_id_key" ON "integration_message"("sender", "control_id");
CREATE INDEX "integration_message_status_received_at_idx" ON "integration_message"("status", "received_at");

-- The hospital's visit (PV1-19 of a sending facility) that each admission over HL7 created,
-- so the visit's later messages reach the same stay.
CREATE TABLE "integration_visit" (
    "facility" TEXT NOT NULL,
    "visit_number" TEXT NOT NULL,
    "stay_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "integration_visit_pkey" PRIMARY KEY ("facility", "visit_number")
);
CREATE INDEX "integration_visit_stay_id_idx" ON "integration_visit"("stay_id");

ALTER TABLE "integration_visit" ADD CONSTRAINT "integration_visit_stay_id_fkey" FOREIGN KEY ("stay_id") REFERENCES "stay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
