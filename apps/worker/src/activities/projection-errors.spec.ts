import { ApplicationFailure } from '@temporalio/common';
import { PROJECTION_DATA_ERROR } from '@app/workflows';
import { asProjectionFailure, sqlStateOf } from './projection-errors';

/** Prisma's wrapping of a PostgreSQL error raised through @prisma/adapter-pg. */
const prismaError = (originalCode: string) =>
  Object.assign(new Error('Invalid `prisma.task.upsert()` invocation: value "x"'), {
    name: 'PrismaClientKnownRequestError',
    code: 'P2010',
    meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode, code: originalCode } } },
  });
const pgError = (code: string) => Object.assign(new Error('violates check constraint'), { code });

describe('projection failures', () => {
  it('finds the SQLSTATE through Prisma, node-postgres and causes', () => {
    expect(sqlStateOf(prismaError('23505'))).toBe('23505');
    expect(sqlStateOf(pgError('22P02'))).toBe('22P02');
    expect(sqlStateOf(new Error('wrapped', { cause: pgError('23514') }))).toBe('23514');
    expect(sqlStateOf(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBeUndefined();
  });

  it.each(['22001', '22P02', '23502', '23503', '23505', '23514'])(
    'makes SQLSTATE %s non-retryable, naming only the code',
    (code) => {
      const failure = asProjectionFailure('projectTasks', prismaError(code));
      expect(failure).toBeInstanceOf(ApplicationFailure);
      const app = failure as ApplicationFailure;
      expect(app.type).toBe(PROJECTION_DATA_ERROR);
      expect(app.nonRetryable).toBe(true);
      expect(app.details).toEqual([{ sqlState: code, activity: 'projectTasks' }]);
      expect(app.message).not.toContain('"x"');
    },
  );

  it('leaves outages and unknown errors to be retried', () => {
    for (const error of [
      pgError('08006'),
      pgError('57P01'),
      pgError('40001'),
      prismaError('53300'),
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
    ])
      expect(asProjectionFailure('projectStay', error)).toBe(error);
  });

  it("refuses our own validation's errors for good", () => {
    const validation = Object.assign(new Error('Argument `id` is missing.'), {
      name: 'PrismaClientValidationError',
    });
    expect(
      (asProjectionFailure('projectEvent', validation) as ApplicationFailure).nonRetryable,
    ).toBe(true);
  });
});
