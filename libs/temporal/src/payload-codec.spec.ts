import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec } from './payload-codec';

const key = (id: string) => ({ id, key: randomBytes(32) });

async function single(payloads: Promise<Payload[]>): Promise<Payload> {
  const [first] = await payloads;
  if (!first) throw new Error('no payload');
  return first;
}

describe('AesGcmPayloadCodec', () => {
  const secret = { note: 'Ring Tolvan Tolvansson, 19121212-1212' };
  const payload = defaultPayloadConverter.toPayload(secret);

  it('round-trips a payload and leaves no plain text in the encoded bytes', async () => {
    const codec = new AesGcmPayloadCodec(key('k1'));
    const encoded = await single(codec.encode([payload]));
    expect(Buffer.from(encoded.data ?? []).toString('latin1')).not.toContain('Tolvansson');
    const decoded = await single(codec.decode([encoded]));
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(secret);
  });

  it('decodes with a previous key after rotation, and refuses an unknown key', async () => {
    const old = key('k1');
    const encoded = await single(new AesGcmPayloadCodec(old).encode([payload]));
    const rotated = new AesGcmPayloadCodec(key('k2'), [old]);
    const decoded = await single(rotated.decode([encoded]));
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(secret);
    await expect(new AesGcmPayloadCodec(key('k3')).decode([encoded])).rejects.toThrow(/"k1"/);
  });

  it('detects tampering (GCM authentication)', async () => {
    const codec = new AesGcmPayloadCodec(key('k1'));
    const encoded = await single(codec.encode([payload]));
    const data = Buffer.from(encoded.data ?? []);
    data[20] = (data[20] ?? 0) ^ 0xff;
    await expect(codec.decode([{ ...encoded, data }])).rejects.toThrow();
  });

  it('passes through payloads that were never encrypted (histories from before the codec)', async () => {
    const decoded = await single(new AesGcmPayloadCodec(key('k1')).decode([payload]));
    expect(decoded).toBe(payload);
  });
});
