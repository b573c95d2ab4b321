import { describe, expect, it } from 'vitest';
import { YamlError, parseYaml } from './import/yaml.ts';

describe('parseYaml (the CISO Assistant subset)', () => {
  it('reads nested mappings, sequences at the key indentation and typed plain scalars', () => {
    const doc = parseYaml('a: 1\nb: true\nc: null\nd:\n  e: tekst\n  f:\n  - x\n  - g: 2\n    h: kolm\n');
    expect(doc).toEqual({ a: 1, b: true, c: null, d: { e: 'tekst', f: ['x', { g: 2, h: 'kolm' }] } });
  });

  it('decodes double-quoted escapes, escaped line breaks and folding', () => {
    const doc = parseYaml('t: "P\\xF5hi \\u00FC\\\n  \\ rida\\nuus\n  j\u00e4tk"\n');
    expect(doc).toEqual({ t: 'Põhi ü rida\nuus jätk' });
  });

  it('folds single-quoted text: a blank line is a newline and two quotes are one', () => {
    expect(parseYaml("t: 'a ''b''\n\n  c\n  d'\n")).toEqual({ t: "a 'b'\nc d" });
  });

  it('folds multi-line plain scalars into one line', () => {
    expect(parseYaml('t: esimene\n  teine\nu: 1\n')).toEqual({ t: 'esimene teine', u: 1 });
  });

  it('refuses syntax outside the subset with the line number', () => {
    expect(() => parseYaml('a: 1\nb: [1, 2]\n')).toThrow(/rida 2/);
    expect(() => parseYaml('a: &x 1\n')).toThrow(YamlError);
    expect(() => parseYaml('a: |\n  tekst\n')).toThrow(YamlError);
    expect(() => parseYaml('a:\n\t- b\n')).toThrow(/tabulaator/);
    expect(() => parseYaml('a: "lõpetamata\nb: 1\n')).toThrow(/rida 2|lõpetamata/);
    expect(() => parseYaml('a: 1\na: 2\n')).toThrow(/kordub/);
    expect(() => parseYaml('a: "\\q"\n')).toThrow(/paojada/);
    expect(() => parseYaml('a: 1\n   b: 2\n')).toThrow(YamlError);
  });
});
