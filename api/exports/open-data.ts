// The public open-data aggregate: per municipality only public facts (EHAK code, name, type,
// county) and counts/shares. Deliberately NO free text (descriptions, justifications), NO people
// (responsible persons, who changed what) and nothing per measure. Built from getOverview (one
// grouped query). The field list is fixed here and documented in the README.
import type { OpenData, OpenDataRow } from '../contracts/exports.ts';
import type { Db } from '../db/database.ts';
import type { Column } from '../lib/tabular.ts';
import { getOverview } from '../reports/overview.ts';
import { formatIsoDate, round4 } from './format.ts';

export const OPEN_DATA_FIELDS = ['ehak', 'name', 'type', 'county', 'measuresInScope', 'implemented', 'implementedShare', 'basicShare', 'standardShare'] as const;

export function buildOpenData(db: Db, generatedOn: string): OpenData {
  const municipalities = getOverview(db)
    .rows.map(
      (r): OpenDataRow => ({
        ehak: r.ehak,
        name: r.name,
        type: r.type,
        county: r.county,
        measuresInScope: r.total,
        implemented: r.implemented,
        implementedShare: round4(r.implementedShare),
        basicShare: round4(r.byClass.basic),
        standardShare: round4(r.byClass.standard),
      }),
    )
    .sort((a, b) => a.ehak.localeCompare(b.ehak));
  return { generatedOn, municipalities };
}

// The public endpoint must not let anonymous callers run the all-municipality aggregate at will:
// keep the result per database for the same time the response may be cached by clients.
export const OPEN_DATA_TTL_MS = 300_000;
const cache = new WeakMap<Db, { at: number; data: OpenData }>();

export function cachedOpenData(db: Db, generatedOn: string, now = Date.now()): OpenData {
  const hit = cache.get(db);
  if (hit && hit.data.generatedOn === generatedOn && now >= hit.at && now - hit.at < OPEN_DATA_TTL_MS) return hit.data;
  const data = buildOpenData(db, generatedOn);
  cache.set(db, { at: now, data });
  return data;
}

type OpenDataCsvRow = OpenDataRow & { generatedOn: string };

/** CSV columns; the generation date (dd.mm.yyyy) is repeated on each row so the file stays one flat table. */
export const OPEN_DATA_COLUMNS: Array<Column<OpenDataCsvRow> & { field: keyof OpenDataCsvRow }> = [
  { field: 'ehak', header: 'EHAK', value: (r) => r.ehak },
  { field: 'name', header: 'Omavalitsus', value: (r) => r.name },
  { field: 'type', header: 'Tüüp', value: (r) => r.type },
  { field: 'county', header: 'Maakond', value: (r) => r.county },
  { field: 'measuresInScope', header: 'Meetmeid ulatuses', value: (r) => r.measuresInScope },
  { field: 'implemented', header: 'Rakendatud', value: (r) => r.implemented },
  { field: 'implementedShare', header: 'Rakendatud osakaal', value: (r) => r.implementedShare },
  { field: 'basicShare', header: 'Põhimeetmete osakaal', value: (r) => r.basicShare },
  { field: 'standardShare', header: 'Standardmeetmete osakaal', value: (r) => r.standardShare },
  { field: 'generatedOn', header: 'Koostatud', value: (r) => formatIsoDate(r.generatedOn) },
];

export const openDataCsvRows = (d: OpenData): OpenDataCsvRow[] => d.municipalities.map((m) => ({ ...m, generatedOn: d.generatedOn }));
