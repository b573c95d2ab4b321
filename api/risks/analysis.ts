// The risk analysis of a target object (E-ITS: etalonturbe väline riskianalüüs), read side. The
// threats to assess are those the object's in-scope measures counter (the catalogue's threat links);
// the analysis is required when the object's effective need is high or very high in any dimension.
import { threatLinks, threats as allThreats } from '../catalog/stores/threats.ts';
import type { TargetObject } from '../contracts/objects.ts';
import type { RiskAnalysis, RiskAnalysisSummary, ThreatAssessment } from '../contracts/risks.ts';
import type { Db } from '../db/database.ts';
import { listObjects, objectEntries } from '../objects/read.ts';
import { settingsOf } from '../tracker/reference.ts';
import { statusListRows } from '../tracker/stores/status.ts';
import { peopleOf } from '../users/store.ts';
import { assessmentsOfKov, type RiskAssessmentRow } from './store.ts';
import { pushTo } from '../lib/group.ts';

/** True when the object's effective need is above normal in any dimension. */
export const analysisRequired = (o: Pick<TargetObject, 'effectiveNeed'>): boolean =>
  Object.values(o.effectiveNeed).some((level) => level !== 'normal');

/** Threat code → the object's measures that counter it, in catalogue order of the measures. */
function threatMeasures(measureIds: readonly string[], links: ReadonlyMap<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of measureIds) for (const code of links.get(id) ?? []) pushTo(out, code, id);
  return out;
}

/** The municipality's implemented object × measure records, as "objectId/measureId". */
function implementedOn(db: Db, ehak: string, edition: string): Set<string> {
  return new Set(statusListRows(db, ehak, edition).filter((r) => r.status === 'implemented').map((r) => `${r.object_id}/${r.measure_id}`));
}

interface KovRiskData {
  objects: TargetObject[];
  threatsOf: Map<number, Map<string, string[]>>;
  rows: Map<number, Map<string, RiskAssessmentRow>>;
  implemented: Set<string>;
}

function kovRiskData(db: Db, ehak: string): KovRiskData {
  const edition = settingsOf(db, ehak)?.edition ?? '2024';
  const objects = listObjects(db, ehak);
  const links = threatLinks(db, edition);
  const threatsOf = new Map(objects.map((o) => [o.id, threatMeasures(objectEntries(db, ehak, o.id).map((e) => e.facts.measureId), links)]));
  const rows = new Map<number, Map<string, RiskAssessmentRow>>();
  for (const r of assessmentsOfKov(db, ehak)) rows.set(r.object_id, (rows.get(r.object_id) ?? new Map()).set(r.threat_id, r));
  return { objects, threatsOf, rows, implemented: implementedOn(db, ehak, edition) };
}

/** The object's analysis; undefined for an object the municipality does not have. */
export function riskAnalysisOf(db: Db, ehak: string, objectId: number): RiskAnalysis | undefined {
  const data = kovRiskData(db, ehak);
  const object = data.objects.find((o) => o.id === objectId);
  if (!object) return undefined;
  const byCode = data.threatsOf.get(objectId)!;
  const rows = data.rows.get(objectId) ?? new Map<string, RiskAssessmentRow>();
  const people = peopleOf(db, [...rows.values()].map((r) => r.updated_by));
  const threats: ThreatAssessment[] = allThreats(db)
    .filter((t) => byCode.has(t.code))
    .map((t) => {
      const measures = byCode.get(t.code)!;
      const r = rows.get(t.code);
      return {
        code: t.code,
        title: t.title,
        measures,
        implemented: measures.filter((m) => data.implemented.has(`${objectId}/${m}`)).length,
        assessment: r?.assessment ?? null,
        additionalMeasure: r?.additional_measure ?? null,
        justification: r?.justification ?? null,
        decidedBy: r?.decided_by ?? null,
        decidedAt: r?.decided_at ?? null,
        version: r?.version ?? 0,
        updatedBy: r?.updated_by != null ? (people.get(r.updated_by) ?? null) : null,
        updatedAt: r?.updated_at ?? null,
      };
    });
  return { objectId, required: analysisRequired(object), assessed: threats.filter((t) => t.assessment !== null).length, threats };
}

/** Every object's analysis state, for the structure analysis and progress ("missing or incomplete"). */
export function riskAnalysisSummaries(db: Db, ehak: string): RiskAnalysisSummary[] {
  const data = kovRiskData(db, ehak);
  return data.objects.map((o) => {
    const codes = data.threatsOf.get(o.id)!;
    const rows = data.rows.get(o.id);
    const assessed = [...codes.keys()].filter((c) => rows?.has(c)).length;
    const required = analysisRequired(o);
    const state = !required ? 'not_required' : assessed === 0 ? 'missing' : assessed < codes.size ? 'incomplete' : 'complete';
    return { objectId: o.id, name: o.name, required, threats: codes.size, assessed, state };
  });
}
