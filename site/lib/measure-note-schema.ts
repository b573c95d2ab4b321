/**
 * Front matter schema of the measure notes (meetme selgitused): one short how-to per E-ITS measure,
 * in content/measure-notes/<measure id>.mdx (e.g. OPS.1.1.2.M5.mdx), shown at /e-its/meede/<id>/ and
 * linked from the module page and the tracker's measure page (via /kb/measure-links.json).
 *
 * The body has two sections, "Mida see väikesele omavalitsusele tähendab" and "Kuidas teha",
 * written in our own words (never RIA's prose). The measure's title, class, roles and link come from
 * the shipped catalogue index, so the note does not repeat them.
 *
 * Like the other collections, catalogue and editorial rules are errors in strict mode (CI or a
 * production build) and console warnings otherwise; structural problems are always errors.
 */
import { z } from 'astro/zod';
import { catalogLookup, type CatalogLookup } from './catalog-index.ts';
import { checkContentRules, isStrict, ruleToday, SLUG_PATTERN, type RuleIssue } from './content-rules.ts';

/** Measure ids as the catalogue writes them: ORP.4.M7, OPS.1.1.5.ME1. */
export const MEASURE_ID_PATTERN = /^[A-Z]{2,4}(\.[A-Z0-9]+)*\.M[A-Z]?\d+$/;

/** Who keeps a note correct when the file does not name someone else. */
export const NOTE_OWNER_DEFAULT = 'ELVL infoturbe töörühm';

const isoDate = (what: string) =>
  z.coerce.date({ message: `${what}: kuupäev kujul YYYY-MM-DD` }).describe(`${what} (ISO YYYY-MM-DD)`);
const text = (max: number, what: string) => z.string().trim().min(1, `${what} on kohustuslik`).max(max, `${what}: kuni ${max} märki`);

/** One source the note relies on. The first one is always the measure's official page on eits.ria.ee. */
export const noteSourceShape = z.object({
  /** What the reader sees as the link text. */
  title: text(200, 'Allika pealkiri (title)'),
  /** Address of the source; https only. */
  url: z.string().url('allika url peab olema täielik aadress').startsWith('https://', 'allika url peab algama https://'),
  /** Who published it (RIA, Riigi Teataja, AKI …). */
  publisher: text(120, 'Väljaandja (publisher)').optional(),
});

export const measureNoteShape = z.object({
  /** The E-ITS 2024 measure id; must equal the file name and be in the KOV profile (see outsideProfile). */
  measure: z.string().regex(MEASURE_ID_PATTERN, 'meetme id kujul ORP.4.M7').describe('E-ITS 2024 meetme id'),
  /** One or two sentences: what the measure asks of a small municipality. Lists, search, meta description. */
  summary: text(300, 'Kokkuvõte (summary)').describe('1–2 lauset, ≤ 300 märki'),
  /** 2–6 things an auditor would accept as proof that the measure is in place. */
  evidence: z
    .array(text(300, 'Tõend (evidence)'))
    .min(2, 'tõendeid vähemalt 2')
    .max(6, 'tõendeid kuni 6')
    .describe('2–6 tõendit, mida audiitor aktsepteerib'),
  /** Sources, the measure's official page on eits.ria.ee first (its `link` in the catalogue index). */
  sources: z.array(noteSourceShape).min(1, 'vähemalt üks allikas: meetme ametlik leht').describe('Allikad, esimene on meetme ametlik leht'),
  /** First publication date. Must not be after lastReviewed. */
  published: isoDate('Avaldatud (published)'),
  /** Last expert review; must be within the last 12 months. */
  lastReviewed: isoDate('Viimati üle vaadatud (lastReviewed)'),
  /** Guide slugs (content/guides/<slug>.mdx) that go deeper into the topic. Checked when the page is built. */
  related: z.array(z.string().regex(SLUG_PATTERN, 'juhendi slug, nt logimine')).default([]).describe('Seotud juhendite slugid'),
  /** Who keeps the note correct. */
  owner: z.string().trim().min(1).default(NOTE_OWNER_DEFAULT).describe('Vastutaja'),
  /**
   * Only for a measure that has no KOV priority because the profile was made on the 2023 measure set
   * (e.g. ORP.4.M10, which became a basic measure in 2024). The page then says that the working group
   * must classify it. Not allowed for a measure that has a KOV priority.
   */
  outsideProfile: z.literal(true).optional().describe('Meede puudub KOV profiilist (profiil tehti 2023. aasta meetmetele)'),
  /** Extra search words (inflected forms, synonyms). */
  keywords: z.array(z.string().trim().min(1)).default([]).describe('Otsingu märksõnad'),
  /** Facts a human expert should verify. Not shown to readers. */
  reviewNotes: z.array(z.string()).optional().describe('Eksperdi kontrolli vajavad kohad'),
});

