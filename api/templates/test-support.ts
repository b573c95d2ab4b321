// Test helpers for the template workflow: a few catalogue measures, multipart submissions, file counts.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database.ts';

export const MEASURES = ['ISMS.1.M1', 'ISMS.1.M2', 'ORP.1.M1'];

/** Seeds catalogue edition 2024 with the measures above unless the catalogue seeder already did. */
export function seedTestMeasures(db: Db): void {
  db.prepare("INSERT OR IGNORE INTO catalog_edition (id, title, imported_at) VALUES ('2024', 'E-ITS 2024', '2025-01-07T00:00:00Z')").run();
  for (const [id, kind] of [['ISMS', 'process'], ['ORP', 'process']] as const) {
    db.prepare("INSERT OR IGNORE INTO catalog_group (edition, id, parent_id, title, kind, sort_key) VALUES ('2024', ?, NULL, ?, ?, ?)").run(id, id, kind, id);
    db.prepare("INSERT OR IGNORE INTO catalog_module (edition, id, group_id, subgroup_id, title, sort_key) VALUES ('2024', ?, ?, NULL, ?, ?)").run(`${id}.1`, id, `${id}.1`, `${id}.1`);
  }
  for (const m of MEASURES) {
    const module = m.split('.').slice(0, 2).join('.');
    db.prepare("INSERT OR IGNORE INTO catalog_measure (edition, id, module_id, title, class, sort_key) VALUES ('2024', ?, ?, ?, 'basic', ?)").run(m, module, `Meede ${m}`, m);
  }
}

export interface FormInput {
  title?: string;
  summary?: string;
  category?: string;
  measures?: string;
  file?: { name: string; bytes: Uint8Array | string; type?: string } | null;
}

export function templateForm(input: FormInput = {}): FormData {
  const fd = new FormData();
  const fields = { title: 'Infoturbepoliitika mall', summary: 'Lühike poliitika omavalitsusele.', category: 'poliitika', measures: 'ISMS.1.M1, ORP.1.M1', ...input };
  for (const k of ['title', 'summary', 'category', 'measures'] as const) if (fields[k] !== undefined) fd.set(k, fields[k]!);
  const file = input.file === undefined ? { name: 'poliitika.md', bytes: '# Infoturbepoliitika\n\nVald kaitseb oma teavet.\n' } : input.file;
  if (file) {
    const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes;
    fd.set('file', new File([bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type ?? 'application/octet-stream' }));
  }
  return fd;
}

/** Every regular file under dir (recursively), temp files included; empty when dir is missing. */
export function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}
