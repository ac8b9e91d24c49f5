import { writeFileSync } from 'node:fs';

/**
 * For container health checks (the worker has no HTTP port): while `healthy()` holds, the
 * file is rewritten every 10 s; a check that finds it older than a minute fails.
 */
export function startHeartbeat(
  file: string | undefined,
  healthy: () => boolean,
): NodeJS.Timeout | undefined {
  if (!file) return undefined;
  const beat = () => {
    if (healthy()) writeFileSync(file, new Date().toISOString());
  };
  beat();
  const timer = setInterval(beat, 10_000);
  timer.unref();
  return timer;
}
