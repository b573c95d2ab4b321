import { z } from 'zod';
import { MEASURE_ID_RE, MODULE_ID_RE, absoluteLink, classFromLevel, normalizeCia, splitList } from '../ids.ts';
import { assertUnique, validateRecords, type Bundle } from './bundle.ts';
import { groupsForModules } from './tree.ts';

/** One record of RIA's flat measure list (`/api/2/...` export, e.g. 2024_eits_l3_250107.json). */
const RiaMeasureSchema = z
  .object({
    mid: z.string().regex(MEASURE_ID_RE, 'meetme tähis peab olema kujul MOODUL.M<n>'),
    pid: z.string().regex(MODULE_ID_RE, 'mooduli tähis on vigane'),
    level: z.string().refine((l) => classFromLevel(l) !== undefined, 'meetme liik peab olema Põhimeede, Standardmeede või Kõrgmeede'),
    responsible: z.string(),
    lifecycle: z.string(),
    assignee: z.string(),
    cia: z.string().refine((c) => normalizeCia(c) !== undefined, 'CIA lipud on vigased (lubatud C, I, A)'),
    title: z.string().trim().min(1, 'pealkiri puudub'),
    content: z.string(),
    link: z.string().refine((l) => l === '' || absoluteLink(l) !== undefined, 'link peab olema suhteline (/…) või https://'),
  })
  .refine((r) => r.mid.startsWith(r.pid + '.'), { message: 'meede ei kuulu moodulisse pid', path: ['pid'] });

export const looksLikeRiaFlat = (data: unknown) =>
  Array.isArray(data) && data.length > 0 && typeof data[0] === 'object' && data[0] !== null && 'mid' in data[0] && 'pid' in data[0];

/** RIA's text marks line breaks as [NL]. */
const riaText = (content: string) => content.replaceAll('[NL]', '\n').trim();

export function parseRiaFlat(data: unknown[], label: string): Bundle {
  const records = validateRecords(RiaMeasureSchema, data, label, 'mid');
  assertUnique(records.map((r) => r.mid), label);
  const moduleIds = [...new Set(records.map((r) => r.pid))];
  return {
    format: 'ria-flat',
    groups: groupsForModules(moduleIds),
    modules: moduleIds.map((id) => ({ id, groupId: id.split('.')[0]! })),
    measures: records.map((r) => ({
      id: r.mid,
      moduleId: r.pid,
      title: r.title.trim(),
      class: classFromLevel(r.level)!,
      responsible: r.responsible.trim(),
      coResponsible: splitList(r.assignee, /;/),
      lifecycle: r.lifecycle.trim(),
      cia: normalizeCia(r.cia)!,
      link: absoluteLink(r.link) ?? null,
      description: r.content.trim() === '' ? null : riaText(r.content),
    })),
  };
}
