import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporalCliPath } from '../../tools/stack/paths';

/**
 * Saves a stay's workflow history, as the Temporal CLI exports it, into test/replay/ for the
 * replay test (npm run replay), when the run is asked to record: RECORD_REPLAY_HISTORIES=1.
 * With a runId, that run's history (e.g. the first run, which ends in continue-as-new).
 */
export function recordReplayHistory(stayId: string, name: string, runId?: string): void {
  if (!process.env.RECORD_REPLAY_HISTORIES) return;
  const json = execFileSync(temporalCliPath, [
    'workflow',
    'show',
    '--address',
    process.env.TEMPORAL_ADDRESS ?? '',
    '--workflow-id',
    `stay-${stayId}`,
    ...(runId ? ['--run-id', runId] : []),
    '--output',
    'json',
  ]);
  writeFileSync(join(__dirname, '..', 'replay', `${name}.json`), json);
}
