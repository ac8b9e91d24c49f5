import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { loadConfig } from '@app/config';
import { stayDataConverter } from '@app/temporal';
import { completeTaskUpdate, stayWorkflowId } from '@app/workflows';
import { randomPersonnummer } from '../test/support/fixtures';
import { generateReadModel } from './generate';
import { startBenchStack } from './stack';

/**
 * `npm run bench`: starts the real stack and prints figures measured side by side, so they
 * hold on a noisy machine; writes them as JSON under bench/results/. Scale with
 * BENCH_TASKS (completions per side), BENCH_SECONDS (admission run) and BENCH_STAYS
 * (generated active stays for the list query, 25 000 by default).
 */
const TASKS = Number(process.env.BENCH_TASKS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const STAYS = Number(process.env.BENCH_STAYS ?? 25_000);
const WARD = 'sv-sahlgrenska-avd-32';

/** What TaskQueryRepository.page asks for a unit's live overdue tasks, as plain SQL. */
const RAW_TASK_LIST = `
  SELECT * FROM task
  WHERE status IN ('open', 'claimed') AND unit_id = $1
    AND (overdue OR (status IN ('open', 'claimed') AND due_at <= $2))
  ORDER BY due_at ASC NULLS LAST, id ASC
  LIMIT 50`;

const log = (line: string) => process.stdout.write(`${line}\n`);
const pct = (sorted: number[], p: number) =>
  Number(
    (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN).toFixed(1),
  );
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: pct(sorted, 50), p95: pct(sorted, 95), p99: pct(sorted, 99) };
};
const progress = (label: string, done: number, total: number) =>
  process.stdout.write(
    `\r${label} ${'█'.repeat(Math.round((20 * done) / total)).padEnd(20, '░')} ${done}/${total}`,
  );

