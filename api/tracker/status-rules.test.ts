// The status rule the API and the pages share: what each status requires and keeps.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATUSES } from './model.ts';
import { keepsField, missingFields, requiresField } from './status-rules.ts';

describe('status rules', () => {
  it('asks an accepted risk for a justification, who accepted it and when', () => {
    expect(missingFields('risk_accepted', { justification: 'Eelarve', acceptedBy: ' ' }, 'measureIds.0.')).toEqual([
      { path: 'measureIds.0.acceptedBy', message: 'Märgi, kes riski aktsepteeris.' },
      { path: 'measureIds.0.acceptedAt', message: 'Märgi riski aktsepteerimise kuupäev.' },
    ]);
    expect(missingFields('not_applicable', {})).toEqual([{ path: 'justification', message: 'Staatus „pole asjakohane” vajab põhjendust.' }]);
    expect(missingFields('implemented', {})).toEqual([]);
  });

  it('keeps the acceptance fields only with an accepted risk, and requires only fields it keeps', () => {
    expect(STATUSES.filter((s) => keepsField(s, 'acceptedAt'))).toEqual(['risk_accepted']);
    expect(STATUSES.every((s) => keepsField(s, 'justification'))).toBe(true);
    for (const s of STATUSES) for (const f of ['justification', 'acceptedBy', 'acceptedAt'] as const) if (requiresField(s, f)) expect(keepsField(s, f)).toBe(true);
  });

  it('imports nothing but the vocabulary, so the site can bundle it', () => {
    const imports = [...readFileSync(new URL('./status-rules.ts', import.meta.url), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['./model.ts']);
  });
});
