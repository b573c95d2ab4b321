// Generators for the fuzz test: malformed path parameters, query strings, bodies and headers.
import fc from 'fast-check';

/** Real values per path parameter, so some requests reach deep into the handlers. */
export const REAL_PARAMS: Record<string, string[]> = {
  ehak: ['0141', '0296', '0000'],
  edition: ['2024', '2023'],
  id: ['1', '2', 'ISMS.1.M1'],
  measureId: ['ISMS.1.M1', 'CON.3.M5', 'ORP.4.M1'],
  code: ['A1', 'B2'],
  otherId: ['1', '2'],
  actualId: ['1'],
  n: ['1', '2'],
  period: ['2025-H2', '2026-H1'],
  token: ['abc'],
};

/** Sent without encoding: path tricks the router and the handlers must survive. */
const RAW_TRICKS = ['..%2f..%2fetc%2fpasswd', '%2e%2e', '%00', 'a%00b', '%ZZ', '%', '..', '.', '%2F', '%5C..%5C', '%E2%80%AE', '%F0%9F%92%A9', '%C0%AF'];

const INJECTION = ["' OR 1=1 --", '"; DROP TABLE kov; --', "0141' UNION SELECT * FROM app_user --", '<script>alert(1)</script>', '${7*7}', '{{7*7}}', '../../etc/passwd', 'null', 'undefined', 'NaN', '-1', '0', '1e309', '9999999999999999999999', '0x10', '1.5', ' ', '__proto__', 'constructor', 'prototype'];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...INJECTION),
  fc.constantFrom('a'.repeat(5000), 'õ'.repeat(3000), '🙂'.repeat(2000)),
);

export function paramValue(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(REAL_PARAMS[name] ?? ['1'])) },
    { weight: 4, arbitrary: text.map((s) => encodeURIComponent(s)) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_TRICKS) },
  );
}

const FIELD_NAMES = [
  'status', 'description', 'justification', 'responsible', 'dueDate', 'acceptedBy', 'acceptedAt', 'version', 'measureIds', 'email', 'password',
  'name', 'role', 'kovs', 'period', 'edition', 'profileName', 'approach', 'extraModules', 'provider', 'measureId', 'note', 'url', 'kind', 'title',
  'amount', 'amountCents', 'year', 'lines', 'comment', 'decision', 'content', 'currentPassword', 'newPassword', 'disabled', 'accessExpiresOn',
];

const leaf = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 2 ** 53 + 1, 1e308),
  fc.constantFrom('implemented', 'risk_accepted', 'not_applicable', 'admin', '2024', '2026-H1', '0141', 'ISMS.1.M1', '2026-02-30', '2026-01-01'),
);

const junk = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...FIELD_NAMES), tie('node'), { maxKeys: 5 })),
})).node;

/** Bodies as raw text: JSON with wrong types and junk, prototype-pollution keys, invalid JSON. */
export const body: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES), junk, { maxKeys: 8 }).map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: junk.map((v) => JSON.stringify(v) ?? 'null') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"role":"admin","isAdmin":true},"status":"implemented","version":0}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '{"status":"implemented","version":0,"__proto__":{"version":5}}',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[', 'nul', '{"status":"implemented",}', '\u0000', '1e99999', '"' + 'x'.repeat(100_000) + '"', "{'a':1}") },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

export const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/xml',
  null,
);

export const query = fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.constantFrom('limit', 'offset', 'page', 'q', 'kov', 'from', 'to', 'status', 'edition', 'action', 'module', 'before', 'object'), text, { maxKeys: 3 }).map(
    (o) => '?' + new URLSearchParams(o).toString(),
  ),
  fc.constantFrom('?limit=-1', '?limit=1e9', '?page=NaN', '?q=%00', '?a=%ZZ', '?limit=1&limit=2'),
  // Target objects (issue 18): real ids of some municipality's objects, and ones no route may accept.
  fc.constantFrom('?object=1', '?object=2', '?object=80', '?object=-1', '?object=0', '?object=99999999999999999999', '?object=1&object=2', '?object=1.5'),
);

export type Who = 'admin' | 'viewer' | 'specialist' | 'anonymous';
export const who = fc.constantFrom<Who>('admin', 'admin', 'admin', 'admin', 'admin', 'specialist', 'viewer', 'anonymous');