async function main(): Promise<void> {
  log('Starting the stack (Temporal dev server, PostgreSQL, worker, API)…');
  const stack = await startBenchStack(() => undefined);
  try {
    const http = async (
      path: string,
      init: RequestInit & { token?: string; key?: string } = {},
    ) => {
      const response = await fetch(`${stack.apiUrl}${path}`, {
        ...init,
        headers: {
          'Content-Type': 'application/json',
          ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
          ...(init.key ? { 'Idempotency-Key': init.key } : {}),
        },
      });
      if (!response.ok)
        throw new Error(
          `${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`,
        );
      return response.json() as Promise<Record<string, unknown>>;
    };
    const token = String(
      (
        await http('/api/v1/dev/token', {
          method: 'POST',
          body: JSON.stringify({ userId: 'demo-ward-goteborg' }),
        })
      ).accessToken,
    );
    const admit = async () => {
      const stay = await http('/api/v1/stays', {
        method: 'POST',
        token,
        key: `bench-${crypto.randomUUID()}`,
        body: JSON.stringify({
          patient: {
            personnummer: randomPersonnummer(),
            name: 'Bench Bench',
            folkbokforingskommun: '1480',
            listedVardcentralUnitId: 'rpv-vc-majorna',
          },
          wardUnitId: WARD,
          admittedAt: new Date(Date.now() - 3_600_000).toISOString(),
          careType: 'somatic',
        }),
      });
      return String(stay.id);
    };

    // 3. Sustained admissions: admitted and first tasks visible in the unit's list.
    log(`\n3. Admissions for ${SECONDS} s, 8 at a time…`);
    let admitted = 0;
    const until = Date.now() + SECONDS * 1000;
    const admissionStarted = Date.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (Date.now() < until) {
          const stayId = await admit();
          const list = await http(`/api/v1/tasks?unit=${WARD}&stay=${stayId}`, { token });
          if (!Array.isArray(list.items) || list.items.length === 0)
            throw new Error('no tasks visible');
          admitted += 1;
          progress(
            '   admissions',
            Math.min(Date.now() - admissionStarted, SECONDS * 1000),
            SECONDS * 1000,
          );
        }
      }),
    );
    const admissionsPerSecond = Number(
      (admitted / ((Date.now() - admissionStarted) / 1000)).toFixed(1),
    );

    // 1. Complete-task through HTTP against a bare Workflow Update on the same server.
    log(`\n1. Completions: ${TASKS} through HTTP, ${TASKS} as bare Workflow Updates, interleaved…`);
    const tasks: { id: string; stayId: string }[] = [];
    while (tasks.length < 2 * TASKS) {
      const stayId = await admit();
      await http(`/api/v1/stays/${stayId}/events`, {
        method: 'POST',
        token,
        body: JSON.stringify({
          type: 'needs-assessed',
          occurredAt: new Date().toISOString(),
          data: { socialtjanst: true, kommunalHalsoOchSjukvard: true, regionalPrimarvard: true },
        }),
      });
      const list = await http(`/api/v1/tasks?unit=${WARD}&stay=${stayId}`, { token });
      for (const item of list.items as { id: string; stayId: string }[]) tasks.push(item);
      progress('   preparing', Math.min(tasks.length, 2 * TASKS), 2 * TASKS);
    }
    const client = new Client({
      connection: await Connection.connect({ address: stack.temporalAddress }),
      dataConverter: stayDataConverter(loadConfig()),
    });
    const viaHttp: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < TASKS; i++) {
      const [a, b] = [tasks[2 * i], tasks[2 * i + 1]];
      if (!a || !b) break;
      let t = performance.now();
      await http(`/api/v1/tasks/${a.id}/complete`, {
        method: 'POST',
        token,
        key: `bench-${a.id}`,
        body: '{}',
      });
      viaHttp.push(performance.now() - t);
      t = performance.now();
      await client.workflow.getHandle(stayWorkflowId(b.stayId)).executeUpdate(completeTaskUpdate, {
        args: [{ taskId: b.id, actor: 'bench', occurredAt: new Date().toISOString() }],
        updateId: `bench-${b.id}`,
      });
      bare.push(performance.now() - t);
      progress('   completing', i + 1, TASKS);
    }
    await client.connection.close();

    // 2. The ward's task list at scale: page of 50, overdue filter, through HTTP against the
    // same query run raw (the repository's query, written out as SQL).
    log(`\n2. Generating ${STAYS} active stays with about 60 tasks each…`);
    const taskRows = await generateReadModel(stack.databaseUrl, STAYS, (done, total) =>
      progress('   generating', done, total),
    );
    log(`\n   ${taskRows} task rows; 200 list requests through HTTP and 200 raw, interleaved…`);
    const pg = new PgClient({ connectionString: stack.databaseUrl });
    await pg.connect();
    const listing: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < 200; i++) {
      let t = performance.now();
      await http(`/api/v1/tasks?unit=${WARD}&overdue=true`, { token });
      listing.push(performance.now() - t);
      t = performance.now();
      await pg.query(RAW_TASK_LIST, [WARD, new Date()]);
      raw.push(performance.now() - t);
    }
    await pg.end();

    const http1 = summary(viaHttp);
    const bare1 = summary(bare);
    const results = {
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      measuredAt: new Date().toISOString(),
      completeTask: {
        http: http1,
        bareUpdate: bare1,
        ratioP50: Number((http1.p50 / bare1.p50).toFixed(2)),
        ratioP95: Number((http1.p95 / bare1.p95).toFixed(2)),
        target: 'HTTP ≤ 1.5× the bare update',
      },
      admissions: {
        perSecond: admissionsPerSecond,
        total: admitted,
        seconds: SECONDS,
        target: '≥ 50/s',
      },
      taskList: {
        http: summary(listing),
        rawSql: summary(raw),
        ratioP95: Number((summary(listing).p95 / summary(raw).p95).toFixed(2)),
        stays: STAYS,
        taskRows,
        target: 'HTTP p95 ≤ 1.3× raw SQL',
      },
    };
    log('\n');
    log(`1. complete-task via HTTP  p50 ${http1.p50} ms  p95 ${http1.p95} ms`);
    log(
      `   bare Workflow Update    p50 ${bare1.p50} ms  p95 ${bare1.p95} ms  → ratio p50 ${results.completeTask.ratioP50}×, p95 ${results.completeTask.ratioP95}× (target ≤ 1.5×)`,
    );
    log(
      `2. task list via HTTP      p50 ${results.taskList.http.p50} ms  p95 ${results.taskList.http.p95} ms (${taskRows} task rows)`,
    );
    log(
      `   same query raw SQL      p50 ${results.taskList.rawSql.p50} ms  p95 ${results.taskList.rawSql.p95} ms  → ratio p95 ${results.taskList.ratioP95}× (target ≤ 1.3×)`,
    );
    log(
      `3. admissions              ${admissionsPerSecond}/s sustained over ${SECONDS} s (target ≥ 50/s)`,
    );
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${results.measuredAt.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    log(`Written to ${file}`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
