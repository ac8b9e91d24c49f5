import { randomBytes } from 'node:crypto';
import { ApplicationFailure, defaultPayloadConverter, type Payload } from '@temporalio/common';
import {
  decodeFailure,
  encodeErrorToFailure,
  loadDataConverter,
} from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import { stayDataConverter } from './data-converter';
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

  it('refuses a payload that was never encrypted, unless allowed for a migration', async () => {
    await expect(new AesGcmPayloadCodec(key('k1')).decode([payload])).rejects.toThrow(
      /refusing an unencrypted payload/,
    );
    const migrating = new AesGcmPayloadCodec(key('k1'), [], { allowPlaintext: true });
    expect(await single(migrating.decode([payload]))).toBe(payload);
  });
});

describe('stayDataConverter', () => {
  const settings = {
    PAYLOAD_CODEC_KEY: randomBytes(32).toString('base64'),
    PAYLOAD_CODEC_KEY_ID: 'k1',
  };

  it("encrypts a failure's message and stack trace, and reads them back", async () => {
    const converter = stayDataConverter(settings);
    const loaded = loadDataConverter(converter);
    const error = ApplicationFailure.create({
      message: 'note "Ring Tolvan Tolvansson, 19121212-1212" refused',
      type: 'ProjectionDataError',
    });
    const failure = await encodeErrorToFailure(loaded, error);
    const stored = JSON.stringify(temporal.api.failure.v1.Failure.toObject(failure as never));
    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace).toBe('');
    expect(stored).not.toContain('Tolvansson');
    expect(Buffer.from(failure.encodedAttributes?.data ?? []).toString('latin1')).not.toContain(
      'Tolvansson',
    );
    const decoded = await decodeFailure(loaded.payloadCodecs, failure);
    const back = loaded.failureConverter.failureToError(decoded, loaded.payloadConverter);
    expect(back.message).toContain('Tolvansson');
  });

  it('refuses plain payloads unless PAYLOAD_CODEC_ALLOW_PLAINTEXT=true', async () => {
    const plain = defaultPayloadConverter.toPayload({ note: 'x' });
    const [strict] = stayDataConverter(settings).payloadCodecs ?? [];
    await expect(strict?.decode([plain])).rejects.toThrow(/unencrypted/);
    const [lenient] =
      stayDataConverter({ ...settings, PAYLOAD_CODEC_ALLOW_PLAINTEXT: 'true' }).payloadCodecs ?? [];
    expect(await lenient?.decode([plain])).toEqual([plain]);
  });
});
