// The municipality's name for a tracker page: looked up once and announced with the event tv-kov,
// which kov-nav.ts turns into the breadcrumb, the heading and the document title.
import { apiFetch } from '../lib/api.ts';

/** Announces the name from `el`; resolves it, or null when the list does not hold the municipality. */
export async function announceKov(el: HTMLElement, ehak: string): Promise<string | null> {
  const kovs = await apiFetch<Array<{ ehak: string; name: string }>>('/api/kovs').catch(() => []);
  const kov = kovs.find((k) => k.ehak === ehak);
  if (!kov) return null;
  el.dispatchEvent(new CustomEvent('tv-kov', { detail: { name: kov.name }, bubbles: true }));
  return kov.name;
}
