import { decodeHl7, encodeHl7 } from './hl7-charset';

const message = (charset: string, name: string) =>
  `MSH|^~\\&|PAS|SU|UTSK|VGR|20261123080000||ADT^A01|1|P|2.5|||||SWE|${charset}\rPID|1||||${name}`;

describe('decodeHl7', () => {
  it('decodes UTF-8 (also when MSH-18 is empty) and 8859/1 as declared', () => {
    expect(decodeHl7(Buffer.from(message('UNICODE UTF-8', 'Åström'), 'utf8'))).toMatchObject({
      ok: true,
      text: expect.stringContaining('Åström'),
    });
    expect(decodeHl7(Buffer.from(message('', 'Åström'), 'utf8'))).toMatchObject({ ok: true });
    expect(decodeHl7(Buffer.from(message('8859/1', 'Åström'), 'latin1'))).toMatchObject({
      ok: true,
      encoding: 'latin1',
      text: expect.stringContaining('Åström'),
    });
  });

  it('refuses bytes that are not valid in the declared set, and sets it does not read', () => {
    expect(decodeHl7(Buffer.from(message('UNICODE UTF-8', 'Åström'), 'latin1'))).toMatchObject({
      ok: false,
      code: 'wrong-encoding',
    });
    expect(decodeHl7(Buffer.from(message('ASCII', 'Åström'), 'utf8'))).toMatchObject({
      ok: false,
      code: 'wrong-encoding',
    });
    expect(decodeHl7(Buffer.from(message('ISO IR87', 'x'), 'utf8'))).toMatchObject({
      ok: false,
      code: 'unsupported-charset',
    });
  });

  it('encodes the answer in the set the message came in', () => {
    expect(encodeHl7('Ö', 'latin1')).toEqual(Buffer.from([0xd6]));
    expect(encodeHl7('Ö', 'utf-8')).toEqual(Buffer.from('Ö', 'utf8'));
  });
});
