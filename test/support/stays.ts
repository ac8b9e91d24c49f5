import type request from 'supertest';
import { admissionBody, hoursAgo, newKey } from './fixtures';

type Http = ReturnType<typeof request>;
type Auth = { Authorization: string };

export interface TaskView {
  id: string;
  activityId: string;
  unitId: string;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  claimedBy: string | null;
}

/** Polls until `check` passes; projections are written by workflow activities. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Admits a stay on Sahlgrenska avd 32 (Göteborg, listed at Vårdcentralen Majorna). */
export async function admit(
  http: Http,
  ward: Auth,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const response = await http
    .post('/api/v1/stays')
    .set(ward)
    .set('Idempotency-Key', newKey())
    .send(admissionBody(overrides));
  if (response.status !== 201) throw new Error(`admission failed: ${response.text}`);
  return response.body.id as string;
}

/** The stay's tasks, as its ward sees them. */
export async function tasksOf(http: Http, ward: Auth, stayId: string): Promise<TaskView[]> {
  const response = await http.get(`/api/v1/stays/${stayId}`).set(ward).expect(200);
  return response.body.tasks as TaskView[];
}

/**
 * A stay whose inskrivningsmeddelande went out: the vårdcentral, hemsjukvården and
 * socialtjänsten each have an acknowledgement task, the ward its admission tasks.
 */
export async function admitWithReceivers(
  http: Http,
  ward: Auth,
): Promise<{ stayId: string; tasks: Record<'ward' | 'vc' | 'hsv' | 'bist', TaskView> }> {
  const stayId = await admit(http, ward);
  await http
    .post(`/api/v1/stays/${stayId}/events`)
    .set('Idempotency-Key', newKey())
    .set(ward)
    .send({
      type: 'needs-assessed',
      occurredAt: hoursAgo(1),
      data: { socialtjanst: true, kommunalHalsoOchSjukvard: true, regionalPrimarvard: true },
    })
    .expect(201);
  const send = (await tasksOf(http, ward, stayId)).find(
    (t) => t.activityId === 'send-inskrivningsmeddelande',
  );
  if (!send) throw new Error('no send-inskrivningsmeddelande task');
  await http
    .post(`/api/v1/tasks/${send.id}/complete`)
    .set(ward)
    .set('Idempotency-Key', newKey())
    .send({})
    .expect(200);
  const find = (list: TaskView[], activityId: string) => {
    const task = list.find((t) => t.activityId === activityId && t.status === 'open');
    if (!task) throw new Error(`no open ${activityId} task yet`);
    return task;
  };
  return eventually(async () => {
    const list = await tasksOf(http, ward, stayId);
    return {
      stayId,
      tasks: {
        ward: find(list, 'check-existing-plans'),
        vc: find(list, 'acknowledge-inskrivningsmeddelande-vardcentral'),
        hsv: find(list, 'acknowledge-inskrivningsmeddelande-hemsjukvard'),
        bist: find(list, 'acknowledge-inskrivningsmeddelande-socialtjanst'),
      },
    };
  });
}
