import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

/**
 * A real HTTP server on loopback that receives webhooks. `answer` decides each response
 * (status code, or 'hold' to never answer: a receiver that is slow or a sender that dies).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private server?: Server;
  private readonly held: ServerResponse[] = [];
  port = 0;

  constructor(public answer: (hook: ReceivedWebhook, seenBefore: number) => number | 'hold') {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/utskrivning`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const hook = {
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        };
        const seenBefore = this.received.filter(
          (h) => h.headers['webhook-id'] === hook.headers['webhook-id'],
        ).length;
        this.received.push(hook);
        const answer = this.answer(hook, seenBefore);
        if (answer === 'hold') this.held.push(res);
        else res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  of(webhookId: string): ReceivedWebhook[] {
    return this.received.filter((h) => h.headers['webhook-id'] === webhookId);
  }

  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
