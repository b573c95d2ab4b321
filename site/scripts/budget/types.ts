// Shapes of the budget API responses the page uses (see api/budget/report.ts, execution.ts).
// The report's shapes are the API's own types, from its pure module api/budget/shapes.ts.
export type { Inconsistency, Money, PlanReport, PlanSummary } from '../../../api/budget/shapes.ts';
import type { Money } from '../../../api/budget/shapes.ts';

export interface ExecutionRow {
  planned: Money;
  actual: Money;
  utilisation: number | null;
}
export interface Execution {
  totals: ExecutionRow;
  byInitiative: Array<ExecutionRow & { code: string; name: string; fundingSource: string; businessPanelRequired: boolean; businessPanelDate: string | null }>;
  byAccount: Record<string, ExecutionRow>;
  byPeriod: Record<string, ExecutionRow>;
}
export interface ActualCost extends Money {
  id: number;
  initiative: string;
  date: string;
  account: string;
  supplier: string;
  documentNumber: string;
  description: string;
  attachmentName: string | null;
}
export interface PlanLine {
  period: string;
  account: string;
  net: number;
}
