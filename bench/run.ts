import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { loadConfig } from '@app/config';
import { auditedTaskPageQuery, taskPageQuery } from '@app/persistence';
import { stayDataConverter } from '@app/temporal';
import { completeTaskUpdate, stayWorkflowId } from '@app/workflows';
import { randomPersonnummer } from '../test/support/fixtures';
import { generateReadModel } from './generate';
import { runMllpBenchmark } from './mllp-bench';
import { runOpenStayBenchmarks } from './open-stays-bench';
import { load, log, progress, summary } from './report';
import { startBenchStack } from './stack';

/**
 * `npm run bench`: starts the real stack and prints figures measured side by side, so they
 * hold on a noisy machine; writes them as JSON under bench/results/, with the load average.
 * Scale with BENCH_TASKS (completions per side), BENCH_SECONDS (admission run), BENCH_STAYS
 * (generated active stays for the list query, 25 000 by default), BENCH_OPEN_STAYS (open
 * stays with pending timers that the worker process holds for 4 and 5, 10 000), BENCH_SETTLE
 * (seconds the worker settles before its RSS is read, 30), BENCH_DUE_SAMPLE (stays falling
 * due during benchmark 4, 400) and BENCH_DUE_WINDOW (the seconds they fall due over, 60).
 * BENCH_ONLY picks benchmarks, e.g. `BENCH_ONLY=4,5 npm run bench` (4 and 5 share their
 * set-up: 4 alone still opens BENCH_OPEN_STAYS stays and reports the RSS too). Workers run as
 * their own processes, from a fresh build with the production command, as deployed (one for
 * 1–3, another on its own task queue for 4 and 5); BENCH_WORKER=source runs them from the
 * sources instead, BENCH_WORKER_FLAGS adds node flags to try for that command (e.g.
 * --cpu-prof), and the WORKER_* settings (libs/config) pass through to them. 6, HL7 v2 over MLLP,
 * runs BENCH_MLLP_SECONDS (20) over BENCH_MLLP_CONNECTIONS (4) connections.
 */
