import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import request from 'supertest';
import { addSpanProcessor } from '@app/telemetry';
import { demo, signInAll } from '../support/auth';
import { admissionBody, newKey, randomPersonnummer } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';

/**
 * Operations: Prometheus metrics at /metrics, and one trace from the API through Temporal to
 * the worker (spans caught in memory; OTLP/HTTP is used only when configured).
 */
describe('metrics and traces', () => {
  const spans = new InMemorySpanExporter();
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let as: Record<'po' | 'ward', { Authorization: string }>;
  const personnummer = randomPersonnummer();

  beforeAll(async () => {
    addSpanProcessor(new SimpleSpanProcessor(spans));
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    as = await signInAll(http, { po: demo.processagare, ward: demo.wardGoteborg });
  }, 120_000);
  afterAll(() => apps.close());

  it('one admission gives connected spans in the API and in the worker', async () => {
    spans.reset();
    const admitted = await http
      .post('/api/v1/stays')
      .set(as.ward)
      .set('Idempotency-Key', newKey())
      .send(
        admissionBody({
          patient: {
            personnummer,
            name: 'Spårad Spårsson',
            folkbokforingskommun: '1480',
            listedVardcentralUnitId: 'rpv-vc-majorna',
          },
        }),
      )
      .expect(201);
    const stayId = admitted.body.id as string;
    const names = () => spans.getFinishedSpans().map((s) => s.name);
    for (let i = 0; i < 100 && !names().includes('RunActivity:projectTasks'); i++)
      await new Promise((r) => setTimeout(r, 100));
    const finished = spans.getFinishedSpans();
    // The API's span is the root; the workflow's own RunWorkflow span stays open while the
    // stay lives, so the finished worker spans hang below spans not exported yet.
    const client = finished.find((s) => s.name === 'UpdateWithStartWorkflow:admit');
    if (!client) throw new Error(`no client span among ${names().join(', ')}`);
    expect(client.parentSpanId).toBeUndefined();
    const traceId = client.spanContext().traceId;
    const inTrace = finished.filter((s) => s.spanContext().traceId === traceId);
    expect(inTrace.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'UpdateWithStartWorkflow:admit',
        'HandleUpdate:admit',
        // The API resolves the units; the worker links a readmission while it projects tasks.
        'StartActivity:linkReadmission',
        'RunActivity:linkReadmission',
        'StartActivity:projectTasks',
        'RunActivity:projectTasks',
      ]),
    );
    // Every activity run hangs below the workflow's StartActivity span of the same activity.
    for (const run of inTrace.filter((s) => s.name.startsWith('RunActivity:'))) {
      const started = inTrace.find((s) => s.spanContext().spanId === run.parentSpanId);
      expect(started?.name).toBe(run.name.replace('RunActivity', 'StartActivity'));
    }
    expect(inTrace.filter((s) => s.name !== client.name).every((s) => s.parentSpanId)).toBe(true);
    const text = JSON.stringify(
      inTrace.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })),
    );
    expect(text).not.toContain(personnummer);
    expect(text).not.toContain('Spårsson');
    console.log(`trace of admission ${stayId}: ${inTrace.map((s) => s.name).join(', ')}`);
  });

  it('serves Prometheus metrics: tasks per lane, deviations, request and Update latency', async () => {
    await http.get('/api/v1/me').set(as.po).expect(200);
    const response = await http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.text;
    expect(text).toMatch(/^utskrivning_tasks_open\{lane="slutenvard"\} [1-9]\d*$/m);
    expect(text).toMatch(/^utskrivning_tasks_overdue\{lane="slutenvard"\} \d+$/m);
    expect(text).toContain('# TYPE utskrivning_deviations gauge');
    expect(text).toMatch(
      /^utskrivning_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/me",status="200"\} [1-9]/m,
    );
    expect(text).toMatch(
      /^utskrivning_temporal_update_duration_seconds_count\{update="[\w-]+",outcome="ok"\} [1-9]/m,
    );
    expect(text).not.toContain(personnummer);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });
});
