import { z } from 'zod';
import { MEASURE_ID_RE, MODULE_ID_RE, THREAT_ID_RE, classFromLevel, normalizeCia } from '../ids.ts';
import { assertUnique, validateRecords, CatalogInputError, type Bundle, type MeasureRec } from './bundle.ts';
import { groupsForModules } from './tree.ts';

/** The 2023 module/measure document (marcosepp/eits-python-api modules_and_measures.json). */
const MeasureSchema = z.object({
  code: z.string().regex(MEASURE_ID_RE, 'meetme tähis on vigane'),
  title: z.string().trim().min(1, 'pealkiri puudub'),
  group: z.string().refine((l) => classFromLevel(l) !== undefined, 'meetme liik peab olema Põhimeede, Standardmeede või Kõrgmeede'),
  description: z.string().nullable(),
  security_code: z.string().refine((c) => normalizeCia(c) !== undefined, 'CIA lipud on vigased'),
  assignees: z.array(z.string()).nullable(),
  // The document has [""] where a measure lists no threats.
  risks: z.array(z.string().refine((t) => t === '' || THREAT_ID_RE.test(t), 'ohu tähis peab olema kujul "G 0.n"')).nullable(),
});

const ModuleSchema = z.object({
  code: z.string().regex(MODULE_ID_RE, 'mooduli tähis on vigane'),
  title: z.string().trim().min(1, 'pealkiri puudub'),
  purpose: z.string().nullable(),
  responsibility: z.string().nullable(),
  limits: z.string().nullable(),
  risks: z.array(z.object({ title: z.string(), content: z.string() })).nullable(),
  measures: z.array(z.unknown()),
});

export const looksLikeEits2023 = (data: unknown) =>
  Array.isArray(data) && data.length > 0 && typeof data[0] === 'object' && data[0] !== null && 'code' in data[0] && 'measures' in data[0];

/** "ISMS.1.M1: Title" → "Title" */
const stripCode = (title: string, code: string) => (title.startsWith(code + ':') ? title.slice(code.length + 1).trim() : title.trim());
const prose = (s: string | null) => (s && s.trim() !== '' ? s.trim() : null);

export function parseEits2023(data: unknown[], label: string): Bundle {
  const modules = validateRecords(ModuleSchema, data, label, 'code');
  assertUnique(modules.map((m) => m.code), label);
  const measures: MeasureRec[] = [];
  for (const m of modules) {
    const recs = validateRecords(MeasureSchema, m.measures, `${label} moodul ${m.code} measures`, 'code');
    for (const r of recs) {
      if (!r.code.startsWith(m.code + '.')) throw new CatalogInputError(`${label} moodul ${m.code}: meede ${r.code} ei kuulu sellesse moodulisse`);
      measures.push({
        id: r.code,
        moduleId: m.code,
        title: stripCode(r.title, r.code),
        class: classFromLevel(r.group)!,
        cia: normalizeCia(r.security_code)!,
        // Roles in this document are unordered (the responsible role is not marked), so they
        // are not imported; the flat RIA list carries them.
        threats: (r.risks ?? []).filter((t) => t !== ''),
        description: prose(r.description),
      });
    }
  }
  assertUnique(measures.map((m) => m.id), label);
  return {
    format: 'eits-2023',
    groups: groupsForModules(modules.map((m) => m.code)),
    modules: modules.map((m) => ({
      id: m.code,
      groupId: m.code.split('.')[0]!,
      title: stripCode(m.title, m.code),
      description: prose(m.purpose),
      responsibility: prose(m.responsibility),
      limits: prose(m.limits),
      moduleThreats: m.risks && m.risks.length ? m.risks : null,
    })),
    measures,
  };
}
