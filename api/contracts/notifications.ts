// The signed-in user's mail preferences (GET/PATCH /api/me/preferences). Plain zod only.
import { z } from 'zod';

export const PreferencesSchema = z
  .object({ weeklyDigest: z.boolean().meta({ description: 'Whether the weekly digest of open tasks is mailed (on by default)' }) })
  .meta({ id: 'Preferences' });
export type Preferences = z.infer<typeof PreferencesSchema>;

export const PreferencesUpdateSchema = z.strictObject({ weeklyDigest: z.boolean() }).meta({ id: 'PreferencesUpdate' });
