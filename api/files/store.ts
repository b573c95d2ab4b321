// The shared file store: uploaded files live under config.filesPath, outside the database.
// Writes are atomic (temp file + fsync + rename + directory fsync), so a crash never leaves a
// half-written file under a key the database refers to.
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`Fail on liiga suur (lubatud kuni ${Math.round(maxBytes / 1024 / 1024)} MB).`);
  }
}

export interface StoredFile {
  /** Relative path under filesPath, e.g. `templates/3f/3f2a…`; what the database keeps. */
  storageKey: string;
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  size: number;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const KEY_PATTERN = /^[a-z0-9-]+\/[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/** Absolute path of a key; refuses anything that is not a key this module made (no traversal). */
export function storedFilePath(filesPath: string, storageKey: string): string {
  if (!KEY_PATTERN.test(storageKey)) throw new Error(`Invalid storage key: ${storageKey}`);
  const root = resolve(filesPath);
  const full = resolve(root, storageKey);
  if (!full.startsWith(root + sep)) throw new Error(`Invalid storage key: ${storageKey}`);
  return full;
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Stores bytes under a new key in `namespace` (e.g. 'templates', 'evidence').
 * Throws FileTooLargeError (nothing written) when over maxBytes.
 */
export function storeFile(filesPath: string, namespace: string, bytes: Uint8Array, options: { maxBytes: number }): StoredFile {
  if (!/^[a-z0-9-]+$/.test(namespace)) throw new Error(`Invalid namespace: ${namespace}`);
  if (bytes.length > options.maxBytes) throw new FileTooLargeError(options.maxBytes);
  const id = randomUUID();
  const storageKey = `${namespace}/${id.slice(0, 2)}/${id}`;
  const target = storedFilePath(filesPath, storageKey);
  const dir = dirname(target);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.tmp-${id}`);
  try {
    const fd = openSync(temp, 'wx', 0o640);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    fsyncDir(dir);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  return { storageKey, sha256: sha256Hex(bytes), size: bytes.length };
}

export function readStoredFile(filesPath: string, storageKey: string): Buffer {
  return readFileSync(storedFilePath(filesPath, storageKey));
}

/** Removes a stored file; used to undo a store when the database transaction that refers to it fails. */
export function deleteStoredFile(filesPath: string, storageKey: string): void {
  rmSync(storedFilePath(filesPath, storageKey), { force: true });
}
