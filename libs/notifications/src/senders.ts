import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { Webhook } from 'standardwebhooks';
import type { EmailChannel, WebhookChannel } from './channels';
import type { DigestMail } from './messages';

/** What came of one send, for the delivery log. Never carries the body. */
export interface SendResult {
  ok: boolean;
  statusCode?: number;
  error?: string;
}

/**
 * POSTs a webhook signed per Standard Webhooks (standardwebhooks.com): `webhook-id` (the
 * delivery's id, the same on every retry, for the receiver to deduplicate on),
 * `webhook-timestamp` (seconds) and `webhook-signature`: "v1," + base64 of HMAC-SHA256 with
 * the unit's secret over "<id>.<timestamp>.<body>". A 2xx answer is a delivery.
 */
export async function sendWebhook(
  channel: WebhookChannel,
  messageId: string,
  body: string,
  sentAt: Date,
  timeoutMs: number,
): Promise<SendResult> {
  const signature = new Webhook(channel.secret).sign(messageId, sentAt, body);
  try {
    const response = await fetch(channel.target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Utskrivningsflodet-Webhooks/1',
        'webhook-id': messageId,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    return response.ok
      ? { ok: true, statusCode: response.status }
      : { ok: false, statusCode: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, error: cause ?? (error instanceof Error ? error.name : 'request failed') };
  }
}

/** Sends digests over SMTP (nodemailer), one transport per process. */
export class DigestMailer {
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    this.transport = createTransport(smtpUrl, {
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  /**
   * The digest's id is its Message-ID (the same on every retry), so a mailbox or a person can
   * tell a resent digest from a new one.
   */
  async send(channel: EmailChannel, digestId: string, mail: DigestMail): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: channel.target,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${digestId}@utskrivningsflodet>`,
        headers: { 'X-Utskrivningsflodet-Digest': digestId },
      });
      return info.rejected.length > 0 ? { ok: false, error: 'recipient rejected' } : { ok: true };
    } catch (error) {
      const e = error as { responseCode?: number; code?: string };
      return {
        ok: false,
        ...(e.responseCode ? { statusCode: e.responseCode } : {}),
        error: e.code ?? 'SMTP failed',
      };
    }
  }

  close(): void {
    this.transport.close();
  }
}
