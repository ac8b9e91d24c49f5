import { join } from 'node:path';
import { z } from 'zod';
import { prepareDatabase } from '@app/persistence';

/**
 * Applies the SQL migrations (and, with SEED_DEMO_DATA=true, the demo units and users) to
 * DATABASE_URL, then exits: the step a deployment runs before it starts api and worker.
 */
const env = z
  .object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
    MIGRATIONS_DIR: z.string().default(join(process.cwd(), 'prisma', 'migrations')),
    SEED_DEMO_DATA: z.enum(['true', 'false']).default('false'),
  })
  .safeParse(process.env);

async function main(): Promise<void> {
  if (!env.success) {
    const issue = env.error.issues[0];
    throw new Error(`Invalid configuration: ${String(issue?.path[0])} ${issue?.message ?? ''}`);
  }
  const { DATABASE_URL, MIGRATIONS_DIR, SEED_DEMO_DATA } = env.data;
  const result = await prepareDatabase(DATABASE_URL, MIGRATIONS_DIR, {
    seed: SEED_DEMO_DATA === 'true',
  });
  process.stdout.write(
    `migrations: ${result.applied.length} applied, ${result.alreadyApplied} already there\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
