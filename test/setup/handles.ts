import type { EphemeralStack } from '../../tools/stack/ephemeral';

/** What global setup started, kept for global teardown (both run in Jest's parent process). */
const key = Symbol.for('utskrivning.e2e.stack');

export const stackHandles = {
  set(stack: EphemeralStack): void {
    (globalThis as Record<symbol, unknown>)[key] = stack;
  },
  get(): EphemeralStack | undefined {
    return (globalThis as Record<symbol, unknown>)[key] as EphemeralStack | undefined;
  },
};
