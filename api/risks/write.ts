// Write side of the risk analysis: one threat's decision on one object, with a version check, field
// errors, the history row and an audit entry in one transaction (as api/tracker/status-write.ts).
import { recordAudit, type Actor } from '../audit/record.ts';
import type { RiskAnalysis, ThreatAssessment, ThreatAssessmentWrite } from '../contracts/risks.ts';
import { inTransaction, type Db } from '../db/database.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { riskAnalysisOf } from './analysis.ts';
import { assessmentRow, saveAssessment, type RiskAssessmentRow } from './store.ts';

type FieldError = { path: string; message: string };
const clean = (v: string | null | undefined): string | null => (v == null || v.trim() === '' ? null : v.trim());

/** The rules a decision follows: an additional measure is described; an accepted or transferred risk is justified, by a named person, on a date. */
function fieldErrors(body: ThreatAssessmentWrite): FieldError[] {
  const errors: FieldError[] = [];
  if (body.assessment === 'additional_measure' && !clean(body.additionalMeasure)) errors.push({ path: 'additionalMeasure', message: 'Kirjelda lisameedet.' });
  if (body.assessment === 'accepted' || body.assessment === 'transferred') {
    if (!clean(body.justification)) errors.push({ path: 'justification', message: 'Riski aktsepteerimine või edasiandmine vajab põhjendust.' });
    if (!clean(body.decidedBy)) errors.push({ path: 'decidedBy', message: 'Kirjuta, kes otsustas.' });
    if (!body.decidedAt) errors.push({ path: 'decidedAt', message: 'Kirjuta otsuse kuupäev.' });
  }
  return errors;
}

/** Records the decision on `code` for the object; answers the threat as it now reads. */
export function assessThreat(db: Db, ehak: string, objectId: number, code: string, body: ThreatAssessmentWrite, actor: Actor): ThreatAssessment {
  return inTransaction(db, () => {
    const before: RiskAnalysis | undefined = riskAnalysisOf(db, ehak, objectId);
    if (!before) throw notFound('Objekti ei leitud.');
    const threat = before.threats.find((t) => t.code === code);
    if (!threat) throw notFound('Selle objekti meetmed seda ohtu ei käsitle.');
    if (threat.version !== body.version) {
      throw new ApiError(409, 'version_conflict', 'Keegi muutis seda hinnangut vahepeal. Vaata tema muudatust ja proovi uuesti.', { current: threat });
    }
    const errors = fieldErrors(body);
    if (errors.length) throw new ApiError(400, 'validation_failed', 'Sisendis on vigu.', errors);
    const keepsDecision = body.assessment !== 'covered';
    const row: RiskAssessmentRow = {
      object_id: objectId,
      threat_id: code,
      assessment: body.assessment,
      additional_measure: body.assessment === 'additional_measure' ? clean(body.additionalMeasure) : null,
      justification: clean(body.justification),
      decided_by: keepsDecision ? clean(body.decidedBy) : null,
      decided_at: keepsDecision ? (body.decidedAt ?? null) : null,
      version: threat.version + 1,
      updated_by: actor.id,
      updated_at: new Date().toISOString(),
    };
    saveAssessment(db, row, assessmentRow(db, objectId, code));
    const after = riskAnalysisOf(db, ehak, objectId)!.threats.find((t) => t.code === code)!;
    recordAudit(db, { actorId: actor.id, action: 'risk.assess', entity: 'risk_assessment', entityId: `${objectId}:${code}`, kov: ehak, oldValue: threat, newValue: after, ip: actor.ip });
    return after;
  });
}
