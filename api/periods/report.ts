// The period report for the ministry: one row per municipality with its state, lateness, dates and
// the figures frozen at submission. Numbers stay numbers (shares 0..1, shown as percentages in XLSX).
import { CLASS_PLURAL } from '../contracts/labels.ts';
import { CONCLUSION_LABELS, PERIOD_STATE_LABELS, type Period, type PeriodKov } from '../contracts/periods.ts';
import { CLASSES } from '../contracts/tracker.ts';
import { formatTimestamp, PERCENT_FMT, DATETIME_FMT, timestampCell } from '../exports/format.ts';
import { sheet, type Column, type Sheet } from '../lib/tabular.ts';

export function periodReportColumns(format: 'xlsx' | 'csv'): Column<PeriodKov>[] {
  const at = (pick: (k: PeriodKov) => string | null): Pick<Column<PeriodKov>, 'value' | 'numFmt'> =>
    format === 'xlsx' ? { value: (k) => timestampCell(pick(k)), numFmt: DATETIME_FMT } : { value: (k) => formatTimestamp(pick(k)) };
  return [
    { header: 'EHAK', value: (k) => k.ehak, width: 8 },
    { header: 'Omavalitsus', value: (k) => k.name, width: 26 },
    { header: 'Olek', value: (k) => PERIOD_STATE_LABELS[k.state], width: 14 },
    { header: 'Hilinenud', value: (k) => k.late, width: 10 },
    { header: 'Esitatud', ...at((k) => k.submittedAt), width: 17 },
    { header: 'Kinnitatud', ...at((k) => k.confirmedAt), width: 17 },
    { header: 'Auditeeritud', ...at((k) => k.auditedAt), width: 17 },
    { header: 'Audiitori järeldus', value: (k) => (k.conclusion ? CONCLUSION_LABELS[k.conclusion] : ''), width: 28 },
    { header: 'Meetmeid ulatuses', value: (k) => k.figures?.total ?? null, width: 12 },
    { header: 'Rakendatud', value: (k) => k.figures?.implemented ?? null, width: 12 },
    { header: 'Rakendatud osakaal', value: (k) => k.figures?.implementedShare ?? null, numFmt: PERCENT_FMT, width: 12 },
    ...CLASSES.map((c): Column<PeriodKov> => ({ header: `${CLASS_PLURAL[c]}: osakaal`, value: (k) => k.figures?.byClass[c].share ?? null, numFmt: PERCENT_FMT, width: 14 })),
  ];
}

export const periodReportSheet = (p: Period): Sheet => sheet<PeriodKov>({ name: 'Aruandeperiood', columns: periodReportColumns('xlsx'), rows: p.kovs });
