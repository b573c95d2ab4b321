/**
 * Front matter schemas of the knowledge base (the contract in the content brief, implemented exactly).
 * Three collections: guides (juhendid), solutions (standardlahendused), templates (mallid).
 * Structural rules live in the zod shapes; catalogue/owner/review rules are added by `withRules`
 * (see content-rules.ts: error in CI or a production build, warning in dev).
 */
import { z } from 'astro/zod';
import { catalogLookup } from './catalog-index.ts';
import { AUDIENCES, TOPICS, checkContentRules, isStrict, ruleToday } from './content-rules.ts';

const isoDate = (what: string) =>
  z.coerce
    .date({ errorMap: () => ({ message: `${what} on kohustuslik: kuupäev kujul YYYY-MM-DD` }) })
    .describe(`${what} (ISO YYYY-MM-DD)`);
const text = (max: number, what: string) => z.string().trim().min(1, `${what} on kohustuslik`).max(max, `${what}: kuni ${max} märki`);
const moduleId = z.string().regex(/^[A-Z]{2,4}(\.[A-Z0-9]+)+$/, 'mooduli id kujul ISMS.1, OPS.1.1.5');
const measureId = z.string().regex(/^[A-Z]{2,4}(\.[A-Z0-9]+)*\.M[A-Z]?\d+$/, 'meetme id kujul ORP.4.M7');

/** Fields every content item has. */
const common = {
  /** Page title, printed as the h1. ≤ 90 characters. */
  title: text(90, 'Pealkiri (title)').describe('Pealkiri, ≤ 90 märki'),
  /** One or two sentences shown in lists, search results and the meta description. ≤ 300 characters. */
  summary: text(300, 'Kokkuvõte (summary)').describe('1–2 lauset, ≤ 300 märki'),
  /** E-ITS 2024 module ids the item serves (checked against the catalogue index). */
  modules: z.array(moduleId).min(1, 'vähemalt üks moodul').describe('E-ITS 2024 moodulite id-d'),
  /**
   * E-ITS 2024 measure ids (≥ 1) the item helps implement as general guidance: basic and standard
   * measures only (content-rules.ts). Checked against the catalogue index; linked to the official text.
   */
  measures: z.array(measureId).min(1, 'vähemalt üks meede').describe('E-ITS 2024 põhi- ja standardmeetmete id-d'),
  /**
   * High measures (kõrgmeetmed) the item mentions: they apply only where the protection need is high
   * ("suure kaitsetarbe korral"), so the page lists them apart under that heading.
   */
  highMeasures: z.array(measureId).default([]).describe('E-ITS 2024 kõrgmeetmete id-d (suure kaitsetarbe korral)'),
  /**
   * Where the facts come from, primary sources first (Riigi Teataja, eits.ria.ee, ria.ee, aki.ee).
   * A claim no source supports is written as what to check and where, never as fact.
   */
  sources: z
    .array(
      z.object({
        title: text(200, 'Allika pealkiri (sources.title)'),
        url: z.string().url('allika url peab olema täielik aadress').refine((u) => u.startsWith('https://'), 'allika url peab algama https://'),
        publisher: z.string().trim().min(1).optional(),
      }),
      { required_error: 'Allikad (sources) on kohustuslikud: vähemalt üks, esmased enne (Riigi Teataja, eits.ria.ee, ria.ee, aki.ee)' },
    )
    .min(1, 'vähemalt üks allikas (sources)')
    .describe('Allikad, esmased enne: Riigi Teataja, eits.ria.ee, ria.ee, aki.ee'),
  /** Who keeps the page correct. Required by the editorial rules (see content-rules.ts). */
  owner: z.string().trim().optional().describe('Vastutaja: kes hoiab sisu õigena'),
  /** First publication date. Must not be after lastReviewed. */
  published: isoDate('Avaldatud (published)'),
  /** Last expert review; required, and must be within the last 12 months. */
  lastReviewed: isoDate('Viimati üle vaadatud (lastReviewed)'),
  /** Extra search words: Estonian inflected forms and synonyms people type. Boosted in search. */
  keywords: z.array(z.string().trim().min(1)).default([]).describe('Otsingu märksõnad (käändevormid, sünonüümid)'),
  /** Facts a human expert should verify (uncertain law references, numbers). Not shown to readers. */
  reviewNotes: z.array(z.string()).optional().describe('Eksperdi kontrolli vajavad kohad'),
};

/** Guides (juhendid): practical how-tos with a checklist. */
export const guideShape = z.object({
  ...common,
  /** Who it is for: KOV IT staff, management, security specialists. */
  audience: z.array(z.enum(AUDIENCES)).min(1, 'vähemalt üks sihtrühm').describe('Sihtrühm: kov-it | juhtkond | spetsialist'),
  /** Topics from the closed list (content-rules.ts TOPICS). */
  topics: z.array(z.enum(TOPICS)).min(1, 'vähemalt üks teema').describe('Teemad suletud loendist'),
  /** 4–12 concrete, verifiable steps. */
  checklist: z.array(z.string().trim().min(1)).min(4, 'kontrollnimekirjas vähemalt 4 sammu').max(12, 'kontrollnimekirjas kuni 12 sammu').describe('4–12 kontrollitavat sammu'),
});

