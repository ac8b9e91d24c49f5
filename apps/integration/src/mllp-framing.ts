/** MLLP (HL7 v2 Minimal Lower Layer Protocol): <VT> message <FS><CR>. */
export const VT = 0x0b;
export const FS = 0x1c;
export const CR = 0x0d;

export type Frame =
  /** A whole message between VT and FS CR. */
  | { kind: 'message'; bytes: Buffer }
  /** A message larger than the limit: its first bytes (enough for the MSH), the rest discarded. */
  | { kind: 'oversize'; head: Buffer; size: number }
  /** Bytes outside any frame that are not whitespace: a sender not speaking MLLP. */
  | { kind: 'stray'; bytes: Buffer };

/** How much of an oversize message is kept, to read its MSH and keep a trace of it. */
export const OVERSIZE_HEAD_BYTES = 4096;

/**
 * Splits a TCP byte stream into MLLP frames, holding at most `maxBytes` of one message: past
 * that the message is reported as oversize and skipped up to its end, so a sender can neither
 * exhaust memory nor have its message disappear without an answer.
 */
export class MllpDecoder {
  private chunks: Buffer[] = [];
  private held = 0;
  private inFrame = false;
  private oversize: { head: Buffer; size: number } | undefined;
  private stray: Buffer[] = [];
  private strayBytes = 0;
  private pendingFs = false;

  constructor(private readonly maxBytes: number) {}

  /** Feeds bytes; returns the frames they completed. */
  push(data: Buffer): Frame[] {
    const frames: Frame[] = [];
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      const byte = data[i];
      if (!this.inFrame) {
        if (byte === VT) {
          this.flushStray(frames);
          this.inFrame = true;
          start = i + 1;
        } else if (byte !== CR && byte !== 0x0a && byte !== 0x20) {
          if (this.strayBytes++ < OVERSIZE_HEAD_BYTES) this.stray.push(data.subarray(i, i + 1));
        }
        continue;
      }
      if (this.pendingFs) {
        this.pendingFs = false;
        if (byte === CR) {
          this.finish(frames);
          continue;
        }
        this.append(Buffer.from([FS])); // an FS inside the message, not its end
      }
      if (byte === FS) {
        this.append(data.subarray(start, i));
        start = i + 1;
        this.pendingFs = true;
      }
    }
    if (this.inFrame && !this.pendingFs) this.append(data.subarray(start));
    return frames;
  }

  private append(bytes: Buffer): void {
    if (bytes.length === 0) return;
    if (this.oversize) {
      this.oversize.size += bytes.length;
      return;
    }
    if (this.held + bytes.length > this.maxBytes) {
      const all = Buffer.concat([...this.chunks, bytes]);
      this.oversize = { head: Buffer.from(all.subarray(0, OVERSIZE_HEAD_BYTES)), size: all.length };
      this.chunks = [];
      this.held = 0;
      return;
    }
    this.chunks.push(Buffer.from(bytes));
    this.held += bytes.length;
  }

  private finish(frames: Frame[]): void {
    if (this.oversize) frames.push({ kind: 'oversize', ...this.oversize });
    else frames.push({ kind: 'message', bytes: Buffer.concat(this.chunks) });
    this.chunks = [];
    this.held = 0;
    this.oversize = undefined;
    this.inFrame = false;
  }

  private flushStray(frames: Frame[]): void {
    if (this.stray.length === 0) return;
    frames.push({ kind: 'stray', bytes: Buffer.concat(this.stray) });
    this.stray = [];
    this.strayBytes = 0;
  }

  /** Stray bytes seen since the last frame, reported when the sender goes quiet or leaves. */
  drainStray(): Frame[] {
    const frames: Frame[] = [];
    this.flushStray(frames);
    return frames;
  }
}

/** Wraps a message in an MLLP frame. */
export function frame(payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([VT]), payload, Buffer.from([FS, CR])]);
}
