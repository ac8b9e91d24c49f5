import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

const ENCODING = 'binary/encrypted';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface CodecKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? undefined);

/**
 * Encrypts every payload Temporal stores (workflow inputs, update arguments, results,
 * activity data) with AES-256-GCM, so free text that could name a patient (a note, an event's
 * data) is unreadable in Temporal's database and UI. Encrypts with the current key; decrypts
 * with any configured key (rotation). A payload that was never encrypted is refused (someone
 * wrote to the stay without the key, e.g. from the Temporal UI or CLI) unless `allowPlaintext`
 * is set, only while migrating histories written before encryption.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly allowPlaintext: boolean;

  constructor(
    private readonly current: CodecKey,
    previous: readonly CodecKey[] = [],
    options: { allowPlaintext?: boolean } = {},
  ) {
    this.allowPlaintext = options.allowPlaintext ?? false;
    for (const k of [current, ...previous])
      if (k.key.length !== 32) throw new Error(`payload codec key ${k.id} must be 32 bytes`);
    this.keys = new Map([current, ...previous].map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, this.current.key, iv);
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { encoding: utf8(ENCODING), 'encryption-key-id': utf8(this.current.id) },
        data,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.encoding) !== ENCODING) {
        if (this.allowPlaintext) return payload;
        throw new Error(
          'refusing an unencrypted payload (PAYLOAD_CODEC_ALLOW_PLAINTEXT=true allows them while migrating)',
        );
      }
      const keyId = text(payload.metadata?.['encryption-key-id']);
      const key = this.keys.get(keyId);
      if (!key) throw new Error(`no payload codec key with id "${keyId}"`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      const decipher = createDecipheriv(ALGORITHM, key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
