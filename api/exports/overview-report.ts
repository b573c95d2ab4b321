// The ELVL overview as XLSX, one sheet per view: every municipality (shares total, by class, by
// module group, last activity), the module-group heat table and the medians. Built from
// getOverview, i.e. one grouped query for all 79 municipalities.
import type { Db } from '../db/database.ts';
import { sheet, toXlsx, type Column, type Sheet } from '../lib/tabular.ts';
import type { Overview, OverviewRow } from '../contracts/reports.ts';
import { getOverview } from '../reports/overview.ts';
import { CLASS_PLURAL, CLASSES, type MeasureClass } from '../contracts/labels.ts';
import { DATETIME_FMT, PERCENT_FMT, timestampCell } from './format.ts';
import { withHeatScale } from './heat.ts';

/** Classes that have measures in anyone's scope (high measures are in no approach's scope). */
function presentClasses(o: Overview): MeasureClass[] {
  return CLASSES.filter((c) => o.rows.some((r) => r.byClass[c] !== null));
}

const kovColumns: Column<OverviewRow>[] = [
  { header: 'EHAK', value: (r) => r.ehak, width: 7 },
  { header: 'Omavalitsus', value: (r) => r.name, width: 24 },
];

function groupColumns(o: Overview): Column<OverviewRow>[] {
  return o.groups.map((g) => ({ header: `${g.id} ${g.title}`, value: (r: OverviewRow) => r.byGroup[g.id] ?? null, width: 14, numFmt: PERCENT_FMT }));
}

interface MedianRow {
  label: string;
  value: number | null;
}

export function overviewSheets(db: Db): Sheet[] {
  const o = getOverview(db);
  const classes = presentClasses(o);
  const classColumns: Column<OverviewRow>[] = classes.map((c) => ({ header: `${CLASS_PLURAL[c]}`, value: (r) => r.byClass[c], width: 16, numFmt: PERCENT_FMT }));
  const medians: MedianRow[] = [
    { label: 'Rakendatud osakaal kokku', value: o.median.implementedShare },
    ...classes.map((c) => ({ label: CLASS_PLURAL[c], value: o.median.byClass[c] })),
    ...o.groups.map((g) => ({ label: `${g.id} ${g.title}`, value: o.median.byGroup[g.id] ?? null })),
  ];
  return [
    sheet<OverviewRow>({
      name: 'Omavalitsused',
      columns: [
        ...kovColumns,
        { header: 'Tüüp', value: (r) => r.type, width: 7 },
        { header: 'Maakond', value: (r) => r.county, width: 18 },
        { header: 'Meetmeid', value: (r) => r.total, width: 10 },
        { header: 'Rakendatud', value: (r) => r.implemented, width: 11 },
        { header: 'Rakendatud osakaal', value: (r) => r.implementedShare, width: 18, numFmt: PERCENT_FMT },
        ...classColumns,
        ...groupColumns(o),
        { header: 'Viimane muudatus', value: (r) => timestampCell(r.lastActivity), width: 17, numFmt: DATETIME_FMT },
      ],
      rows: o.rows,
    }),
    sheet<OverviewRow>({ name: 'Moodulirühmad', columns: [...kovColumns, ...groupColumns(o)], rows: o.rows }),
    sheet<MedianRow>({
      name: 'Mediaan',
      columns: [
        { header: 'Näitaja', value: (r) => r.label, width: 40 },
        { header: 'Omavalitsuste mediaan', value: (r) => r.value, width: 22, numFmt: PERCENT_FMT },
      ],
      rows: medians,
    }),
  ];
}

/** The overview workbook with the colour scale on the heat table's share columns. */
export async function overviewWorkbook(db: Db): Promise<Buffer> {
  const sheets = overviewSheets(db);
  const heat = sheets[1]!;
  const xlsx = await toXlsx(sheets, { title: 'Omavalitsuste ülevaade' });
  return withHeatScale(xlsx, heat.name, kovColumns.length + 1, heat.columns.length);
}
