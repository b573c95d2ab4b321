// The layout README's Architecture section describes, held over the import graph of api/,
// scripts/ and site/ (tests/helpers/import-graph.ts): no import cycles; the site imports from
// api/ only contracts and pure modules; api/routes.ts mounts every router, each built one way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MAY_PREPARE_SQL, PREPARE_SQL_SELECTORS, SITE_MAY_IMPORT_FROM_API } from '../eslint.config.js';
import { ROOT, cycles, importGraph } from './helpers/import-graph.ts';

const { graph, unresolved } = importGraph(['api', 'scripts', 'site']);
const isTest = (path: string) => /\.test\.ts$|(^|\/)test-[\w-]+\.ts$/.test(path);
const sitePure = (module: string) => SITE_MAY_IMPORT_FROM_API.some((p) => (p.endsWith('/') ? module.startsWith(p) : module === p));
/** Packages a pure module may use: they run in the browser and hold no server state. */
const BROWSER_PACKAGES = ['zod'];

describe('the import graph', () => {
  it('reads every module, .astro pages included, and resolves every relative import', () => {
    expect([...graph.keys()].filter((f) => f.endsWith('.astro')).length).toBeGreaterThan(10);
    expect(graph.get('api/app.ts')).toContain('api/routes.ts');
    expect(unresolved).toEqual([]);
  });

  it('has no import cycles (type-only imports and re-exports included)', () => {
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });
});

describe('the contracts (api/contracts/)', () => {
  it('import nothing but zod and each other', () => {
    const contracts = [...graph.keys()].filter((f) => f.startsWith('api/contracts/') && !isTest(f));
    expect(contracts.length).toBeGreaterThanOrEqual(5);
    expect(contracts.flatMap((f) => graph.get(f)!.filter((d) => d !== 'zod' && !d.startsWith('api/contracts/')).map((d) => `${f} → ${d}`))).toEqual([]);
  });
});

describe('SQL outside the stores', () => {
  const names = PREPARE_SQL_SELECTORS.map((s) => /'(\w+)'/.exec(s)![1]!);
  const preparesSql = (file: string) => new RegExp(`\\b(${names.join('|')})\\s*(<[^>]*>)?\\(`).test(readFileSync(join(ROOT, file), 'utf8'));

  // The glob patterns of MAY_PREPARE_SQL as regular expressions: ** any path, * one path segment.
  const glob = (g: string) => g.split('**/').map((part) => part.split('**').map((p) => p.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('.*')).join('(.*/)?');
  const allowed = MAY_PREPARE_SQL.map((g) => new RegExp(`^${glob(g)}$`));

  it('is nowhere: every module that prepares SQL is a store, api/db/, the benchmark or a test (no exceptions left)', () => {
    const outside = [...graph.keys()].filter((f) => f.endsWith('.ts') && !allowed.some((re) => re.test(f)) && preparesSql(f));
    expect(outside).toEqual([]);
    // The check sees the stores it allows, so it does look.
    expect(preparesSql('api/templates/stores/templates.ts') && allowed.some((re) => re.test('api/templates/stores/templates.ts'))).toBe(true);
  });
});

describe('what the site imports from api/', () => {
  it('is only api/contracts/ and the pure modules listed in eslint.config.js', () => {
    const outside = [...graph].flatMap(([file, deps]) =>
      file.startsWith('site/') ? deps.filter((d) => d.startsWith('api/') && !sitePure(d)).map((d) => `${file} → ${d}`) : [],
    );
    expect(outside).toEqual([]);
  });

  it('reaches no server code: the pure modules import only each other and browser packages', () => {
    const found = [...graph.keys()].filter(sitePure);
    expect(found.length).toBeGreaterThanOrEqual(SITE_MAY_IMPORT_FROM_API.filter((p) => !p.endsWith('/')).length);
    const server = found.flatMap((m) =>
      graph.get(m)!.filter((d) => (d.startsWith('api/') ? !sitePure(d) : !BROWSER_PACKAGES.includes(d))).map((d) => `${m} → ${d}`),
    );
    expect(server).toEqual([]);
  });
});

const parse = (file: string) => ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest);

/** Exported functions named …Routes in a module, with their parameter counts. */
function routerFactories(file: string): Array<{ name: string; params: number }> {
  return parse(file).statements.flatMap((s) => {
    const exported = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) return [];
    if (ts.isFunctionDeclaration(s) && s.name) return [{ name: s.name.text, params: s.parameters.length }];
    if (!ts.isVariableStatement(s)) return [];
    return s.declarationList.declarations.flatMap((d) =>
      ts.isIdentifier(d.name) && d.initializer && ts.isArrowFunction(d.initializer) ? [{ name: d.name.text, params: d.initializer.parameters.length }] : [],
    );
  }).filter((f) => /Routes$/.test(f.name));
}

/** The names a module imports (as exported by the other module), e.g. 'measureRoutes'. */
function importedNames(file: string): string[] {
  return parse(file).statements.flatMap((s) => {
    const bindings = ts.isImportDeclaration(s) ? s.importClause?.namedBindings : undefined;
    return bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => (e.propertyName ?? e.name).text) : [];
  });
}

describe('routers', () => {
  const modules = [...graph.keys()].filter((f) => f.startsWith('api/') && f.endsWith('.ts') && !isTest(f) && f !== 'api/routes.ts');
  const routerModules = modules.filter((f) => routerFactories(f).length > 0);

  it('are listed in api/routes.ts and mounted nowhere else', () => {
    expect(routerModules.length).toBeGreaterThan(15);
    const mounted = graph.get('api/routes.ts')!;
    expect(routerModules.filter((f) => !mounted.includes(f))).toEqual([]);
    const routers = new Set(routerModules.flatMap((f) => routerFactories(f).map((r) => r.name)));
    const nested = modules.flatMap((m) => importedNames(m).filter((n) => routers.has(n)).map((n) => `${m} imports ${n}`));
    expect(nested).toEqual([]);
  });

  it('are built one way: a parameterless …Routes() returning createRouter() from api/lib/openapi.ts', () => {
    const misbuilt = routerModules.flatMap((f) => routerFactories(f).filter((r) => r.params > 0).map((r) => `${f}: ${r.name}(…)`));
    expect(misbuilt).toEqual([]);
    const factories = ['api/lib/openapi.ts', 'api/app.ts', 'api/site.ts']; // the router factory; the app and the site app
    const ownHono = modules.filter((f) => !factories.includes(f) && /new (OpenAPI)?Hono\b/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(ownHono).toEqual([]);
    expect(routerModules.filter((f) => !graph.get(f)!.includes('api/lib/openapi.ts'))).toEqual([]);
  });
});
