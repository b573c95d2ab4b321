/**
 * Editorial rules checked at build on every guide, solution and template (docs/README "Sisumudel"):
 * - every `measures` id and `modules` id must exist in the shipped E-ITS 2024 catalogue index;
 * - `measures` holds basic and standard measures only; a high measure (kõrgmeede, "suure kaitsetarbe
 *   korral") belongs in `highMeasures`, and every `highMeasures` id must be a high measure;
 * - `owner` must be present (someone keeps the page correct);
 * - `lastReviewed` must be within the last 12 months.
 * In strict mode (CI env set, or a production build) a broken rule fails the build; in dev it is a
 * console warning so an editor can keep working. Structural problems (wrong types, unknown topics,
 * published after lastReviewed) are schema errors in every mode.
 */
import type { CatalogLookup } from './catalog-index.ts';

/** The front matter fields the rules look at (shared by all three collections). */
export interface RuleSubject {
  title?: string;
  owner?: string | undefined;
  modules?: string[];
  measures?: string[];
  highMeasures?: string[];
  lastReviewed?: Date;
}

export interface RuleIssue {
  path: string[];
  message: string;
}

/** The closed list of topics from the content contract. */
export const TOPICS = [
  'juhtimine', 'kontod', 'paroolid', 'varukoopiad', 'paigaldus', 'e-post', 'seadmed', 'kaugtoo', 'pilv',
  'logimine', 'intsidendid', 'talitluspidevus', 'hanked', 'tarnijad', 'isikuandmed', 'teadlikkus', 'taristu',
  'audit', 'riskid', 'dokumendid',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Estonian labels for the topic filter. */
export const TOPIC_LABELS: Record<Topic, string> = {
  juhtimine: 'Juhtimine', kontod: 'Kontod', paroolid: 'Paroolid', varukoopiad: 'Varukoopiad',
  paigaldus: 'Paikamine ja paigaldus', 'e-post': 'E-post', seadmed: 'Seadmed', kaugtoo: 'Kaugtöö', pilv: 'Pilv',
  logimine: 'Logimine', intsidendid: 'Intsidendid', talitluspidevus: 'Talitluspidevus', hanked: 'Hanked',
  tarnijad: 'Tarnijad', isikuandmed: 'Isikuandmed', teadlikkus: 'Teadlikkus', taristu: 'Taristu', audit: 'Audit',
  riskid: 'Riskid', dokumendid: 'Dokumendid',
};

export const AUDIENCES = ['kov-it', 'juhtkond', 'spetsialist'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = {
  'kov-it': 'KOV IT',
  juhtkond: 'Juhtkond',
  spetsialist: 'Infoturbe spetsialist',
};

/** Content file names become URLs: lowercase ASCII words joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when rule violations must fail the build: CI, or a production build. */
export function isStrict(env: Record<string, string | undefined> = process.env): boolean {
  const ci = env['CI'];
  return (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') || env['NODE_ENV'] === 'production';
}

/** The date 12 months before `today` (same calendar day). */
export function reviewCutoff(today: Date): Date {
  const d = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
  return d;
}

/** "Today" for the review rule; TURVARADA_TODAY=YYYY-MM-DD pins it (reproducible builds and tests). */
export function ruleToday(env: Record<string, string | undefined> = process.env): Date {
  const pinned = env['TURVARADA_TODAY'];
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return new Date(pinned + 'T00:00:00Z');
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Checks the editorial rules; returns every problem found (empty = fine). */
export function checkContentRules(data: RuleSubject, catalog: CatalogLookup, today: Date): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!data.owner || data.owner.trim() === '') {
    issues.push({ path: ['owner'], message: 'Vastutaja (owner) puudub: iga leht vajab kedagi, kes hoiab selle õigena.' });
  }
  (data.modules ?? []).forEach((id, i) => {
    if (!catalog.modules.has(id)) issues.push({ path: ['modules', String(i)], message: `Tundmatu E-ITS 2024 mooduli id "${id}".` });
  });
  (data.measures ?? []).forEach((id, i) => {
    const m = catalog.measures.get(id);
    if (!m) issues.push({ path: ['measures', String(i)], message: `Tundmatu E-ITS 2024 meetme id "${id}".` });
    else if (m.class === 'high') {
      issues.push({
        path: ['measures', String(i)],
        message: `${id} on kõrgmeede (rakendub suure kaitsetarbe korral): vii see loendisse highMeasures, mitte measures.`,
      });
    }
  });
  (data.highMeasures ?? []).forEach((id, i) => {
    const m = catalog.measures.get(id);
    if (!m) issues.push({ path: ['highMeasures', String(i)], message: `Tundmatu E-ITS 2024 meetme id "${id}".` });
    else if (m.class !== 'high') {
      const label = m.class === 'basic' ? 'põhimeede' : 'standardmeede';
      issues.push({ path: ['highMeasures', String(i)], message: `${id} on ${label}, mitte kõrgmeede: vii see loendisse measures.` });
    }
  });
  if (data.lastReviewed && data.lastReviewed < reviewCutoff(today)) {
    const iso = data.lastReviewed.toISOString().slice(0, 10);
    issues.push({ path: ['lastReviewed'], message: `Viimane ülevaatus ${iso} on vanem kui 12 kuud: vaata sisu üle ja uuenda kuupäeva.` });
  }
  return issues;
}
