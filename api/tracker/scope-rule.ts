// Which measures a municipality's scope takes, decided in one place (pure: catalogue facts in,
// members out). The approaches (README "Compliance tracker: scope and progress"):
//   basic    (põhiturve)     the profile's basic measures;
//   standard (standardturve) the profile's basic + standard measures (the default);
//   core     (tuumikuturve)  the profile's basic + standard measures, but only in the modules where
//                            the profile has at least one P1 measure: depth on the core first;
//   the profile's measures include those of its modules it has not classified yet (no priority);
//   plus every measure of the extra modules under the same class rule (a profile measure of a
//   module that `core` left out comes in this way, with its priority).
// High (Kõrgmeede) measures are never in scope: none of the three approaches requires them.
import type { Approach, MeasureClass, Priority } from '../contracts/tracker.ts';
import type { MeasureFactsRow } from '../catalog/store.ts';

export const DEFAULT_EDITION = '2024';
export const DEFAULT_PROFILE = 'KOV';
export const DEFAULT_APPROACH: Approach = 'standard';

/** A municipality's scope setting (kov_scope, or the defaults above when it has saved none). */
export interface ScopeSettings {
  edition: string;
  profileName: string;
  approach: Approach;
  extraModules: readonly string[];
}

/** What the catalogue says of a measure: one frozen object per edition and measure, shared by all scopes. */
export type MeasureFacts = Readonly<MeasureFactsRow>;

/** A measure in a scope: its facts and its priority in the scope's profile. */
export interface ScopeMember {
  facts: MeasureFacts;
  priority: Priority | null;
}

const takesClass = (approach: Approach, cls: MeasureClass): boolean => cls === 'basic' || (cls === 'standard' && approach !== 'basic');

/**
 * The members of a scope, in catalogue order. `measures` are the edition's measures in catalogue
 * order; `profile` the profile's priorities by measure id (null when the edition has no such profile);
 * `unclassified` the measures of the profile's modules it has not classified yet (new in the
 * edition or of another class before): they are in scope like profile measures, with no priority
 * ("määramata"), until the working group classifies them.
 */
export function scopeMembers(
  settings: ScopeSettings,
  measures: readonly MeasureFacts[],
  profile: ReadonlyMap<string, Priority> | null,
  unclassified: ReadonlySet<string> = new Set(),
): ScopeMember[] {
  const { approach } = settings;
  const extra = new Set(settings.extraModules);
  const p1Modules = new Set<string>();
  if (profile) for (const m of measures) if (profile.get(m.measureId) === 'P1') p1Modules.add(m.moduleId);
  const members: ScopeMember[] = [];
  for (const m of measures) {
    if (!takesClass(approach, m.class)) continue;
    const priority = profile?.get(m.measureId) ?? null;
    const coreModule = approach !== 'core' || p1Modules.has(m.moduleId);
    const byProfile = (priority !== null || unclassified.has(m.measureId)) && coreModule;
    const byExtraModule = extra.has(m.moduleId) && !byProfile;
    if (byProfile || byExtraModule) members.push({ facts: m, priority });
  }
  return members;
}