export type MeasureNoteData = z.infer<typeof measureNoteShape>;

type NoteRuleSubject = Pick<MeasureNoteData, 'measure' | 'owner' | 'sources' | 'lastReviewed' | 'outsideProfile'>;

/**
 * The catalogue and editorial rules of a note: the shared ones (owner, review age, known measure id),
 * plus: the measure is in the KOV profile (or marked outsideProfile and really without a priority),
 * and the first source is the measure's official page.
 */
export function checkMeasureNoteRules(data: NoteRuleSubject, catalog: CatalogLookup, today: Date): RuleIssue[] {
  // A note explains one measure of any class (the KOV profile has P1 high measures too), so the measure
  // goes to the list its class belongs in; the class rule is for pages citing measures as guidance.
  const high = catalog.measures.get(data.measure)?.class === 'high';
  const issues = checkContentRules(
    { title: data.measure, owner: data.owner, modules: [], measures: high ? [] : [data.measure], highMeasures: high ? [data.measure] : [], lastReviewed: data.lastReviewed },
    catalog,
    today,
  ).map((i) => (i.path[0] === 'measures' || i.path[0] === 'highMeasures' ? { ...i, path: ['measure'] } : i));
  const measure = catalog.measures.get(data.measure);
  if (!measure) return issues;
  const priority = catalog.kov[data.measure];
  if (!priority && !data.outsideProfile) {
    issues.push({ path: ['measure'], message: `Meede ${data.measure} ei ole KOV kasutusprofiilis. Kui see on 2024. aastal lisandunud või klassi muutnud meede, märgi outsideProfile: true ja selgita seda tekstis.` });
  }
  if (priority && data.outsideProfile) {
    issues.push({ path: ['outsideProfile'], message: `Meetmel ${data.measure} on KOV prioriteet ${priority}: eemalda outsideProfile.` });
  }
  if (data.sources[0]?.url !== measure.link) {
    issues.push({ path: ['sources', '0', 'url'], message: `Esimene allikas peab olema meetme ametlik leht: ${measure.link}` });
  }
  return issues;
}

/** The schema with its rules: published ≤ lastReviewed always; catalogue and editorial rules by mode. */
export function withNoteRules(env: Record<string, string | undefined> = process.env) {
  return measureNoteShape.superRefine((data, ctx) => {
    if (data.published > data.lastReviewed) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['published'], message: 'published peab olema ≤ lastReviewed' });
    }
    const issues = checkMeasureNoteRules(data, catalogLookup(), ruleToday(env));
    const strict = isStrict(env);
    for (const issue of issues) {
      if (strict) ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
      else console.warn(`[sisu hoiatus] meetme selgitus ${data.measure} ${issue.path.join('.')}: ${issue.message}`);
    }
  });
}

/** Note file name → collection id: the file name is the measure id (OPS.1.1.2.M5.mdx → OPS.1.1.2.M5). */
export function noteIdFromFile(entry: string, data: Record<string, unknown>): string {
  const id = entry.replace(/\.mdx?$/, '');
  if (!MEASURE_ID_PATTERN.test(id)) {
    throw new Error(`Meetme selgituse faili nimi "${entry}" ei sobi: nimeta fail meetme järgi, nt OPS.1.1.2.M5.mdx.`);
  }
  if (data['measure'] !== id) {
    throw new Error(`Meetme selgituse fail "${entry}": measure peab olema "${id}" (praegu "${String(data['measure'])}").`);
  }
  return id;
}
