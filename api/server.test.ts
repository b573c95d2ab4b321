import { describe, expect, it } from 'vitest';
import { pathOf } from './server.ts';

describe('pathOf (the request log path)', () => {
  it('takes the path of an absolute URL and drops the query', () => {
    expect(pathOf('http://127.0.0.1:4321/api/kovs/0141/measures?status=partial')).toBe('/api/kovs/0141/measures');
    expect(pathOf('http://localhost/juhendid/%C3%B5/')).toBe('/juhendid/%C3%B5/');
    expect(pathOf('http://localhost/?q=/x')).toBe('/');
    expect(pathOf('http://localhost')).toBe('/');
  });
});
