import { describe, expect, it } from 'vitest';
import { ESTONIAN_STOP_WORDS, foldDiacritics, normalizeTerm, splitWords, stemEstonian, trimToken } from '../../site/lib/estonian.ts';

describe('trimToken (Unicode-aware, unlike lunr.trimmer)', () => {
  it('keeps Estonian letters at both ends', () => {
    expect(trimToken('õigus')).toBe('õigus');
    expect(trimToken('(tööõnnetus)')).toBe('tööõnnetus');
    expect(trimToken('«žürii»')).toBe('žürii');
    expect(trimToken('šoti,')).toBe('šoti');
  });
  it('strips punctuation only at the ends and keeps inner dots of ids', () => {
    expect(trimToken('CON.3.M1.')).toBe('CON.3.M1');
    expect(trimToken('...')).toBe('');
  });
});

describe('foldDiacritics', () => {
  it('folds õ ä ö ü š ž to ASCII', () => {
    expect(foldDiacritics('õäöüšž')).toBe('oaousz');
    expect(foldDiacritics('tööjaamade õigused')).toBe('toojaamade oigused');
  });
});

describe('stop words', () => {
  it('contains common function words in plain and folded form', () => {
    for (const w of ['ja', 'ning', 'ei', 'on', 'et', 'see', 'kui', 'aga', 'või', 'voi', 'ka']) expect(ESTONIAN_STOP_WORDS.has(w)).toBe(true);
    expect(normalizeTerm('ja')).toBeNull();
    expect(normalizeTerm('Või')).toBeNull();
  });
});

describe('stemEstonian maps inflected forms to one key', () => {
  const same = (forms: string[]) => {
    const keys = new Set(forms.map((f) => normalizeTerm(f)));
    expect([...keys], forms.join(', ')).toHaveLength(1);
  };
  it('case endings', () => {
    same(['õigus', 'õiguse', 'õigusega', 'õigused', 'õiguste']);
    same(['parool', 'parooli', 'paroolid', 'paroolide', 'paroolidega']);
    same(['varukoopia', 'varukoopiad', 'varukoopiate', 'varukoopiaid', 'varukoopiast', 'varukoopiasse', 'varukoopiale']);
    same(['mitmikautentimine', 'mitmikautentimise', 'mitmikautentimisega']);
    same(['turvaline', 'turvalise', 'turvalised']);
    same(['kasutaja', 'kasutajad', 'kasutajale', 'kasutajalt', 'kasutajaks', 'kasutajani', 'kasutajana', 'kasutajata']);
  });
  it('is conservative: short words, ids and words with a consonant before -d stay', () => {
    expect(stemEstonian('vald')).toBe('vald');
    expect(stemEstonian('kaart')).toBe('kaart');
    expect(stemEstonian('con.3.m1')).toBe('con.3.m1');
    expect(stemEstonian('2024')).toBe('2024');
    expect(stemEstonian('ria')).toBe('ria');
    // never below four letters
    for (const w of ['aasta', 'ohtu', 'kool', 'riske', 'tööde']) expect(stemEstonian(foldDiacritics(w)).length).toBeGreaterThanOrEqual(4);
  });
});

describe('splitWords', () => {
  it('keeps measure ids whole and drops query syntax characters', () => {
    expect(splitWords('Meede CON.3.M1: varundus~2 ^3 *')).toEqual(['meede', 'con.3.m1', 'varundus', '2', '3']);
    expect(splitWords('e-posti SPF/DKIM')).toEqual(['e', 'posti', 'spf', 'dkim']);
  });
});
