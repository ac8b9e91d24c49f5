import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { stayDataConverter } from '@app/temporal';
import { workflowBundlerOptions, workflowsPath } from '@app/workflows';

/**
 * Replays every recorded history (Temporal's JSON export, e.g. `temporal workflow show
 * --output json`) in a folder against the current workflow code. Exits non-zero on the
 * first non-determinism. Runs as a plain Node process: protobufjs's JSON support does not
 * work inside Jest's module registry.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  // Histories recorded by the tests are encrypted with the tests' fixed key; older ones are
  // plain and pass through the codec.
  const dataConverter = stayDataConverter({
    PAYLOAD_CODEC_KEY:
      process.env.PAYLOAD_CODEC_KEY ??
      Buffer.alloc(32, 'utskrivningsflodet-test').toString('base64'),
    PAYLOAD_CODEC_KEY_ID: process.env.PAYLOAD_CODEC_KEY_ID ?? 'test',
    // Replay reads recorded histories, some from before encryption: the migration case.
    PAYLOAD_CODEC_ALLOW_PLAINTEXT: 'true',
  });
  const dir = resolve(process.argv[2] ?? join(__dirname, '..', 'test', 'replay'));
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  if (files.length === 0) throw new Error(`no recorded histories in ${dir}`);
  for (const file of files) {
    const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    await Worker.runReplayHistory(
      { workflowsPath, bundlerOptions: workflowBundlerOptions, dataConverter },
      history,
      file.replace(/\.json$/, ''),
    );
    console.log(`replayed ${file}: ${history.events?.length ?? 0} events, deterministic`);
  }
}

main().catch((error: unknown) => {
  console.error(`replay failed: ${(error as Error).name}: ${(error as Error).message}`);
  process.exit(1);
});
