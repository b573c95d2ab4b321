// The municipality's progress report as XLSX: summary, classes, module groups, modules, next steps
// and the trend across snapshots. Shares are numbers (0..1) in cells with a percent format.
import type { Db } from '../db/database.ts';
import { sheet, type Column, type Sheet } from '../lib/tabular.ts';
import { listSnapshots } from '../reports/snapshots.ts';
import type { KovProgress, NextStep, ShareCell } from '../contracts/progress.ts';
import { tallinnToday } from '../lib/today.ts';
import { APPROACH_LABELS, CLASS_LABELS, CLASS_PLURAL, CLASSES, STATUS_LABELS, STATUSES } from '../contracts/labels.ts';
import { getProgress, nextSteps } from '../tracker/progress.ts';
import { DATE_FMT, dateCell, formatIsoDate, PERCENT_FMT } from './format.ts';

/** How many open measures the "Järgmised sammud" sheet lists (the dashboard shows 10). */
export const NEXT_STEPS_LIMIT = 50;

interface SummaryRow {
  label: string;
  value: string | number | null;
  share?: number | null;
}

const summaryColumns: Column<SummaryRow>[] = [
  { header: 'Näitaja', value: (r) => r.label, width: 36 },
  { header: 'Väärtus', value: (r) => r.value, width: 24 },
  { header: 'Osakaal', value: (r) => r.share ?? null, width: 10, numFmt: PERCENT_FMT },
];

function summaryRows(p: KovProgress, generatedOn: string): SummaryRow[] {
  return [
    { label: 'Omavalitsus', value: p.name },
    { label: 'EHAK-kood', value: p.ehak },
    { label: 'E-ITS väljaanne', value: p.edition },
    { label: 'Turbe lähenemine', value: APPROACH_LABELS[p.approach] },
    { label: 'Koostatud', value: formatIsoDate(generatedOn) },
    { label: 'Meetmeid kokku', value: p.total },
    { label: 'Asjakohaseid meetmeid', value: p.applicable },
    { label: 'Rakendatud (osakaal asjakohastest)', value: p.implemented, share: p.implementedShare },
    { label: 'sh keskselt tagatud', value: p.sharedServiceImplemented },
    ...STATUSES.map((s) => ({ label: `Seis: ${STATUS_LABELS[s]} (osakaal kõigist)`, value: p.byStatus[s].count, share: p.byStatus[s].share })),
  ];
}

/** Count columns shared by the class, group and module sheets. */
function cellColumns<Row extends ShareCell>(): Column<Row>[] {
  return [
    { header: 'Meetmeid', value: (r) => r.total, width: 10 },
    { header: 'Pole asjakohane', value: (r) => r.notApplicable, width: 15 },
    { header: 'Rakendatud', value: (r) => r.implemented, width: 11 },
    { header: 'Rakendatud osakaal', value: (r) => r.share, width: 18, numFmt: PERCENT_FMT },
  ];
}

const nextStepColumns: Column<NextStep>[] = [
  { header: 'Tähis', value: (r) => r.measureId, width: 16 },
  { header: 'Meede', value: (r) => r.title, width: 50 },
  { header: 'Moodul', value: (r) => r.module, width: 12 },
  { header: 'Prioriteet', value: (r) => r.priority, width: 11 },
  { header: 'Klass', value: (r) => CLASS_LABELS[r.class], width: 15 },
  { header: 'Seis', value: (r) => STATUS_LABELS[r.status], width: 22 },
  { header: 'Tähtaeg', value: (r) => dateCell(r.dueDate), width: 12, numFmt: DATE_FMT },
  { header: 'Tähtaeg möödas', value: (r) => (r.overdue ? 'jah' : 'ei'), width: 15 },
];

interface TrendRow {
  period: string;
  share: number | null;
  median: number | null;
}

/** The sheets of the progress report, or null when the municipality is unknown. */
export function progressSheets(db: Db, ehak: string, generatedOn: string, today = tallinnToday()): Sheet[] | null {
  const p = getProgress(db, ehak, today);
  if (!p) return null;
  const medians = new Map(listSnapshots(db).map((s) => [s.period, s.medianImplementedShare]));
  const trend: TrendRow[] = p.trend.map((t) => ({ period: t.period, share: t.implementedShare, median: medians.get(t.period) ?? null }));
  const classes = CLASSES.filter((c) => p.byClass[c].total > 0).map((c) => ({ ...p.byClass[c], label: CLASS_PLURAL[c] }));
  type GroupRow = KovProgress['byGroup'][number];
  type ModuleRow = KovProgress['byModule'][number];
  return [
    sheet<SummaryRow>({ name: 'Kokkuvõte', columns: summaryColumns, rows: summaryRows(p, generatedOn) }),
    sheet({ name: 'Klassid', columns: [{ header: 'Klass', value: (r) => r.label, width: 18 }, ...cellColumns<(typeof classes)[number]>()], rows: classes }),
    sheet<GroupRow>({
      name: 'Moodulirühmad',
      columns: [{ header: 'Rühm', value: (r) => r.group, width: 8 }, { header: 'Nimetus', value: (r) => r.title, width: 36 }, ...cellColumns<GroupRow>()],
      rows: p.byGroup,
    }),
    sheet<ModuleRow>({
      name: 'Moodulid',
      columns: [
        { header: 'Moodul', value: (r) => r.module, width: 12 },
        { header: 'Nimetus', value: (r) => r.title, width: 44 },
        { header: 'Rühm', value: (r) => r.group, width: 8 },
        ...cellColumns<ModuleRow>(),
      ],
      rows: p.byModule,
    }),
    sheet<NextStep>({ name: 'Järgmised sammud', columns: nextStepColumns, rows: nextSteps(db, ehak, today, NEXT_STEPS_LIMIT) }),
    sheet<TrendRow>({
      name: 'Trend',
      columns: [
        { header: 'Periood', value: (r) => r.period, width: 10 },
        { header: 'Rakendatud osakaal', value: (r) => r.share, width: 18, numFmt: PERCENT_FMT },
        { header: 'Kõigi omavalitsuste mediaan', value: (r) => r.median, width: 26, numFmt: PERCENT_FMT },
      ],
      rows: trend,
    }),
  ];
}
