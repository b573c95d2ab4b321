// Shapes of the budget API responses the page uses (see api/budget/report.ts, execution.ts).
export interface Money {
  net: number;
  vat: number;
  gross: number;
}
export interface Inconsistency {
  scope: 'initiative' | 'plan';
  code: string | null;
  key: string;
  field: 'net' | 'gross';
  declared: number;
  computed: number;
}
export interface PlanSummary {
  id: number;
  familyId: number;
  version: number;
  name: string;
  createdAt: string;
  inconsistencyCount: number;
  latest: boolean;
}
export interface InitiativeReport extends Money {
  code: string;
  name: string;
  fundingSource: string;
  businessPanelRequired: boolean;
  measureActivity: string | null;
  byPeriod: Record<string, Money>;
  byAccount: Record<string, Money>;
}
export interface PlanReport {
  plan: { id: number; name: string };
  totals: Money;
  byPeriod: Record<string, Money>;
  byAccount: Record<string, Money>;
  bySource: Record<string, Money & { name: string; vatTreatment: string; byPeriod: Record<string, Money> }>;
  initiatives: InitiativeReport[];
  inconsistencies: Inconsistency[];
}
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
