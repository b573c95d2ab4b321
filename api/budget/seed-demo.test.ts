import { describe, expect, it } from 'vitest';
import { createTestContext, signInAs } from '../../tests/helpers/app.ts';
import { seedBudgetDemo } from '../../scripts/seed/budget-demo.ts';

describe('budget demo seed', () => {
  it('loads the 2023–2024 plan with business-panel dates and SF actual costs', async () => {
    const t = createTestContext();
    const lines: string[] = [];
    seedBudgetDemo(t.db, (l) => lines.push(l));
    expect(lines[0]).toMatch(/\(3 vastuolu\), 6 näidiskulu/);
    const as = signInAs(t.db, 'analyst').token;
    const ex = await (await t.request('/api/budget/plans/1/execution', { as })).json();
    expect(ex.totals.planned.net).toBe(1547118);
    expect(ex.totals.actual.net).toBe(16077.33);
    const kuber = ex.byInitiative.find((i: { code: string }) => i.code === 'KUBER');
    expect(kuber).toMatchObject({ businessPanelDate: '2023-09-12', actual: { net: 9548.66, vat: 1056, gross: 10604.66 } });
  });
});
