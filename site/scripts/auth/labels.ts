import type { Me } from '../lib/api.ts';
import { withinSite } from '../lib/navigate.ts';

export const ROLE_LABELS: Record<Me['role'], string> = {
  admin: 'Administraator (ELVL)',
  analyst: 'Analüütik (ELVL)',
  specialist: 'Turvaspetsialist',
  viewer: 'Vaataja (KOV IT)',
  reviewer: 'Töörühma liige',
  auditor: 'Audiitor',
};

/** Where to go after signing in: ?tagasi= when it is a path on this site, else the tracker. */
export function returnPath(search: string): string {
  return withinSite(new URLSearchParams(search).get('tagasi'), '/jalgimine/');
}

/** Shows a message in an element with role="alert" (announced by screen readers). */
export function showAlert(el: HTMLElement, message: string, kind: 'error' | 'success' = 'error'): void {
  el.className = `notice notice--${kind}`;
  el.textContent = message;
  el.hidden = false;
}

export function hideAlert(el: HTMLElement): void {
  el.hidden = true;
  el.textContent = '';
}

/** The first field message of a validation error, else the error's message. */
export function errorText(err: unknown): string {
  const e = err as { message?: string; details?: Array<{ path: string; message: string }> };
  if (Array.isArray(e.details) && e.details.length) return e.details.map((d) => d.message).join(' ');
  return e.message ?? 'Midagi läks valesti. Proovi uuesti.';
}