const TASKS = Number(process.env.BENCH_TASKS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const STAYS = Number(process.env.BENCH_STAYS ?? 25_000);
const OPEN_STAYS = Number(process.env.BENCH_OPEN_STAYS ?? 10_000);
const SETTLE = Number(process.env.BENCH_SETTLE ?? 30);
const DUE_SAMPLE = Number(process.env.BENCH_DUE_SAMPLE ?? 400);
const DUE_WINDOW = Number(process.env.BENCH_DUE_WINDOW ?? 60);
const MLLP_SECONDS = Number(process.env.BENCH_MLLP_SECONDS ?? 20);
const MLLP_CONNECTIONS = Number(process.env.BENCH_MLLP_CONNECTIONS ?? 4);
const ONLY = new Set((process.env.BENCH_ONLY ?? '1,2,3,4,5,6').split(',').map((b) => b.trim()));
const WARD = 'sv-sahlgrenska-avd-32';

const WARD_NURSE = 'demo-ward-goteborg';
const listFilter = (now: Date) => ({ unitIds: [WARD], overdue: true, limit: 51, now }); // 50 + 1
/** The statement TaskQueryRepository.page runs for a unit's live overdue tasks, run raw. */
const rawTaskList = (now: Date) =>
  auditedTaskPageQuery(listFilter(now), {
    reader: { userId: WARD_NURSE, role: 'ward_staff', unitId: WARD, action: 'task.list' },
    shown: 50,
  });

async function main(): Promise<void> {
  log('Starting the stack (Temporal dev server, PostgreSQL, worker, API)…');
  const stack = await startBenchStack(() => undefined);
  const results: Record<string, unknown> = {
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    measuredAt: new Date().toISOString(),
    benchmarks: [...ONLY].sort(),
    load: { atStart: load() },
  };
  const lines: Record<string, string[]> = {};
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
          body: JSON.stringify({ userId: WARD_NURSE }),
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

    if (ONLY.has('3')) {
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
      const perSecond = Number((admitted / ((Date.now() - admissionStarted) / 1000)).toFixed(1));
      results.admissions = { perSecond, total: admitted, seconds: SECONDS, target: '≥ 50/s' };
      lines[3] = [
        `3. admissions              ${perSecond}/s sustained over ${SECONDS} s (target ≥ 50/s)`,
      ];
    }

    if (ONLY.has('1')) {
      // 1. Complete-task through HTTP against a bare Workflow Update on the same server.
      log(
        `\n1. Completions: ${TASKS} through HTTP, ${TASKS} as bare Workflow Updates, interleaved…`,
      );
      const tasks: { id: string; stayId: string }[] = [];
      while (tasks.length < 2 * TASKS) {
        const stayId = await admit();
        await http(`/api/v1/stays/${stayId}/events`, {
          method: 'POST',
          token,
          key: `bench-event-${stayId}`,
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
        await client.workflow
          .getHandle(stayWorkflowId(b.stayId))
          .executeUpdate(completeTaskUpdate, {
            args: [{ taskId: b.id, actor: 'bench', occurredAt: new Date().toISOString() }],
            updateId: `bench-${b.id}`,
          });
        bare.push(performance.now() - t);
        progress('   completing', i + 1, TASKS);
      }
      await client.connection.close();
      const http1 = summary(viaHttp);
      const bare1 = summary(bare);
      const ratioP50 = Number((http1.p50 / bare1.p50).toFixed(2));
      const ratioP95 = Number((http1.p95 / bare1.p95).toFixed(2));
      results.completeTask = {
        http: http1,
        bareUpdate: bare1,
        ratioP50,
        ratioP95,
        target: 'HTTP ≤ 1.5× the bare update',
      };
      lines[1] = [
        `1. complete-task via HTTP  p50 ${http1.p50} ms  p95 ${http1.p95} ms`,
        `   bare Workflow Update    p50 ${bare1.p50} ms  p95 ${bare1.p95} ms  → ratio p50 ${ratioP50}×, p95 ${ratioP95}× (target ≤ 1.5×)`,
      ];
    }

    if (ONLY.has('2')) {
      // 2. The ward's task list at scale: page of 50, overdue filter, through HTTP against the
      // same statement run raw (the page and its audit rows), and its SELECT alone.
      log(`\n2. Generating ${STAYS} active stays with about 60 tasks each…`);
      const taskRows = await generateReadModel(stack.databaseUrl, STAYS, (done, total) =>
        progress('   generating', done, total),
      );
      log(
        `\n   ${taskRows} task rows; 200 list requests through HTTP, 200 of its statement raw ` +
          'and 200 of the SELECT alone, interleaved…',
      );
      const pg = new PgClient({ connectionString: stack.databaseUrl });
      await pg.connect();
      const listing: number[] = [];
      const raw: number[] = [];
      const select: number[] = [];
      const timed = async (into: number[], run: () => Promise<unknown>) => {
        const t = performance.now();
        await run();
        into.push(performance.now() - t);
      };
      for (let i = 0; i < 200; i++) {
        await timed(listing, () => http(`/api/v1/tasks?unit=${WARD}&overdue=true`, { token }));
        const audited = rawTaskList(new Date());
        await timed(raw, () => pg.query(audited.text, audited.values));
        const bare = taskPageQuery(listFilter(new Date()));
        await timed(select, () => pg.query(bare.text, bare.values));
      }
      await pg.end();
      const [h, r, b] = [summary(listing), summary(raw), summary(select)];
      const ratioP95 = Number((h.p95 / r.p95).toFixed(2));
      const selectRatioP95 = Number((h.p95 / b.p95).toFixed(2));
      results.taskList = {
        http: h,
        rawSql: r,
        rawSelectOnly: b,
        ratioP95,
        selectRatioP95,
        stays: STAYS,
        taskRows,
        target: 'HTTP p95 ≤ 1.3× raw SQL (the statement the API runs: the page and its audit rows)',
      };
      lines[2] = [
        `2. task list via HTTP      p50 ${h.p50} ms  p95 ${h.p95} ms (${taskRows} task rows)`,
        `   same statement raw SQL  p50 ${r.p50} ms  p95 ${r.p95} ms  → ratio p95 ${ratioP95}× (target ≤ 1.3×)`,
        `   its SELECT alone        p50 ${b.p50} ms  p95 ${b.p95} ms  → ratio p95 ${selectRatioP95}× (no audit rows)`,
      ];
    }

    if (ONLY.has('6')) {
      // 6. HL7 v2 ADT over MLLP, each message ACKed after it is stored and applied.
      log(
        `\n6. HL7 v2 over MLLP for ${MLLP_SECONDS} s, ${MLLP_CONNECTIONS} connections (A01 then A03)…`,
      );
      const m = await runMllpBenchmark({ seconds: MLLP_SECONDS, connections: MLLP_CONNECTIONS });
      results.mllp = m;
      lines[6] = [
        `6. HL7 v2 over MLLP        ${m.perSecond} messages/s accepted (AA after durable acceptance) over ${m.seconds} s, ${m.connections} connections; ACK p50 ${m.ack.p50} ms  p95 ${m.ack.p95} ms${m.refused > 0 ? `; ${m.refused} refused` : ''}`,
      ];
    }

    if (ONLY.has('4') || ONLY.has('5')) {
      // 4 and 5. The worker as its own process, holding open stays that sleep on timers.
      log(`\n4/5. Worker process with ${OPEN_STAYS} open stays (needs assessed, timers pending)…`);
      const { workerRss: m, overdueDetection: o } = await runOpenStayBenchmarks({
        temporalAddress: stack.temporalAddress,
        taskQueue: `${stack.taskQueue}-open-stays`,
        openStays: OPEN_STAYS,
        settleSeconds: SETTLE,
        dueSample: DUE_SAMPLE,
        dueWindowSeconds: DUE_WINDOW,
        overdue: ONLY.has('4'),
      });
      if (o) {
        results.overdueDetection = { ...o, openStays: OPEN_STAYS };
        const late =
          o.lateSetUp + o.missing > 0 ? `, ${o.lateSetUp} late, ${o.missing} missing` : '';
        lines[4] = [
          `4. overdue detection       p50 ${o.visible.p50} ms  p95 ${o.visible.p95} ms  p99 ${o.visible.p99} ms  max ${o.visible.max} ms (n ${o.visible.n}${late}; ${o.dueRatePerSecond}/s due, ${OPEN_STAYS} open stays; target p99 < 2 s)`,
          `   deviation recorded_at   p50 ${o.recorded.p50} ms  p99 ${o.recorded.p99} ms; task row p50 ${o.taskProjected.p50} ms  p99 ${o.taskProjected.p99} ms after due; timer fired p50 ${o.timerFired.p50} ms  p99 ${o.timerFired.p99} ms after due`,
          `   (each timer was set by a workflow task that ran p50 ${o.timerSetByTaskOf.p50} ms, p99 ${o.timerSetByTaskOf.p99} ms)`,
        ];
      }
      results.workerRss = m;
      lines[5] = [
        `5. worker RSS              ${m.steadyMB} MB steady with ${OPEN_STAYS} open stays${m.afterOverdueMB === undefined ? '' : `, ${m.afterOverdueMB} MB after 4`}, peak ${m.peakMB} MB (idle ${m.idleMB} MB; target ≤ 300 MB)`,
      ];
    }

    (results.load as Record<string, unknown>).atEnd = load();
    log('\n');
    for (const line of Object.values(lines).flat()) log(line);
    log(
      `load average ${load().join(' ')} (at start ${(results.load as { atStart: number[] }).atStart.join(' ')}), ${cpus().length} cores`,
    );
    const dir = join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${String(results.measuredAt).replace(/[:.]/g, '-')}.json`);
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
