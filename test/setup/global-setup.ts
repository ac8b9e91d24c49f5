import { startEphemeralStack } from '../../tools/stack/ephemeral';
import { stackHandles } from './handles';

const testPayloadCodecKey = Buffer.alloc(32, 'utskrivningsflodet-test').toString('base64');

/**
 * Starts, once per test run, a real Temporal dev server (in memory, headless) and a real
 * PostgreSQL (DATABASE_URL's server, or an embedded one), with a fresh migrated database.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stdout.write(`[e2e setup] ${line}\n`);
  const started = Date.now();
  const stack = await startEphemeralStack('e2e', log);
  Object.assign(process.env, stack.env, {
    // A fixed, test-only key: histories recorded by tests (test/replay) replay with it.
    PAYLOAD_CODEC_KEY: testPayloadCodecKey,
    PAYLOAD_CODEC_KEY_ID: 'test',
    /** For tests that create databases of their own (migration runner tests). */
    TEST_ADMIN_DATABASE_URL: stack.postgres.adminUrl,
  });
  stackHandles.set(stack);
  log(`stack ready in ${Date.now() - started} ms (database ${stack.database})`);
}
