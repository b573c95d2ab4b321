// Every answer of the tracker side (tracker, reports, exports, municipalities, system) is described
// in /api/openapi.json down to its fields: JSON bodies by their contracts (api/contracts/), files as
// binary strings. A bare object, an `additionalProperties`-only record of unknowns or an untyped
// field fails, naming where it is.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PlanSchema, OpenDataSchema } from '../api/contracts/exports.ts';
import { KovSchema } from '../api/contracts/kov.ts';
import { KovProgressSchema } from '../api/contracts/progress.ts';
import { BenchmarkSchema, OverviewSchema, SnapshotSchema, SnapshotSummarySchema } from '../api/contracts/reports.ts';
import { SolutionModelSchema } from '../api/contracts/solutions.ts';
import { HealthSchema, MetaSchema } from '../api/contracts/system.ts';
import * as tracker from '../api/contracts/tracker.ts';
import { insertTestCatalog } from '../api/tracker/test-catalog.ts';
import { createTestContext, signInAs } from './helpers/app.ts';

const TAGS = ['tracker', 'reports', 'exports', 'kov', 'system', 'mail'];

type Schema = Record<string, unknown>;

/** Paths (JSON-pointer-like) under `schema` that do not say what they hold. */
function undescribed(doc: { components?: { schemas?: Record<string, Schema> } }, schema: unknown, at: string, seen = new Set<string>()): string[] {
  if (!schema || typeof schema !== 'object') return [`${at}: no schema`];
  const s = schema as Schema;
  if (typeof s['$ref'] === 'string') {
    const name = (s['$ref'] as string).replace('#/components/schemas/', '');
    if (seen.has(name)) return [];
    return undescribed(doc, doc.components?.schemas?.[name], `${at}→${name}`, new Set([...seen, name]));
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    if (!Array.isArray(s[key])) continue;
    const members = s[key] as unknown[];
    // allOf [{$ref}, {type: ['object', 'null']}] is how a nullable reference is written: the second
    // member only narrows the type, the reference says what the object holds.
    const typeOnly = (b: unknown) => !!b && typeof b === 'object' && Object.keys(b).every((k) => k === 'type');
    const describing = key === 'allOf' && members.length > 1 ? members.filter((b) => !typeOnly(b)) : members;
    return describing.flatMap((b) => undescribed(doc, b, `${at}/${key}[${members.indexOf(b)}]`, seen));
  }
  const types = ([] as unknown[]).concat(s['type'] ?? []);
  if (types.length === 0) return [`${at}: no type`];
  const out: string[] = [];
  if (types.includes('array')) out.push(...undescribed(doc, s['items'], `${at}[]`, seen));
  if (types.includes('object')) {
    const props = (s['properties'] ?? {}) as Record<string, unknown>;
    const extra = s['additionalProperties'];
    const typedExtra = extra && typeof extra === 'object' && Object.keys(extra).length > 0;
    if (Object.keys(props).length === 0 && !typedExtra) out.push(`${at}: an object without named properties`);
    for (const [k, v] of Object.entries(props)) out.push(...undescribed(doc, v, `${at}.${k}`, seen));
    if (typedExtra) out.push(...undescribed(doc, extra, `${at}.*`, seen));
  }
  return out;
}

describe('the OpenAPI document of the tracker side', () => {
  it('describes every 200/201 body field by field (files as binary strings)', async () => {
    const t = createTestContext();
    const doc = await (await t.request('/api/openapi.json')).json();
    const problems: string[] = [];
    let bodies = 0;
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { tags?: string[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op.tags?.some((tag) => TAGS.includes(tag))) continue;
        for (const [code, response] of Object.entries(op.responses)) {
          if (code !== '200' && code !== '201') continue;
          const where = `${method.toUpperCase()} ${path} ${code}`;
          if (!response.content) problems.push(`${where}: no content`);
          for (const [type, { schema }] of Object.entries(response.content ?? {})) {
            bodies++;
            if (type === 'application/json') problems.push(...undescribed(doc, schema, `${where} ${type}`));
            else if (JSON.stringify(schema) !== JSON.stringify({ type: 'string', format: 'binary' })) problems.push(`${where} ${type}: not a binary string`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(bodies).toBeGreaterThanOrEqual(24);
  });
});

describe('the answers', () => {
  it('are exactly what their contracts say: parsing keeps every field and drops none', async () => {
    const c = { ...tracker, z, PlanSchema, OpenDataSchema, KovSchema, KovProgressSchema, BenchmarkSchema, OverviewSchema, SnapshotSchema, SnapshotSummarySchema, HealthSchema, MetaSchema };
    const t = createTestContext();
    insertTestCatalog(t.db);
    const admin = signInAs(t.db, 'admin').token;
    const base = '/api/kovs/0141';
    const json = async (path: string, init: Parameters<typeof t.request>[1] = {}) => {
      const res = await t.request(path, { as: admin, ...init });
      expect(res.status, path).toBeLessThan(300);
      return res.json();
    };
    const central = { name: 'Keskne teenus: ELVL', type: 'service', provider: 'ELVL', kovs: ['0141'], statements: [{ measureId: 'ISMS.1.M2', responsibility: 'provider', status: 'implemented' }] };
    await json('/api/solution-models', { method: 'POST', json: central });
    await json(`${base}/measures/ISMS.1.M1`, { method: 'PUT', json: { status: 'partial', dueDate: '2020-01-01', version: 0 } });
    await json(`${base}/measures/ISMS.1.M1`, { method: 'PUT', json: { status: 'implemented', version: 1 } });
    await json(`${base}/measures/ISMS.1.M1/evidence`, { method: 'POST', json: { url: 'https://example.ee/a.pdf' } });
    const answers: Array<[string, { parse(v: unknown): unknown }, unknown]> = [
      ['list', c.z.array(c.MeasureListItemSchema), await json(`${base}/measures`)],
      ['record', c.MeasureRecordSchema, await json(`${base}/measures/ISMS.1.M1`)],
      ['history', c.z.array(c.HistoryEntrySchema), await json(`${base}/measures/ISMS.1.M1/history`)],
      ['evidence', c.z.array(c.EvidenceSchema), await json(`${base}/measures/ISMS.1.M1/evidence`)],
      ['bulk', c.BulkResultSchema, await json(`${base}/measures`, { method: 'PATCH', json: { status: 'partial', measureIds: ['OPS.1.1.2.M1'] } })],
      ['scope', c.ScopeSchema, await json(`${base}/scope`)],
      ['solution models', c.z.array(SolutionModelSchema), await json('/api/solution-models')],
      ['snapshot summary', c.SnapshotSummarySchema, await json('/api/reports/snapshots', { method: 'POST', json: { period: '2026-H1' } })],
      ['progress', c.KovProgressSchema, await json(`${base}/progress`)],
      ['benchmark', c.BenchmarkSchema, await json(`${base}/benchmark`)],
      ['overview', c.OverviewSchema, await json('/api/reports/overview')],
      ['snapshots', c.z.array(c.SnapshotSummarySchema), await json('/api/reports/snapshots')],
      ['snapshot', c.SnapshotSchema, await json('/api/reports/snapshots/2026-H1')],
      ['plan', c.PlanSchema, await json(`${base}/exports/plan.json`)],
      ['open data', c.OpenDataSchema, await json('/api/open-data/progress.json')],
      ['kovs', c.z.array(c.KovSchema), await json('/api/kovs')],
      ['meta', c.MetaSchema, await json('/api/meta')],
      ['health', c.HealthSchema, await json('/api/health')],
    ];
    for (const [name, schema, body] of answers) expect(schema.parse(body), name).toEqual(body);
  });
});
