import { createServer, type Server, type Socket } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AdtInbound, refuse, type AckDecision, type Refusal } from '@app/integration';
import { ackTargetOf, buildAck } from './ack';
import { decodeHl7, encodeHl7 } from './hl7-charset';
import { MllpDecoder, frame, type Frame } from './mllp-framing';

/**
 * The HL7 v2 listener: MLLP over TCP on MLLP_PORT. Each connection's messages are handled one
 * after another, in the order they came, and each is answered only once it is stored and
 * applied (AA) or kept in the inbox with its reason (AE/AR).
 */
@Injectable()
export class MllpListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(MllpListener.name);
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inbound: AdtInbound,
  ) {}

  /** The port it listens on (MLLP_PORT, or the one the system chose for port 0). */
  port(): number {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : this.config.MLLP_PORT;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((socket) => this.serve(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.MLLP_PORT, () => resolve());
    });
    this.log.log(`HL7 v2 MLLP listener on port ${this.port()}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of this.sockets) socket.end();
      setTimeout(() => {
        for (const socket of this.sockets) socket.destroy();
      }, 5_000).unref();
    });
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    const decoder = new MllpDecoder(this.config.MLLP_MAX_MESSAGE_BYTES);
    let queue = Promise.resolve();
    const enqueue = (frames: Frame[]) => {
      for (const f of frames)
        queue = queue
          .then(() => this.answer(socket, f))
          .catch((error: unknown) => {
            this.log.error(`MLLP answer failed: ${(error as Error).message}`);
            socket.destroy();
          });
    };
    socket.setKeepAlive(true, 60_000);
    socket.on('data', (data) => enqueue(decoder.push(data)));
    socket.on('end', () => {
      enqueue(decoder.drainStray());
      void queue.then(() => socket.end());
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  private async answer(socket: Socket, f: Frame): Promise<void> {
    const { text, encoding, refusal } = this.decode(f);
    const decision: AckDecision = await this.inbound.accept(text, refusal);
    if (decision.ack !== 'AA')
      this.log.warn(
        `HL7 message ${decision.messageId ?? '-'} answered ${decision.ack} ${decision.code}`,
      );
    if (socket.destroyed) return;
    socket.write(frame(encodeHl7(buildAck(ackTargetOf(text), decision), encoding)));
  }

  private decode(f: Frame): { text: string; encoding: string; refusal?: Refusal } {
    if (f.kind === 'stray')
      return {
        text: f.bytes.toString('latin1'),
        encoding: 'utf-8',
        refusal: refuse('AR', 'stray-bytes', 'Bytes outside an MLLP frame (<VT> … <FS><CR>)'),
      };
    const decoded = decodeHl7(f.kind === 'message' ? f.bytes : f.head);
    if (f.kind === 'oversize')
      return {
        text: decoded.text,
        encoding: decoded.encoding,
        refusal: refuse(
          'AR',
          'oversize',
          `The message is ${f.size} bytes; the listener takes at most ${this.config.MLLP_MAX_MESSAGE_BYTES}`,
        ),
      };
    if (!decoded.ok)
      return {
        text: decoded.text,
        encoding: decoded.encoding,
        refusal: refuse('AR', decoded.code, decoded.reason),
      };
    return { text: decoded.text, encoding: decoded.encoding };
  }
}
