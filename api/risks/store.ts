// Risk assessments per target object × elementary threat and their history (tables risk_assessment,
// risk_assessment_history): the one module that runs SQL on them.
import type { RiskAssessmentKind } from '../contracts/risks.ts';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/statements.ts';

/** A row of risk_assessment. */
export interface RiskAssessmentRow {
  object_id: number;
  threat_id: string;
  assessment: RiskAssessmentKind;
  additional_measure: string | null;
  justification: string | null;
  decided_by: string | null;
  decided_at: string | null;
  version: number;
  updated_by: number | null;
  updated_at: string;
}

const OF_OBJECT = prepared<[number], RiskAssessmentRow>('SELECT * FROM risk_assessment WHERE object_id = ?');
const OF_KOV = prepared<[string], RiskAssessmentRow>(
  'SELECT r.* FROM risk_assessment r JOIN target_object o ON o.id = r.object_id WHERE o.ehak = ?',
);
const ONE = prepared<[number, string], RiskAssessmentRow>('SELECT * FROM risk_assessment WHERE object_id = ? AND threat_id = ?');
const COUNT_OF_OBJECT = prepared<[number], { n: number }>('SELECT count(*) AS n FROM risk_assessment WHERE object_id = ?');
const UPSERT = prepared<[RiskAssessmentRow], unknown>(
  `INSERT INTO risk_assessment (object_id, threat_id, assessment, additional_measure, justification, decided_by, decided_at, version, updated_by, updated_at)
   VALUES (@object_id, @threat_id, @assessment, @additional_measure, @justification, @decided_by, @decided_at, @version, @updated_by, @updated_at)
   ON CONFLICT (object_id, threat_id) DO UPDATE SET assessment = excluded.assessment, additional_measure = excluded.additional_measure,
     justification = excluded.justification, decided_by = excluded.decided_by, decided_at = excluded.decided_at,
     version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
);
const HISTORY = prepared<[{ object_id: number; threat_id: string; version: number; old: string | null; new: string; changed_by: number | null; changed_at: string }], unknown>(
  `INSERT INTO risk_assessment_history (object_id, threat_id, version, old, new, changed_by, changed_at)
   VALUES (@object_id, @threat_id, @version, @old, @new, @changed_by, @changed_at)`,
);

export const assessmentsOfObject = (db: Db, objectId: number): RiskAssessmentRow[] => OF_OBJECT(db).all(objectId);
export const assessmentsOfKov = (db: Db, ehak: string): RiskAssessmentRow[] => OF_KOV(db).all(ehak);
export const assessmentRow = (db: Db, objectId: number, threatId: string): RiskAssessmentRow | undefined => ONE(db).get(objectId, threatId);
/** Whether the object holds any risk assessment (it cannot be deleted then). */
export const holdsAssessments = (db: Db, objectId: number): boolean => COUNT_OF_OBJECT(db).get(objectId)!.n > 0;

/** Writes the current row and its history row (call inside the write's transaction). */
export function saveAssessment(db: Db, row: RiskAssessmentRow, old: RiskAssessmentRow | undefined): void {
  UPSERT(db).run(row);
  const plain = (r: RiskAssessmentRow) => JSON.stringify({ assessment: r.assessment, additionalMeasure: r.additional_measure, justification: r.justification, decidedBy: r.decided_by, decidedAt: r.decided_at });
  HISTORY(db).run({
    object_id: row.object_id,
    threat_id: row.threat_id,
    version: row.version,
    old: old ? plain(old) : null,
    new: plain(row),
    changed_by: row.updated_by,
    changed_at: row.updated_at,
  });
}
