// What the budget API answers with, as far as the site's budget page reads it: the plan list, the
// plan report and its inconsistencies. Types and the VAT treatment codes only, no server code, so
// the site may import this module (eslint.config.js); report.ts, declared.ts and store.ts fill them.

export const VAT_TREATMENTS = ['vat_from_state_budget', 'grant_includes_vat', 'vat_added_to_grant', 'implementer_applies_vat'] as const;
export type VatTreatment = (typeof VAT_TREATMENTS)[number];

/** Euros as numbers with at most two decimals, computed from integer cents. */
export interface Money {
  net: number;
  vat: number;
  gross: number;
}

/** A figure the plan document declared that differs from the one computed from its lines. */
export interface Inconsistency {
  scope: 'initiative' | 'plan';
  code: string | null;
  key: string;
  field: 'net' | 'gross';
  declared: number;
  computed: number;
}

/** One stored plan version in the plan list. */
export interface PlanSummary {
  id: number;
  familyId: number;
  version: number;
  name: string;
  createdAt: string;
  inconsistencyCount: number;
  latest: boolean;
}

export interface PlanReport {
  plan: { id: number; name: string };
  totals: Money;
  byPeriod: Record<string, Money>;
  byAccount: Record<string, Money>;
  bySource: Record<string, { name: string; vatTreatment: VatTreatment } & Money & { byPeriod: Record<string, Money> }>;
  initiatives: Array<
    { code: string; name: string; fundingSource: string; businessPanelRequired: boolean; measureActivity: string | null } & Money & {
      byPeriod: Record<string, Money>;
      byAccount: Record<string, Money>;
    }
  >;
  inconsistencies: Inconsistency[];
}
