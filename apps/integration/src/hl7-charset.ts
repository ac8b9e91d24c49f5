import iconv from 'iconv-lite';

/** MSH-18 (HL7 table 0211) values the listener decodes, and the encoding each names. */
const charsets: Record<string, string> = {
  '': 'utf-8',
  'UNICODE UTF-8': 'utf-8',
  'UTF-8': 'utf-8',
  ASCII: 'ascii',
  '8859/1': 'latin1',
  '8859/15': 'iso-8859-15',
};

export type Decoded =
  | { ok: true; text: string; encoding: string }
  | { ok: false; text: string; encoding: string; code: string; reason: string };

/** MSH-18 read from the bytes themselves (MSH is ASCII in every charset we accept). */
function declaredCharset(bytes: Buffer): string {
  const head = bytes.subarray(0, 512).toString('latin1');
  const msh = head.split(/[\r\n]/)[0] ?? '';
  if (!msh.startsWith('MSH') || msh.length < 4) return '';
  const fields = msh.split(msh.charAt(3));
  // fields[0] is "MSH", fields[1] MSH-2; MSH-n is fields[n - 1].
  return (
    (fields[17] ?? '')
      .split(msh.charAt(4) || '^')[0]
      ?.trim()
      .toUpperCase() ?? ''
  );
}

/**
 * Decodes a message in the character set its MSH-18 declares (UTF-8 when empty). Bytes that
 * are not valid in that set are refused, never guessed: a misread name or personnummer is worse
 * than a message the sender must resend correctly.
 */
export function decodeHl7(bytes: Buffer): Decoded {
  const declared = declaredCharset(bytes);
  const encoding = charsets[declared];
  if (!encoding)
    return {
      ok: false,
      text: bytes.toString('latin1'),
      encoding: 'utf-8',
      code: 'unsupported-charset',
      reason: `MSH-18 "${declared}" is not a character set this listener reads (UNICODE UTF-8, 8859/1, 8859/15, ASCII)`,
    };
  if (encoding === 'utf-8' || encoding === 'ascii') {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (encoding === 'ascii' && Array.from(text).some((c) => c.charCodeAt(0) > 0x7f))
        throw new Error('not ASCII');
      return { ok: true, text, encoding };
    } catch {
      return {
        ok: false,
        text: new TextDecoder('utf-8').decode(bytes),
        encoding,
        code: 'wrong-encoding',
        reason: `The bytes are not valid ${declared || 'UTF-8 (MSH-18 empty)'}; declare the character set in MSH-18`,
      };
    }
  }
  return { ok: true, text: iconv.decode(bytes, encoding), encoding };
}

export function encodeHl7(text: string, encoding: string): Buffer {
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);
}
