import { exitWhenWorkerFails } from './temporal-worker.service';

describe('a worker whose run() fails', () => {
  it('exits the process non-zero, saying why', async () => {
    const exit = jest.fn();
    const log = jest.fn();
    const failed = Promise.reject(new Error('Shutdown: poller failed'));
    exitWhenWorkerFails(failed, log, exit);
    await new Promise((resolve) => setImmediate(resolve));
    expect(exit).toHaveBeenCalledWith(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('poller failed'));
  });

  it('does not exit when the worker stops gracefully', async () => {
    const exit = jest.fn();
    exitWhenWorkerFails(Promise.resolve(), jest.fn(), exit);
    await new Promise((resolve) => setImmediate(resolve));
    expect(exit).not.toHaveBeenCalled();
  });
});
