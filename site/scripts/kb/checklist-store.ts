/**
 * Where <tv-checklist> keeps its ticks: localStorage, one entry per page and list, holding the keys of the
 * ticked items. An item's key is a hash of its text, so a reworded item starts unticked and a new item
 * inserted above does not shift the ticks onto the wrong lines (as position keys would).
 */

/** Storage key of one list on one page. */
export function storageKey(pathname: string, listId: string): string {
  return `turvarada:kontrollnimekiri:v1:${pathname}#${listId}`;
}

/** FNV-1a (32 bit) of the item's text with whitespace collapsed, as 8 hex digits. */
export function itemKey(text: string): string {
  const normalized = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  let hash = 0x811c9dc5;
  for (let i = 0; i < normalized.length; i++) {
    hash ^= normalized.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The storage to use, or null when the browser refuses it (blocked cookies, some private modes). */
export function browserStorage(): Storage | null {
  try {
    const s = window.localStorage;
    const probe = 'turvarada:probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

/** The ticked keys among `known`; unknown (stale) keys and malformed entries are ignored. */
export function readTicks(storage: Pick<Storage, 'getItem'> | null, key: string, known: readonly string[]): Set<string> {
  if (!storage) return new Set();
  try {
    const raw: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return new Set(Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string' && known.includes(k)) : []);
  } catch {
    return new Set();
  }
}

/** Saves the ticked keys (removing the entry when none); false when the browser refused to store them. */
export function writeTicks(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, key: string, ticked: ReadonlySet<string>): boolean {
  if (!storage) return false;
  try {
    if (ticked.size === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify([...ticked].sort()));
    return true;
  } catch {
    return false;
  }
}
