import { findProcessDefinition, STOCKHOLM } from '@app/process-definition';
import type { NotificationItem } from '@app/persistence';

/**
 * What the units are told, for a webhook and an e-mail digest. Only what identifies the work:
 * the task, its activity (from the stay's process definition version), its due time and a
 * link to the stay in the web UI. Never a name, a personnummer or free text (notes).
 */
export type NotificationKind = NotificationItem['kind'];

const KIND_TEXT: Record<NotificationKind, string> = {
  opened: 'Ny uppgift',
  due_soon: 'Förfaller snart',
  overdue: 'Försenad',
};

const swedishTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: STOCKHOLM,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-12-04 14:30", in Swedish time. */
export const formatSwedishTime = (at: Date): string => swedishTime.format(at);

export function activityTitle(
  item: Pick<NotificationItem, 'activityId' | 'processDefinitionVersion'>,
) {
  return (
    findProcessDefinition(item.processDefinitionVersion)?.activities.find(
      (a) => a.id === item.activityId,
    )?.title ?? item.activityId
  );
}

/** The task in the web UI: the stay's page, at the task (the UI asks the user to sign in). */
export function taskLink(publicWebUrl: string, item: Pick<NotificationItem, 'stayId' | 'taskId'>) {
  const base = publicWebUrl.replace(/\/+$/, '');
  return `${base}/stays/${encodeURIComponent(item.stayId)}#task-${encodeURIComponent(item.taskId)}`;
}

/** The webhook's JSON body (Standard Webhooks: `type`, `timestamp`, `data`). */
export function webhookBody(item: NotificationItem, publicWebUrl: string, sentAt: Date) {
  return {
    type: `task.${item.kind}`,
    timestamp: sentAt.toISOString(),
    data: {
      notificationId: item.deliveryId,
      unitId: item.unitId,
      occurredAt: item.occurredAt.toISOString(),
      task: {
        id: item.taskId,
        stayId: item.stayId,
        activityId: item.activityId,
        title: activityTitle(item),
        status: item.taskStatus,
        dueAt: item.dueAt?.toISOString() ?? null,
        url: taskLink(publicWebUrl, item),
      },
    },
  };
}

export interface DigestMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const URGENCY: readonly NotificationKind[] = ['overdue', 'due_soon', 'opened'];

/** A task once, with its most urgent news (a task that opened and fell overdue is overdue). */
function mostUrgentPerTask(items: readonly NotificationItem[]): NotificationItem[] {
  const byTask = new Map<string, NotificationItem>();
  for (const item of items) {
    const seen = byTask.get(item.taskId);
    if (!seen || URGENCY.indexOf(item.kind) < URGENCY.indexOf(seen.kind))
      byTask.set(item.taskId, item);
  }
  return [...byTask.values()];
}

/**
 * One unit's digest: each task once, overdue first, then due soon, then new; each line links
 * to its task.
 */
export function digestMail(
  unitName: string,
  allItems: readonly NotificationItem[],
  publicWebUrl: string,
): DigestMail {
  const items = mostUrgentPerTask(allItems);
  const order = URGENCY;
  const counts = order
    .map((kind) => ({ kind, n: items.filter((i) => i.kind === kind).length }))
    .filter((c) => c.n > 0);
  const summary = counts.map((c) => `${KIND_TEXT[c.kind].toLowerCase()}: ${c.n}`).join(', ');
  const subject = `Utskrivningsflödet – ${unitName}: ${summary}`;
  const lines = order.flatMap((kind) =>
    items
      .filter((i) => i.kind === kind)
      .map((i) => ({
        kind: KIND_TEXT[kind],
        title: activityTitle(i),
        due: i.dueAt ? `senast ${formatSwedishTime(i.dueAt)}` : 'ingen tidsgräns',
        url: taskLink(publicWebUrl, i),
      })),
  );
  const intro = `Uppgifter för ${unitName} i Utskrivningsflödet. Logga in via länken för att se patienten och uppgiften.`;
  const text = [
    intro,
    '',
    ...lines.map((l) => `${l.kind}: ${l.title} (${l.due})\n  ${l.url}`),
    '',
    'Meddelandet innehåller inga patientuppgifter. Svara inte på det här meddelandet.',
  ].join('\n');
  const html = [
    '<!doctype html><html lang="sv"><body>',
    `<p>${escapeHtml(intro)}</p><ul>`,
    ...lines.map(
      (l) =>
        `<li><strong>${escapeHtml(l.kind)}:</strong> <a href="${escapeHtml(l.url)}">${escapeHtml(l.title)}</a> (${escapeHtml(l.due)})</li>`,
    ),
    '</ul><p>Meddelandet innehåller inga patientuppgifter. Svara inte på det här meddelandet.</p>',
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
