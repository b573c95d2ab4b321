// Who may do what: the role rules themselves, free of any framework so that the API (access.ts)
// and the browser pages (which show or hide controls) apply exactly the same rules.
import type { Role, SessionUser } from './session-user.ts';

/** The user as far as the rules need it (the API's SessionUser and the pages' `me` both fit). */
type RuleUser = Pick<SessionUser, 'role' | 'kovs'>;

export const PERMISSIONS = {
  'catalog.read': ['admin', 'analyst', 'specialist', 'viewer', 'reviewer', 'auditor'],
  'catalog.manage': ['admin'],
  'users.manage': ['admin'],
  'mail.outbox': ['admin'],
  'audit.read': ['admin', 'analyst'],
  'reports.read': ['admin', 'analyst'],
  'reports.snapshot': ['admin', 'analyst'],
  'solutions.manage': ['admin'],
  'budget.read': ['admin', 'analyst'],
  'budget.plan.write': ['admin', 'analyst'],
  'budget.actuals.write': ['admin', 'analyst'],
  'templates.submit': ['admin', 'analyst', 'specialist', 'viewer', 'reviewer', 'auditor'],
  'templates.review': ['reviewer'],
  'templates.close': ['admin'],
  'periods.manage': ['admin', 'analyst'],
  'periods.conclude': ['auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(user: RuleUser | null, permission: Permission): boolean {
  return !!user && (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

const SEES_ALL: readonly Role[] = ['admin', 'analyst'];
const WRITES_ASSIGNED: readonly Role[] = ['specialist'];

/** Municipalities whose tracker data the user may read: 'all' or a list of EHAK codes. */
export function readableKovs(user: RuleUser): 'all' | readonly string[] {
  if (SEES_ALL.includes(user.role)) return 'all';
  if (user.role === 'reviewer') return [];
  return user.kovs;
}

export function canReadKov(user: RuleUser, ehak: string): boolean {
  const kovs = readableKovs(user);
  return kovs === 'all' || kovs.includes(ehak);
}

export function canWriteKov(user: RuleUser, ehak: string): boolean {
  if (user.role === 'admin') return true;
  return WRITES_ASSIGNED.includes(user.role) && user.kovs.includes(ehak);
}

/** What may be done to an existing template (new templates need only the templates.submit permission). */
export type TemplateAction = 'version' | 'comment' | 'review' | 'close';

/** The template as far as the rules need it: who submitted it first, and who submitted its latest version. */
export interface TemplateFacts {
  createdBy: number;
  latestSubmittedBy: number;
}

/**
 * A new version only by the template's submitter or an admin (it supersedes the version under review
 * and its votes); a vote only by a reviewer who did not submit the latest version; comments by anyone
 * who may submit templates (the submitter answers the reviewers there); closing an open version as
 * rejected only by an admin.
 */
export function canActOnTemplate(user: (RuleUser & { id: number }) | null, template: TemplateFacts, action: TemplateAction): boolean {
  if (!user) return false;
  switch (action) {
    case 'version':
      return hasPermission(user, 'templates.submit') && (user.role === 'admin' || user.id === template.createdBy);
    case 'review':
      return hasPermission(user, 'templates.review') && user.id !== template.latestSubmittedBy;
    case 'comment':
      return hasPermission(user, 'templates.submit');
    case 'close':
      return hasPermission(user, 'templates.close');
  }
}

/** What may be done to a municipality's row of a reporting period (api/periods/). */
export type PeriodAction = 'submit' | 'confirm' | 'conclude' | 'reopen';

/**
 * Submit: whoever writes the municipality's statuses (its specialist, an admin). Confirm: the
 * municipality's head, a viewer or specialist account flagged as head (app_user.kov_head) and assigned
 * to it. Conclude: the municipality's auditor, the auditor's only write. Reopen: ELVL.
 */
export function canActOnPeriod(user: (RuleUser & { head?: boolean }) | null, ehak: string, action: PeriodAction): boolean {
  if (!user) return false;
  switch (action) {
    case 'submit':
      return canWriteKov(user, ehak);
    case 'confirm':
      return !!user.head && (user.role === 'viewer' || user.role === 'specialist') && user.kovs.includes(ehak);
    case 'conclude':
      return hasPermission(user, 'periods.conclude') && user.kovs.includes(ehak);
    case 'reopen':
      return hasPermission(user, 'periods.manage');
  }
}
