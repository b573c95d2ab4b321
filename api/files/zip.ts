// Just enough ZIP reading to tell ODF from OOXML without trusting a single size in the archive:
// the first local header (ODF's `mimetype`), the central directory (names and claimed sizes), and
// a decompression that stops at a byte limit. Nothing here inflates more than a few KB.
import { inflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** The end record is 22 bytes plus a comment of at most 65535. */
const MAX_END_SEARCH = 22 + 0xffff;

export interface LocalEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** The entry's data as it sits in the archive, at most `maxBytes` of it. */
  data: Uint8Array;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const decodeName = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

/**
 * The archive's first entry from its local header, with at most `maxBytes` of its data (the
 * declared compressed size when it is smaller). Null when the bytes do not start with one.
 */
export function firstLocalEntry(bytes: Uint8Array, maxBytes: number): LocalEntry | null {
  if (bytes.length < 30 || u32(bytes, 0) !== LOCAL_HEADER) return null;
  const method = u16(bytes, 8);
  const compressed = u32(bytes, 18);
  const nameEnd = 30 + u16(bytes, 26);
  const dataStart = nameEnd + u16(bytes, 28);
  if (dataStart > bytes.length) return null;
  // With a data descriptor (flag bit 3) the local sizes are zero; read up to the limit instead.
  const declared = compressed > 0 ? compressed : maxBytes;
  const data = bytes.subarray(dataStart, Math.min(bytes.length, dataStart + Math.min(declared, maxBytes)));
  return { name: decodeName(bytes.subarray(30, nameEnd)), method, data };
}

export interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** The uncompressed size the archive claims; never trusted for allocation. */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/**
 * The entries listed in the central directory, found from the end record; nothing is
 * decompressed. Null when there is no well-formed central directory (or it needs ZIP64, which no
 * upload of a few MB does).
 */
export function centralDirectory(bytes: Uint8Array): CentralEntry[] | null {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - MAX_END_SEARCH); at--) {
    if (u32(bytes, at) === END_OF_CENTRAL) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff || at + u32(bytes, end + 12) > end) return null;
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL_HEADER) return null;
    const nameEnd = at + 46 + u16(bytes, at + 28);
    const next = nameEnd + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > end) return null;
    entries.push({ name: decodeName(bytes.subarray(at + 46, nameEnd)), method: u16(bytes, at + 10), compressedSize: u32(bytes, at + 20), size: u32(bytes, at + 24), offset: u32(bytes, at + 42) });
    at = next;
  }
  return entries;
}

/**
 * Whether the sizes the archive claims are possible and modest: deflate never grows data by more
 * than a few bytes per block, so compressed data larger than its claimed size is a lie (the zip
 * bomb that claims 100 bytes); and all entries together may claim at most `maxTotal` bytes.
 */
export function plausibleSizes(entries: CentralEntry[], maxTotal: number): boolean {
  let total = 0;
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8) return false;
    if (e.compressedSize > e.size + e.size / 1000 + 64) return false;
    total += e.size;
  }
  return total <= maxTotal;
}

/**
 * Inflates raw deflate data, but never more than `maxOutput` bytes: zlib works in small chunks
 * and stops as soon as the output passes the limit, so a bomb costs microseconds. Null when the
 * output would be larger, or the data is not complete, valid deflate.
 */
export function inflateBounded(data: Uint8Array, maxOutput: number): Uint8Array | null {
  try {
    return inflateRawSync(data, { maxOutputLength: maxOutput, chunkSize: Math.max(64, Math.min(maxOutput, 16 * 1024)) });
  } catch {
    return null;
  }
}

/**
 * The entry's data as it sits in the archive (still compressed), found through its local header;
 * null when the header is not where the central directory says or the data runs past the end.
 */
export function entryData(bytes: Uint8Array, entry: CentralEntry): Uint8Array | null {
  const at = entry.offset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_HEADER) return null;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  return end > bytes.length ? null : bytes.subarray(start, end);
}

/**
 * One named entry's content, never more than `maxOutput` bytes: 'too_large' when it claims or
 * inflates to more (a bomb stops within the limit), null when missing or not readable.
 */
export function readEntryBounded(bytes: Uint8Array, name: string, maxOutput: number): Uint8Array | 'too_large' | null {
  const entry = centralDirectory(bytes)?.find((e) => e.name === name);
  if (!entry) return null;
  if (entry.size > maxOutput) return 'too_large';
  const data = entryData(bytes, entry);
  if (!data) return null;
  if (entry.method === 0) return data.length > maxOutput ? 'too_large' : data;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: maxOutput, chunkSize: Math.max(64, Math.min(maxOutput, 16 * 1024)) });
  } catch (err) {
    // zlib stops as soon as the output passes the limit: a bomb costs microseconds.
    return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : null;
  }
}
