import { AppError } from '@app/domain';
import { fromInfrastructureError } from './infrastructure-errors';

/** Errors as node-postgres raises them when a statement runs on the pool directly. */
const pgError = (message: string, code?: string): Error =>
  Object.assign(new Error(message), code ? { code } : {});

describe('fromInfrastructureError: PostgreSQL through node-postgres', () => {
  it.each([
    ['refused', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['shut down by an administrator', pgError('terminating connection', '57P01')],
    ['starting up', pgError('the database system is starting up', '57P03')],
    ['a connection exception', pgError('connection failure', '08006')],
    ['lost mid-statement', pgError('Connection terminated unexpectedly')],
    ['ended while waiting', pgError('Connection terminated due to connection timeout')],
  ])('%s → 503', (_, error) => {
    const mapped = fromInfrastructureError(error);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped?.kind).toBe('unavailable');
  });

  it.each([
    ['a syntax error', pgError('syntax error at or near "x"', '42601')],
    ['a unique violation', pgError('duplicate key value', '23505')],
    ['a code that only starts like one', pgError('odd', '0800')],
    ['any other error', new Error('something else')],
  ])('%s is not an outage', (_, error) => {
    expect(fromInfrastructureError(error)).toBeUndefined();
  });
});
