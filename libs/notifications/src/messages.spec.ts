import type { NotificationItem } from '@app/persistence';
import { digestMail, formatSwedishTime, taskLink, webhookBody } from './messages';

const item = (kind: NotificationItem['kind'], taskId: string): NotificationItem => ({
  deliveryId: `d-${taskId}`,
  unitId: 'kpv-goteborg-hemsjukvard',
  kind,
  occurredAt: new Date('2026-12-04T08:00:00Z'),
  taskId,
  stayId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  activityId: 'send-inskrivningsmeddelande',
  processDefinitionVersion: 1,
  dueAt: new Date('2026-07-01T10:30:00Z'),
  taskStatus: 'open',
});

describe('notification texts', () => {
  it('shows times in Swedish time, 24 h', () => {
    expect(formatSwedishTime(new Date('2026-07-01T10:30:00Z'))).toBe('2026-07-01 12:30');
    expect(formatSwedishTime(new Date('2026-12-01T22:05:00Z'))).toBe('2026-12-01 23:05');
  });

  it('links to the task on its stay in the web UI', () => {
    expect(taskLink('https://utskrivning.example/', item('opened', 't1'))).toBe(
      'https://utskrivning.example/stays/0f8fad5b-d9cb-469f-a165-70867728950e#task-t1',
    );
  });

  it('puts overdue first in a digest and counts each kind in the subject', () => {
    const mail = digestMail(
      'Hemsjukvården Göteborg',
      [item('opened', 't1'), item('overdue', 't2'), item('due_soon', 't3')],
      'https://utskrivning.example',
    );
    expect(mail.subject).toBe(
      'Utskrivningsflödet – Hemsjukvården Göteborg: försenad: 1, förfaller snart: 1, ny uppgift: 1',
    );
    const lines = mail.text.split('\n').filter((l) => l.includes(': Skicka'));
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      'Försenad',
      'Förfaller snart',
      'Ny uppgift',
    ]);
    expect(mail.text).toContain('(senast 2026-07-01 12:30)');
    expect(mail.html).toContain('<html lang="sv">');
  });

  it('names a task once, with its most urgent news', () => {
    const mail = digestMail(
      'Avd 32',
      [item('opened', 't1'), item('overdue', 't1'), item('due_soon', 't1'), item('opened', 't2')],
      'https://u.example',
    );
    expect(mail.subject).toBe('Utskrivningsflödet – Avd 32: försenad: 1, ny uppgift: 1');
    expect(mail.text.match(/#task-t1/g)).toHaveLength(1);
    expect(mail.text).toMatch(/Försenad: Skicka inskrivningsmeddelande .*\n.*#task-t1/);
  });

  it('gives the webhook the task, its title and link, and nothing of the patient', () => {
    const body = webhookBody(item('due_soon', 't1'), 'https://u.example', new Date(0));
    expect(body).toEqual({
      type: 'task.due_soon',
      timestamp: '1970-01-01T00:00:00.000Z',
      data: {
        notificationId: 'd-t1',
        unitId: 'kpv-goteborg-hemsjukvard',
        occurredAt: '2026-12-04T08:00:00.000Z',
        task: {
          id: 't1',
          stayId: '0f8fad5b-d9cb-469f-a165-70867728950e',
          activityId: 'send-inskrivningsmeddelande',
          title: 'Skicka inskrivningsmeddelande',
          status: 'open',
          dueAt: '2026-07-01T10:30:00.000Z',
          url: 'https://u.example/stays/0f8fad5b-d9cb-469f-a165-70867728950e#task-t1',
        },
      },
    });
  });
});
