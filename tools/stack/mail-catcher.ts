import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** A message the catcher received, as parsed by mailparser. */
export interface CaughtMail {
  receivedAt: Date;
  messageId: string | undefined;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | undefined;
  raw: string;
}

export interface MailCatcherOptions {
  smtpPort?: number;
  /** Unset: no web page (tests read `messages` directly). */
  httpPort?: number;
  host?: string;
  /**
   * Called with each message before it is accepted; a rejection fails the SMTP transaction
   * with that message (a test's way to refuse, or to hold a delivery).
   */
  beforeAccept?: (mail: CaughtMail) => Promise<void>;
}

/**
 * A local mail catcher over `smtp-server`: accepts any mail on loopback (no auth, no TLS),
 * keeps it in memory and shows it on a small page. `npm start` runs it for developers; the
 * notification tests receive digests with it. Never for production.
 */
export class MailCatcher {
  readonly messages: CaughtMail[] = [];
  private smtp?: SMTPServer;
  private http?: Server;
  smtpPort = 0;
  httpPort = 0;

  constructor(private readonly options: MailCatcherOptions = {}) {}

  async start(): Promise<this> {
    const host = this.options.host ?? '127.0.0.1';
    this.smtp = new SMTPServer({
      authOptional: true,
      disableReverseLookup: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 10 * 1024 * 1024,
      onData: (stream, session, callback) => void this.receive(stream, session, callback),
    });
    this.smtp.on('error', () => undefined);
    await new Promise<void>((resolve) =>
      this.smtp?.listen(this.options.smtpPort ?? 0, host, resolve),
    );
    this.smtpPort = (this.smtp.server.address() as AddressInfo).port;
    if (this.options.httpPort !== undefined) {
      this.http = createServer((req, res) => {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(this.page());
      });
      await new Promise<void>((resolve) => this.http?.listen(this.options.httpPort, host, resolve));
      this.httpPort = (this.http.address() as AddressInfo).port;
    }
    return this;
  }

  /** Resolves with the first message (already received or arriving) that `match` accepts. */
  async waitFor(match: (mail: CaughtMail) => boolean, timeoutMs = 20_000): Promise<CaughtMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('no matching mail arrived');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.smtp ? this.smtp.close(resolve) : resolve()));
    await new Promise<void>((resolve) =>
      this.http ? this.http.close(() => resolve()) : resolve(),
    );
  }

  private async receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ): Promise<void> {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const parsed = await simpleParser(raw);
      const mail: CaughtMail = {
        receivedAt: new Date(),
        messageId: parsed.messageId,
        from: parsed.from?.text ?? '',
        to: session.envelope.rcptTo.map((r) => r.address),
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : undefined,
        raw,
      };
      await this.options.beforeAccept?.(mail);
      this.messages.push(mail);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private page(): string {
    const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const time = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      dateStyle: 'short',
      timeStyle: 'medium',
    });
    const rows = [...this.messages]
      .reverse()
      .map(
        (m) => `<article><h2>${esc(m.subject)}</h2>
<p><small>${esc(time.format(m.receivedAt))} · från ${esc(m.from)} · till ${esc(m.to.join(', '))}</small></p>
<pre>${esc(m.text)}</pre></article>`,
      )
      .join('\n');
    return `<!doctype html><html lang="sv"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="10"><title>E-post (utveckling)</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
article{border-top:1px solid #ccc;padding:.5rem 0}pre{white-space:pre-wrap}</style></head>
<body><h1>E-post som skickats lokalt (${this.messages.length})</h1>
<p>Brevlådan tar emot all e-post från utvecklingsmiljön på SMTP-port ${this.smtpPort}. Sidan uppdateras var tionde sekund.</p>
${rows || '<p>Inga meddelanden ännu.</p>'}</body></html>`;
  }
}
