import { CR, FS, MllpDecoder, VT, frame } from './mllp-framing';

const msg = (text: string) => frame(Buffer.from(text, 'utf8'));

describe('MllpDecoder', () => {
  it('splits back-to-back frames and frames cut across reads', () => {
    const decoder = new MllpDecoder(1024);
    const bytes = Buffer.concat([msg('MSH|one'), msg('MSH|two')]);
    const frames = [
      ...decoder.push(bytes.subarray(0, 5)),
      ...decoder.push(bytes.subarray(5, 11)),
      ...decoder.push(bytes.subarray(11)),
    ];
    expect(frames.map((f) => f.kind === 'message' && f.bytes.toString())).toEqual([
      'MSH|one',
      'MSH|two',
    ]);
  });

  it('ends a frame only at FS CR, also when FS and CR arrive in different reads', () => {
    const decoder = new MllpDecoder(1024);
    expect(decoder.push(Buffer.from([VT, 0x41, FS, 0x42, FS]))).toEqual([]);
    const frames = decoder.push(Buffer.from([CR]));
    expect(frames).toEqual([{ kind: 'message', bytes: Buffer.from([0x41, FS, 0x42]) }]);
  });

  it('reports an oversize message with its head and size, then reads the next one', () => {
    const decoder = new MllpDecoder(1024);
    const big = 'MSH|' + 'x'.repeat(5000);
    const frames = decoder.push(Buffer.concat([msg(big), msg('MSH|next')]));
    expect(frames).toHaveLength(2);
    const [first, second] = frames;
    expect(first).toMatchObject({ kind: 'oversize', size: big.length });
    expect(first?.kind === 'oversize' && first.head.toString().startsWith('MSH|xxx')).toBe(true);
    expect(second?.kind === 'message' && second.bytes.toString()).toBe('MSH|next');
  });

  it('never holds more than the limit of one message', () => {
    const decoder = new MllpDecoder(2048);
    decoder.push(Buffer.from([VT]));
    for (let i = 0; i < 1000; i++) decoder.push(Buffer.alloc(1000, 0x41));
    const frames = decoder.push(Buffer.from([FS, CR]));
    expect(frames).toEqual([expect.objectContaining({ kind: 'oversize', size: 1_000_000 })]);
  });

  it('reports bytes outside a frame, and ignores line breaks between frames', () => {
    const decoder = new MllpDecoder(1024);
    const frames = decoder.push(
      Buffer.concat([
        Buffer.from('\r\n'),
        msg('MSH|a'),
        Buffer.from('GET / HTTP/1.1'),
        msg('MSH|b'),
      ]),
    );
    expect(frames.map((f) => f.kind)).toEqual(['message', 'stray', 'message']);
    expect(frames[1]?.kind === 'stray' && frames[1].bytes.toString()).toBe('GET/HTTP/1.1');
  });
});
