import { ehakFromUrl } from './vocabulary.ts';

// Carry the municipality across the tracker's pages.
const ehak = ehakFromUrl();
if (ehak) {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-kov-link]')) {
    const url = new URL(a.href, window.location.origin);
    url.searchParams.set('ehak', ehak);
    a.href = url.pathname + url.search + url.hash;
  }
}
