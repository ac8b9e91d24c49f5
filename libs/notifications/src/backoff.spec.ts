import { afterFailure } from './backoff';

describe('retry backoff', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  const policy = { baseSeconds: 30, maxAttempts: 10 };
  const delay = (attempt: number) => {
    const outcome = afterFailure(attempt, policy, now);
    return 'retryAt' in outcome ? (outcome.retryAt.getTime() - now.getTime()) / 1000 : undefined;
  };

  it('doubles the wait after each failed attempt', () => {
    expect([1, 2, 3, 4].map(delay)).toEqual([30, 60, 120, 240]);
  });

  it('waits at most an hour between attempts', () => {
    expect(delay(9)).toBe(3600);
  });

  it('gives up after the last attempt', () => {
    expect(afterFailure(10, policy, now)).toEqual({ givenUp: true });
    expect(afterFailure(1, { baseSeconds: 1, maxAttempts: 1 }, now)).toEqual({ givenUp: true });
  });
});
