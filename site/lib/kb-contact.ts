/**
 * Who answers accessibility feedback, as the accessibility statement must say (ATS § 32: a contact with
 * e-mail and phone). ELVL's current addresses could not be verified from a public source when this was
 * written, so they are never guessed here: the operator sets them for the build (README, Configuration):
 * TURVARADA_CONTACT_EMAIL and TURVARADA_CONTACT_PHONE. Until then the statement names the unit and says
 * plainly that the address and number are not set, and the build prints a warning.
 */
export interface SiteContact {
  /** The unit that answers (a role, not a person). */
  unit: string;
  email: string | null;
  phone: string | null;
}

export const CONTACT_UNIT = 'ELVL-i IKT kompetentsikeskus';
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i;
const PHONE = /^\+?[0-9][0-9 -]{5,18}[0-9]$/;

/** Reads and checks the contact; an invalid value stops the build with a one-line message. */
export function siteContact(env: Record<string, string | undefined> = process.env): SiteContact {
  const email = env['TURVARADA_CONTACT_EMAIL']?.trim() || null;
  const phone = env['TURVARADA_CONTACT_PHONE']?.trim() || null;
  if (email && !EMAIL.test(email)) throw new Error(`TURVARADA_CONTACT_EMAIL ei ole e-posti aadress: ${email}`);
  if (phone && !PHONE.test(phone)) throw new Error(`TURVARADA_CONTACT_PHONE ei ole telefoninumber (nt +372 …): ${phone}`);
  return { unit: CONTACT_UNIT, email, phone };
}

/** tel: link target: digits and a leading +. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}
