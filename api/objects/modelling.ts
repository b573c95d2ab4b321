// The modelling report (issue 19, the auditor's view): every object with its needs and where they come
// from, the modules × objects matrix with suggestions by object type, the gaps and the risk analyses.
import type { MatrixModule, ModellingObject, ModellingReport } from '../contracts/modelling.ts';
import { NEED_DIMENSIONS, type TargetObject } from '../contracts/objects.ts';
import type { Db } from '../db/database.ts';
import { riskAnalysisSummaries } from '../risks/analysis.ts';
import { editionFacts, kovOf, settingModules, settingsOf } from '../tracker/reference.ts';
import { listObjects } from './read.ts';
import { fitsType } from './suggestions.ts';

/** System modules model objects of their kind; process modules belong to the organisation as a whole. */
const SYSTEM_GROUPS = ['INF', 'NET', 'SYS', 'APP', 'IND'];
const isSystemModule = (id: string) => SYSTEM_GROUPS.some((g) => id.startsWith(`${g}.`));

function objectRow(o: TargetObject, names: ReadonlyMap<number, string>): ModellingObject {
  const need = Object.fromEntries(
    NEED_DIMENSIONS.map((dim) => {
      const from = o.needOrigin[dim];
      return [dim, { level: o.effectiveNeed[dim], from: from === null ? null : (names.get(from) ?? String(from)), distributed: o.distribution[dim] }];
    }),
  ) as ModellingObject['need'];
  return {
    id: o.id,
    name: o.name,
    type: o.type,
    count: o.count,
    critical: o.critical,
    protectionNeed: o.protectionNeed,
    need,
    justification: o.justification,
    dependsOn: o.dependsOn.map((id) => names.get(id) ?? String(id)),
    modules: o.modules,
    measureCount: o.measureCount,
    needMeasureCount: o.needMeasureCount,
  };
}

/** The report; undefined for an unknown municipality. */
export function modellingReport(db: Db, ehak: string, generatedOn: string): ModellingReport | undefined {
  const kov = kovOf(db, ehak);
  const settings = settingsOf(db, ehak);
  if (!kov || !settings) return undefined;
  const objects = listObjects(db, ehak);
  const names = new Map(objects.map((o) => [o.id, o.name]));
  const facts = editionFacts(db, settings.edition).measures;
  const titles = new Map(facts.map((m) => [m.moduleId, m.moduleTitle]));
  const order = new Map<string, number>();
  for (const m of facts) if (!order.has(m.moduleId)) order.set(m.moduleId, order.size);
  const scope = new Set(settingModules(db, ehak));
  const ids = [...new Set([...scope, ...objects.flatMap((o) => o.modules)])].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
  const others = objects.filter((o) => o.type !== 'organisation');
  const modules: MatrixModule[] = ids.map((id) => {
    const modelledOn = objects.filter((o) => o.modules.includes(id)).map((o) => o.id);
    return {
      id,
      title: titles.get(id) ?? id,
      modelledOn,
      // Only where no object models it yet: a fitting object is the likely home of a module left unplaced.
      suggestedFor: others.some((o) => o.modules.includes(id)) ? [] : others.filter((o) => fitsType(o.type, id)).map((o) => o.id),
      gap: scope.has(id) && isSystemModule(id) && !others.some((o) => o.modules.includes(id)),
    };
  });
  return {
    kov: { ehak, name: kov.name },
    approach: settings.approach,
    generatedOn,
    objects: objects.map((o) => objectRow(o, names)),
    modules,
    riskAnalyses: riskAnalysisSummaries(db, ehak),
  };
}
