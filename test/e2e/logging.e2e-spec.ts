import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { freePort, isPortOpen, waitFor } from '../../tools/stack/ports';
import {
  admissionBody,
  hoursAgo,
  newKey,
  randomPersonnummer,
  withWrongCheckDigit,
} from '../support/fixtures';
import { WorkerProcess } from '../support/worker-process';

/**
 * The API and the worker run as their own processes at the most talkative log level while a
 * patient is admitted, assessed and refused once for a bad personnummer: nothing they print
 * may contain the personnummer or the name.
 */
const root = join(__dirname, '..', '..');

describe('logs carry no patient data', () => {
  let api: ChildProcess;
  let worker: WorkerProcess;
  let apiOutput = '';
  let port: number;
  const env = {
    ...process.env,
    TEMPORAL_TASK_QUEUE: `logging-${randomUUID()}`,
    LOG_LEVEL: 'trace',
  };

  beforeAll(async () => {
    port = await freePort();
    worker = await WorkerProcess.start(env);
    api = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: root,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout?.on('data', (chunk: Buffer) => (apiOutput += chunk.toString()));
    api.stderr?.on('data', (chunk: Buffer) => (apiOutput += chunk.toString()));
    await waitFor('the API', () => isPortOpen(port), 60_000);
  });
  afterAll(async () => {
    api.kill('SIGTERM');
    await worker.stop();
  });

  it('prints requests and workflow activity, but neither personnummer nor name', async () => {
    const http = request(`http://127.0.0.1:${port}`);
    const token = await http.post('/api/v1/dev/token').send({ userId: 'demo-ward-goteborg' });
    const auth = { Authorization: `Bearer ${token.body.accessToken as string}` };
    const personnummer = randomPersonnummer();
    const name = `Loggtest ${randomUUID().slice(0, 8)}`;
    const body = admissionBody();
    const admitted = await http
      .post('/api/v1/stays')
      .set(auth)
      .set('Idempotency-Key', newKey())
      .send({ ...body, patient: { ...body.patient, personnummer, name } })
      .expect(201);
    await http
      .post(`/api/v1/stays/${admitted.body.id as string}/events`)
      .set('Idempotency-Key', newKey())
      .set(auth)
      .send({
        type: 'needs-assessed',
        occurredAt: hoursAgo(1),
        data: { socialtjanst: true, kommunalHalsoOchSjukvard: true, regionalPrimarvard: true },
      })
      .expect(201);
    await http
      .post('/api/v1/stays')
      .set(auth)
      .set('Idempotency-Key', newKey())
      .send({
        ...body,
        patient: { ...body.patient, personnummer: withWrongCheckDigit(personnummer), name },
      })
      .expect(400);
    await http
      .get(`/api/v1/stays/${admitted.body.id as string}`)
      .set(auth)
      .expect(200);
    await new Promise((r) => setTimeout(r, 500)); // let both processes flush

    const output = apiOutput + worker.output();
    expect(output).toContain('/api/v1/stays'); // the requests were logged at all
    expect(output.length).toBeGreaterThan(1000);
    const digits = personnummer.slice(2); // also without the century
    for (const secret of [personnummer, digits, `${digits.slice(0, 6)}-${digits.slice(6)}`, name])
      expect(output).not.toContain(secret);
  });
});
