import { describe, expect, it } from 'vitest';
import { redirectWithinSite, sameOriginPath } from './same-origin.ts';

const ORIGIN = 'https://turvarada.example';

describe('sameOriginPath (the one redirect-target check)', () => {
  it('keeps paths on our own origin, percent-encoded, with query and fragment', () => {
    expect(sameOriginPath('/minu-konto/', ORIGIN)).toBe('/minu-konto/');
    expect(sameOriginPath('/jalgimine/kov/?ehak=0141#ISMS.1.M1', ORIGIN)).toBe('/jalgimine/kov/?ehak=0141#ISMS.1.M1');
    expect(sameOriginPath('/juhendid/õigused ja rollid/', ORIGIN)).toBe('/juhendid/%C3%B5igused%20ja%20rollid/');
    expect(sameOriginPath('https://turvarada.example/eelarve/', ORIGIN)).toBe('/eelarve/');
    expect(sameOriginPath('https://kasutaja:parool@turvarada.example/x', ORIGIN)).toBe('/x');
    expect(sameOriginPath('mallid/', ORIGIN)).toBe('/mallid/');
  });

  it.each([
    ['tab', '/\t/evil.example/phish'],
    ['line feed', '/\n/evil.example/phish'],
    ['carriage return', '/\r/evil.example/phish'],
    ['tab and line feed', '\t/\n/evil.example'],
    ['scheme-relative', '//evil.example/phish'],
    ['three slashes', '///evil.example'],
    ['slash backslash', '/\\evil.example/phish'],
    ['backslashes', '\\\\evil.example'],
    ['backslash slash', '\\/evil.example'],
    ['dot segment to a double slash', '/.//evil.example/phish'],
    ['dot-dot segment to a double slash', '/a/..//evil.example'],
    ['absolute URL', 'https://evil.example/'],
    ['our host over http', 'http://turvarada.example/'],
    ['our host on another port', 'https://turvarada.example:8443/'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: with a tab', 'java\tscript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['unparsable', 'https://[::1'],
  ])('refuses %s', (_name, target) => {
    expect(sameOriginPath(target, ORIGIN)).toBeNull();
  });

  it('refuses nothing at all and an origin that cannot be a base', () => {
    expect(sameOriginPath(null, ORIGIN)).toBeNull();
    expect(sameOriginPath(undefined, ORIGIN)).toBeNull();
    expect(sameOriginPath('', ORIGIN)).toBeNull();
    expect(sameOriginPath('/x', 'null')).toBeNull();
  });

  it('redirectWithinSite sends a target that would leave the site to the fallback', () => {
    const locations: string[] = [];
    const c = { req: { url: 'http://127.0.0.1:4321/api/x/' }, redirect: (to: string) => (locations.push(to), new Response(null, { status: 302 })) };
    redirectWithinSite(c, '/api/x?y=1');
    redirectWithinSite(c, '//evil.example/', 302, '/jalgimine/');
    redirectWithinSite(c, '/\\evil.example/');
    expect(locations).toEqual(['/api/x?y=1', '/jalgimine/', '/']);
  });
});
