// Issue 16 item 1: /api/openapi.json describes every response field. For the auth, audit,
// templates, budget and reporting-period operations, no 200/201 JSON body may be an untyped object: no schema
// without fields (`{}` or a bare `type: object`), no record of unknown values, and no body that is
// only a record. $refs are resolved against the document's components.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/app.ts';

type Schema = Record<string, unknown>;
const OWN_PATHS = ['/api/auth', '/api/audit', '/api/templates', '/api/budget', '/api/mail', '/api/reporting-periods'];
// Operations under /api/kovs/{ehak} held to the same rule (their prefix is shared with older routes).
const OWN_KOV_PATHS = /^\/api\/kovs\/\{ehak\}\/reporting-period/;

async function openApiDocument(): Promise<{ paths: Record<string, Record<string, Schema>>; components?: { schemas?: Record<string, Schema> } }> {
  const res = await createTestContext().request('/api/openapi.json');
  expect(res.status).toBe(200);
  return res.json();
}

/** The places under `schema` that describe no fields, as JSON-pointer-like paths. */
function untyped(schema: Schema, components: Record<string, Schema>, at: string, seen = new Set<string>()): string[] {
  const ref = schema.$ref as string | undefined;
  if (ref) {
    if (seen.has(ref)) return [];
    const target = components[ref.replace('#/components/schemas/', '')];
    return target ? untyped(target, components, `${at}→${ref.split('/').pop()}`, new Set([...seen, ref])) : [`${at}: unresolved ${ref}`];
  }
  const children: Array<[string, Schema]> = [];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    (schema[key] as Schema[] | undefined)?.forEach((s, i) => children.push([`${at}.${key}[${i}]`, s]));
  }
  if (schema.items && typeof schema.items === 'object') children.push([`${at}[]`, schema.items as Schema]);
  const props = schema.properties as Record<string, Schema> | undefined;
  for (const [name, s] of Object.entries(props ?? {})) children.push([`${at}.${name}`, s]);
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object') children.push([`${at}{}`, extra as Schema]);

  const typed = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'not'].some((k) => k in schema);
  const own: string[] = [];
  if (!typed) own.push(`${at}: no type`);
  if (schema.type === 'object' && !props && !(extra && typeof extra === 'object' && Object.keys(extra).length > 0)) own.push(`${at}: bare object`);
  return [...own, ...children.flatMap(([path, s]) => untyped(s, components, path, seen))];
}

/** A body that is a record and nothing else (additionalProperties without properties). */
function recordOnly(schema: Schema, components: Record<string, Schema>): boolean {
  const ref = schema.$ref as string | undefined;
  const target = ref ? components[ref.replace('#/components/schemas/', '')] ?? {} : schema;
  return target.type === 'object' && !target.properties && target.additionalProperties !== undefined;
}

describe('/api/openapi.json for the auth, audit, templates and budget operations', () => {
  it('gives every 200/201 JSON body a schema with real fields', async () => {
    const doc = await openApiDocument();
    const components = doc.components?.schemas ?? {};
    const problems: string[] = [];
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!OWN_PATHS.some((p) => path === p || path.startsWith(`${p}/`)) && !OWN_KOV_PATHS.test(path)) continue;
      for (const [method, op] of Object.entries(operations)) {
        const responses = (op as { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }).responses ?? {};
        for (const status of ['200', '201']) {
          const schema = responses[status]?.content?.['application/json']?.schema;
          if (!schema) continue;
          checked++;
          const where = `${method.toUpperCase()} ${path} ${status}`;
          if (recordOnly(schema, components)) problems.push(`${where}: only a record`);
          problems.push(...untyped(schema, components, where));
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
