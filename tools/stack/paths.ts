import { join, resolve } from 'node:path';

/** Folders of the local stack; all git-ignored. */
export const repoRoot = resolve(__dirname, '..', '..');
export const dataDir = join(repoRoot, '.data');
export const toolsBinDir = join(repoRoot, '.tools', 'bin');
export const temporalCliPath = join(toolsBinDir, 'temporal');
export const migrationsDir = join(repoRoot, 'prisma', 'migrations');
/** The Temporal CLI version that still builds with `go install` (later ones carry replace directives). */
export const temporalCliModule = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
