// The modelling report as a workbook for the auditor: objects and needs, the modules × objects matrix,
// the gaps and the risk analyses. The same rows as the JSON report (modelling.ts).
import { NEED_LABELS, OBJECT_TYPE_LABELS, RISK_STATE_LABELS } from '../contracts/labels.ts';
import type { MatrixModule, ModellingObject, ModellingReport } from '../contracts/modelling.ts';
import type { NeedDimension } from '../contracts/objects.ts';
import type { RiskAnalysisSummary } from '../contracts/risks.ts';
import { sheet, type Column, type Sheet } from '../lib/tabular.ts';

const needCell = (dim: NeedDimension) => (o: ModellingObject) => {
  const n = o.need[dim];
  return `${NEED_LABELS[n.level]}${n.from ? ` (objektilt ${n.from})` : ''}${n.distributed ? ' (hajusefekt)' : ''}`;
};

const OBJECT_COLUMNS: Column<ModellingObject>[] = [
  { header: 'Objekt', value: (o) => o.name, width: 32 },
  { header: 'Tüüp', value: (o) => OBJECT_TYPE_LABELS[o.type], width: 16 },
  { header: 'Arv', value: (o) => o.count, width: 6 },
  { header: 'Kriitiline', value: (o) => (o.critical ? 'jah' : 'ei'), width: 10 },
  { header: 'Konfidentsiaalsus (C)', value: needCell('confidentiality'), width: 26 },
  { header: 'Terviklus (I)', value: needCell('integrity'), width: 26 },
  { header: 'Käideldavus (A)', value: needCell('availability'), width: 26 },
  { header: 'Kaitsetarbe põhjendus', value: (o) => o.justification, width: 40 },
  { header: 'Sõltub', value: (o) => o.dependsOn.join(', '), width: 30 },
  { header: 'Moodulid', value: (o) => o.modules.join(', '), width: 40 },
  { header: 'Meetmeid', value: (o) => o.measureCount, width: 10 },
  { header: 'neist kaitsetarbest kõrgmeetmeid', value: (o) => o.needMeasureCount, width: 14 },
];

function matrixColumns(objects: readonly ModellingObject[]): Column<MatrixModule>[] {
  return [
    { header: 'Moodul', value: (m) => m.id, width: 12 },
    { header: 'Pealkiri', value: (m) => m.title, width: 40 },
    ...objects.map((o): Column<MatrixModule> => ({
      header: o.name,
      value: (m) => (m.modelledOn.includes(o.id) ? 'x' : m.suggestedFor.includes(o.id) ? 'soovitus' : null),
      width: 14,
    })),
    { header: 'Lünk', value: (m) => (m.gap ? 'jah' : null), width: 8 },
  ];
}

const RISK_COLUMNS: Column<RiskAnalysisSummary>[] = [
  { header: 'Objekt', value: (r) => r.name, width: 32 },
  { header: 'Riskianalüüs', value: (r) => RISK_STATE_LABELS[r.state], width: 16 },
  { header: 'Ohte', value: (r) => r.threats, width: 8 },
  { header: 'Hinnatud', value: (r) => r.assessed, width: 10 },
];

export function modellingSheets(report: ModellingReport): Sheet[] {
  return [
    sheet<ModellingObject>({ name: 'Objektid', columns: OBJECT_COLUMNS, rows: report.objects }),
    sheet<MatrixModule>({ name: 'Moodulid ja objektid', columns: matrixColumns(report.objects), rows: report.modules }),
    sheet<MatrixModule>({ name: 'Lüngad', columns: matrixColumns([]).filter((c) => c.header !== 'Lünk'), rows: report.modules.filter((m) => m.gap) }),
    sheet<RiskAnalysisSummary>({ name: 'Riskianalüüs', columns: RISK_COLUMNS, rows: report.riskAnalyses.filter((r) => r.required) }),
  ];
}
