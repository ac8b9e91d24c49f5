import type { DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from './payload-codec';

/** The failure converter module (failure-converter.ts), for the workflow bundle too. */
export const stayFailureConverterPath = require.resolve('./failure-converter');

/**
 * The data converter the API's client, the worker and the replay tool share. The key comes
 * from the environment (PAYLOAD_CODEC_KEY, base64 of 32 bytes, with PAYLOAD_CODEC_KEY_ID);
 * PAYLOAD_CODEC_PREVIOUS_KEYS ("id:base64,…") keeps older keys readable after a rotation.
 * Failures' messages and stack traces go into their encoded attributes, so the codec encrypts
 * them too (a database error or a validation message can quote what a user wrote). Payloads
 * that were never encrypted are refused unless PAYLOAD_CODEC_ALLOW_PLAINTEXT=true.
 */
export function stayDataConverter(settings: {
  PAYLOAD_CODEC_KEY: string;
  PAYLOAD_CODEC_KEY_ID: string;
  PAYLOAD_CODEC_PREVIOUS_KEYS?: string | undefined;
  PAYLOAD_CODEC_ALLOW_PLAINTEXT?: 'true' | 'false' | undefined;
}): DataConverter {
  const previous = (settings.PAYLOAD_CODEC_PREVIOUS_KEYS ?? '')
    .split(',')
    .filter(Boolean)
    .map((entry) => {
      const [id = '', key = ''] = entry.split(':');
      return { id, key: Buffer.from(key, 'base64') };
    });
  return {
    payloadCodecs: [
      new AesGcmPayloadCodec(
        {
          id: settings.PAYLOAD_CODEC_KEY_ID,
          key: Buffer.from(settings.PAYLOAD_CODEC_KEY, 'base64'),
        },
        previous,
        { allowPlaintext: settings.PAYLOAD_CODEC_ALLOW_PLAINTEXT === 'true' },
      ),
    ],
    failureConverterPath: stayFailureConverterPath,
  };
}
