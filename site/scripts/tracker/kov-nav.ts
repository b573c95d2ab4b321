// The tracker's pages are static and take the municipality from ?ehak=: carry it across their links,
// and once a component has learnt the municipality's name (event tv-kov), put it in the breadcrumb,
// the heading (h1[data-kov-heading] says what follows the name) and the document title.
import { ehakFromUrl } from './vocabulary.ts';

const ehak = ehakFromUrl();
if (ehak) {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-kov-link]')) {
    const url = new URL(a.href, window.location.origin);
    url.searchParams.set('ehak', ehak);
    a.href = url.pathname + url.search + url.hash;
  }
}

document.addEventListener('tv-kov', (e) => {
  const { name } = (e as CustomEvent<{ name: string }>).detail;
  for (const el of document.querySelectorAll<HTMLElement>('[data-kov-name]')) el.textContent = name;
  const h1 = document.querySelector<HTMLElement>('h1[data-kov-heading]');
  if (!h1) return;
  h1.textContent = `${name}: ${h1.dataset['kovHeading']}`;
  document.title = `${h1.textContent} – Turvarada`;
});
