export const ROLES = ['admin', 'analyst', 'specialist', 'viewer', 'reviewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user as every handler sees it. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** EHAK codes of the municipalities assigned to the user (specialist, viewer, auditor). */
  kovs: string[];
}
