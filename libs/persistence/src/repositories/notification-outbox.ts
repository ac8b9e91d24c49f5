import { Prisma } from '../generated/prisma/client';

/**
 * The outbox half of the task projection's statement. It follows a `written` CTE (the task
 * rows the upsert actually inserted or changed) and records what their units are told:
 *
 * - `opened` when a task is live (open or claimed) for a unit,
 * - `due_soon` when the workflow has reminded the unit (patch task-reminders-v1 sets
 *   reminded_at) and the task is live and not yet overdue,
 * - `overdue` when a live task has fallen overdue.
 *
 * One notification per task, unit and kind (ON CONFLICT DO NOTHING, so a repeated or older
 * projection adds nothing), and one delivery per enabled channel of the unit. Units without
 * a channel get no rows. A task reassigned to another unit notifies the new unit.
 */
export const NOTIFY_ON_WRITTEN_TASKS = Prisma.sql`,
  notified AS (
    INSERT INTO notification (task_id, unit_id, kind, occurred_at)
    SELECT w.id, w.unit_id, k.kind, k.occurred_at
    FROM written w
    CROSS JOIN LATERAL (VALUES
      ('opened'::"NotificationKind", w.triggered_at, w.status IN ('open', 'claimed')),
      ('due_soon'::"NotificationKind", w.reminded_at,
        w.status IN ('open', 'claimed') AND w.reminded_at IS NOT NULL AND NOT w.overdue),
      ('overdue'::"NotificationKind", w.due_at,
        w.status IN ('open', 'claimed') AND w.overdue AND w.due_at IS NOT NULL)
    ) AS k(kind, occurred_at, applies)
    WHERE k.applies AND EXISTS (
      SELECT 1 FROM notification_channel c WHERE c.unit_id = w.unit_id AND c.enabled)
    ON CONFLICT (task_id, unit_id, kind) DO NOTHING
    RETURNING id, unit_id)
  INSERT INTO notification_delivery (notification_id, unit_id, channel)
  SELECT n.id, n.unit_id, c.channel
  FROM notified n JOIN notification_channel c ON c.unit_id = n.unit_id AND c.enabled`;
