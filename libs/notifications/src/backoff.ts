/** How deliveries are retried: exponential backoff from `baseSeconds`, capped at an hour. */
export interface RetryPolicy {
  baseSeconds: number;
  maxAttempts: number;
}

const MAX_DELAY_SECONDS = 3600;

/**
 * After the `attempt`-th failed attempt (1-based): when to try again, or that it is given up.
 * base × 2^(attempt−1): with 30 s, 30 s, 1 min, 2 min, 4 min, … at most 1 h between attempts.
 */
export function afterFailure(
  attempt: number,
  policy: RetryPolicy,
  now: Date = new Date(),
): { retryAt: Date } | { givenUp: true } {
  if (attempt >= policy.maxAttempts) return { givenUp: true };
  const seconds = Math.min(policy.baseSeconds * 2 ** Math.max(0, attempt - 1), MAX_DELAY_SECONDS);
  return { retryAt: new Date(now.getTime() + seconds * 1000) };
}