export const SOLUTION_CATEGORIES = ['dokumendihaldus', 'volikogu', 'veeb', 'kontoritarkvara', 'pilv', 'teavitus', 'muu'] as const;
export const SOLUTION_CATEGORY_LABELS: Record<(typeof SOLUTION_CATEGORIES)[number], string> = {
  dokumendihaldus: 'Dokumendihaldus', volikogu: 'Volikogu töö', veeb: 'Veebileht', kontoritarkvara: 'Kontoritarkvara',
  pilv: 'Pilvteenus', teavitus: 'Teavitus', muu: 'Muu',
};

/** Standard solutions (standardlahendused) used by municipalities, with what to verify and ask. */
export const solutionShape = z.object({
  ...common,
  /** Kind of solution. */
  category: z.enum(SOLUTION_CATEGORIES).describe('Lahenduse liik'),
  /** Who supplies it (general wording when unsure, with a reviewNote). */
  supplier: text(200, 'Tarnija (supplier)').describe('Tarnija'),
  /** Typical hosting model. */
  hosting: text(300, 'Majutus (hosting)').describe('Tüüpiline majutus'),
  /** 6–12 security checks the municipality can verify itself. */
  checklist: z.array(z.string().trim().min(1)).min(6, 'kontrollnimekirjas vähemalt 6 punkti').max(12, 'kontrollnimekirjas kuni 12 punkti').describe('6–12 omakontrolli punkti'),
  /**
   * 5–10 security clauses for the supplier contract. Each states its number (hours to report an
   * incident, days to patch, RPO/RTO, log retention, exit and data return; [brackets] mark a value the
   * municipality sets) and the evidence that shows the supplier meets it, so that a municipality
   * without a specialist can check the supplier.
   */
  contractClauses: z
    .array(
      z.object({
        clause: text(600, 'Lepingutingimus (contractClauses.clause)'),
        evidence: text(400, 'Tõend (contractClauses.evidence)'),
      }),
    )
    .min(5, 'vähemalt 5 lepingutingimust')
    .max(10, 'kuni 10 lepingutingimust')
    .describe('5–10 lepingu turvatingimust koos arvu ja tõendiga'),
  /** 5–10 open questions to ask the supplier. */
  supplierQuestions: z.array(z.string().trim().min(1)).min(5, 'vähemalt 5 küsimust').max(10, 'kuni 10 küsimust').describe('5–10 küsimust tarnijale'),
});

export const TEMPLATE_CATEGORIES = ['poliitika', 'kord', 'plaan', 'juhend', 'vorm'] as const;
export const TEMPLATE_CATEGORY_LABELS: Record<(typeof TEMPLATE_CATEGORIES)[number], string> = {
  poliitika: 'Poliitika', kord: 'Kord', plaan: 'Plaan', juhend: 'Juhend', vorm: 'Vorm',
};

/** Templates (mallid): the body is the template; downloadable as Markdown and ODT. */
export const templateShape = z.object({
  ...common,
  /** Kind of document. */
  category: z.enum(TEMPLATE_CATEGORIES).describe('Dokumendi liik'),
  /** Template version as a quoted string, e.g. "1.0". */
  version: z.string({ message: 'versioon jutumärkides, nt "1.0"' }).regex(/^\d+(\.\d+)*$/, 'versioon kujul "1.0"').describe('Malli versioon'),
});

type RuleData = { title: string; owner?: string | undefined; modules: string[]; measures: string[]; highMeasures?: string[]; published: Date; lastReviewed: Date };

/**
 * Adds the cross-field and editorial rules to a shape: published ≤ lastReviewed always; catalogue ids,
 * owner and review age as errors in strict mode, as console warnings otherwise.
 */
export function withRules<T extends z.ZodTypeAny>(shape: T, env: Record<string, string | undefined> = process.env): z.ZodEffects<T> {
  return shape.superRefine((value, ctx) => {
    const data = value as RuleData;
    if (data.published > data.lastReviewed) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['published'], message: 'published peab olema ≤ lastReviewed' });
    }
    const issues = checkContentRules(data, catalogLookup(), ruleToday(env));
    const strict = isStrict(env);
    for (const issue of issues) {
      if (strict) ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message });
      else console.warn(`[sisu hoiatus] "${data.title}" ${issue.path.join('.')}: ${issue.message}`);
    }
  });
}

export type GuideData = z.infer<typeof guideShape>;
export type SolutionData = z.infer<typeof solutionShape>;
export type TemplateData = z.infer<typeof templateShape>;
