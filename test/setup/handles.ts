import type { PostgresServer } from '../../tools/stack/postgres';
import type { TemporalDevServer } from '../../tools/stack/temporal';

/** What global setup started, kept for global teardown (both run in Jest's parent process). */
export interface StackHandles {
  temporal: TemporalDevServer;
  postgres: PostgresServer;
  database: string;
}

const key = Symbol.for('utskrivning.e2e.stack');

export const stackHandles = {
  set(handles: StackHandles): void {
    (globalThis as Record<symbol, unknown>)[key] = handles;
  },
  get(): StackHandles | undefined {
    return (globalThis as Record<symbol, unknown>)[key] as StackHandles | undefined;
  },
};
