// Knowledge-base pages that were merged into another page or renamed: old path → surviving path.
// The static handler answers these with 301; the Astro build no longer produces the old pages.
// Add a row whenever a content file is removed or its slug changes (tests/content/redirects.test.ts
// checks that no content links to an old path and that every target is a content item).

export const REDIRECTS: Readonly<Record<string, string>> = {
  // Merged near-duplicates (content review 2026-12-01).
  '/juhendid/organisatsioon-ja-vastutus/': '/juhendid/infoturbe-rollid-ja-vastutus/',
  '/juhendid/infoturbe-haldus-kov-is/': '/juhendid/infoturbe-eelarve-ja-juhtkond/',
  // Renamed for the settled term "paigahaldus" (content/terminology.yaml); downloads follow the page.
  '/mallid/paikehalduse-kord/': '/mallid/paigahalduse-kord/',
  '/mallid/paikehalduse-kord.md': '/mallid/paigahalduse-kord.md',
  '/mallid/paikehalduse-kord.odt': '/mallid/paigahalduse-kord.odt',
};

/** The surviving path for an old one; also matches the page path without its trailing slash or with /index.html. */
export function redirectFor(path: string): string | undefined {
  const direct = REDIRECTS[path];
  if (direct) return direct;
  if (path.endsWith('/index.html')) return REDIRECTS[path.slice(0, -'index.html'.length)];
  if (!path.endsWith('/')) return REDIRECTS[path + '/'];
  return undefined;
}
