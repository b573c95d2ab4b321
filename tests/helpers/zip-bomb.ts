// Hand-built ZIP files for the upload tests, zip bombs above all: an entry whose headers claim a
// few bytes while its deflate data expands to gigabytes. Nothing here inflates anything.
import { crc32 } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** The bytes as they sit in the archive (already deflated for method 8). */
  data: Uint8Array;
  /** Uncompressed size the headers claim. */
  claimedSize: number;
  crc?: number;
}

const u16 = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** A ZIP with the entries in order: local headers with their data, central directory, end record. */
export function buildZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const common = [u16(20), u16(0x0800), u16(e.method), u16(0), u16(0x21), u32(e.crc ?? 0), u32(e.data.length), u32(e.claimedSize), u16(name.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common, name, e.data]);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(cd.length), u32(offset), u16(0)]);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** Writes a deflate bit stream: values LSB first, Huffman codes most significant bit first. */
class BitWriter {
  private bytes: number[] = [];
  private bit = 0;
  private cur = 0;
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.push((value >>> i) & 1);
  }
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.push((code >>> i) & 1);
  }
  zeros(count: number): Buffer {
    for (; count > 0 && this.bit !== 0; count--) this.push(0);
    const head = Buffer.from(this.bytes);
    this.bytes = [];
    const run = Buffer.alloc(Math.floor(count / 8));
    for (let i = 0; i < count % 8; i++) this.push(0);
    return Buffer.concat([head, run]);
  }
  end(): Buffer {
    if (this.bit !== 0) this.bytes.push(this.cur);
    return Buffer.from(this.bytes);
  }
  private push(b: number): void {
    this.cur |= b << this.bit;
    if (++this.bit < 8) return;
    this.bytes.push(this.cur);
    this.bit = 0;
    this.cur = 0;
  }
}

/**
 * Raw deflate data that expands to about `megabytes` MiB of zeros from a thousandth of that: ONE
 * dynamic Huffman block (no stored blocks, no flushes) whose length-258/distance-1 match costs two
 * bits, the densest deflate allows. Streaming inflaters must decode all of it to find the end.
 */
export function deflateBomb(megabytes: number): Uint8Array {
  const matches = Math.ceil((megabytes * 1024 * 1024) / 258);
  const w = new BitWriter();
  w.bits(1, 1); // final block
  w.bits(2, 2); // dynamic Huffman
  w.bits(29, 5); // 286 literal/length codes
  w.bits(1, 5); // 2 distance codes
  w.bits(14, 4); // 18 code-length code lengths, in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1
  for (const len of [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2]) w.bits(len, 3);
  // Code-length codes: 18 → 0, 1 → 10, 2 → 11. Literal/length lengths: 0 → 2, 256 → 2, 285 → 1; distances 0, 1 → 1.
  const zerosRun = (n: number) => {
    w.code(0, 1);
    w.bits(n - 11, 7);
  };
  w.code(3, 2); // symbol 0: length 2
  zerosRun(138);
  zerosRun(117); // symbols 1–255 unused
  w.code(3, 2); // 256: length 2
  zerosRun(28); // 257–284 unused
  w.code(2, 2); // 285: length 1
  w.code(2, 2); // distance 0: length 1
  w.code(2, 2); // distance 1: length 1
  // Codes: 285 → 0, literal 0 → 10, end of block → 11; distance 0 → 0.
  w.code(2, 2); // one literal zero, then every match is "0" + "0"
  const body = w.zeros(2 * matches);
  w.code(3, 2); // end of block
  return new Uint8Array(Buffer.concat([body, w.end()]));
}

const stored = (name: string, text: string): RawEntry => {
  const data = Buffer.from(text, 'utf8');
  return { name, method: 0, data, claimedSize: data.length, crc: crc32(data) };
};

/** An ODT whose `mimetype` entry claims 100 bytes but inflates to `megabytes` MiB. */
export function odtBomb(megabytes: number): Uint8Array {
  return buildZip([{ name: 'mimetype', method: 8, data: deflateBomb(megabytes), claimedSize: 100 }, stored('content.xml', '<office:document-content/>')]);
}

/** A DOCX whose `[Content_Types].xml` claims 100 bytes but inflates to `megabytes` MiB. */
export function docxBomb(megabytes: number): Uint8Array {
  return buildZip([{ name: '[Content_Types].xml', method: 8, data: deflateBomb(megabytes), claimedSize: 100 }, stored('word/document.xml', '<w:document/>')]);
}

/** A well-formed ODT as office suites write it: `mimetype` first, stored. */
export function storedOdt(mimetype = 'application/vnd.oasis.opendocument.text'): Uint8Array {
  return buildZip([stored('mimetype', mimetype), stored('content.xml', '<office:document-content/>')]);
}
