import type { Role } from '../contracts/auth.ts';

export { ROLES, type Role } from '../contracts/auth.ts';

/** The signed-in user as every handler sees it. */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** EHAK codes of the municipalities assigned to the user (specialist, viewer, auditor). */
  kovs: string[];
  /** ISO date at whose start access ends (app_user.access_expires_on), or null. */
  accessExpiresOn: string | null;
}
