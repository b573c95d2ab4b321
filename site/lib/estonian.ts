/**
 * Estonian text normalisation for search: Unicode-aware trimming, stop words, diacritic folding and a
 * light, conservative suffix stemmer. Pure functions, shared by the build, the browser and the CLI.
 *
 * The stemmer only needs to map inflected forms of one word to the same key (it is not a linguistic
 * lemmatiser). It strips one case/plural ending, turns the -ne/-se noun pair into -s, then drops one
 * final vowel, and never leaves fewer than 4 letters. Tokens with digits or dots (measure ids such as
 * con.3.m1, versions) are left alone.
 */

/** Strips everything that is not a letter or digit from both ends (lunr's default only knows \w). */
export function trimToken(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '');
}

const FOLD: Record<string, string> = { õ: 'o', ä: 'a', ö: 'o', ü: 'u', š: 's', ž: 'z' };

/** Folds Estonian diacritics to ASCII (õ→o, ä→a, ö→o, ü→u, š→s, ž→z) and other accents away. */
export function foldDiacritics(text: string): string {
  return text
    .replace(/[õäöüšž]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/** Common Estonian function words that carry no meaning for search (kept in folded form too). */
const STOP_WORD_LIST = [
  'ja', 'ning', 'ei', 'on', 'et', 'see', 'kui', 'aga', 'või', 'ka', 'ole', 'oli', 'olla', 'olema', 'oma', 'mis',
  'kes', 'kus', 'kas', 'siis', 'ta', 'nad', 'me', 'sa', 'ma', 'see', 'seda', 'selle', 'need', 'neid', 'nende',
  'sest', 'kuid', 'nii', 'ju', 'veel', 'juba', 'ehk', 'ega', 'vaid', 'ainult', 'mitte', 'üks', 'üle', 'kuni',
  'ka', 'nt', 'jne', 'ehk', 'iga', 'igal', 'ise', 'mida', 'millal', 'kuidas', 'miks', 'the', 'and', 'of',
];
export const ESTONIAN_STOP_WORDS: ReadonlySet<string> = new Set(STOP_WORD_LIST.flatMap((w) => [w, foldDiacritics(w)]));

/** Case and plural endings, longest first (matched on folded, lowercased words). */
const SUFFIXES = [
  'desse', 'tesse',
  'dest', 'test', 'dele', 'tele', 'delt', 'telt', 'deks', 'teks', 'dega', 'tega', 'deni', 'teni', 'dena', 'tena', 'deta', 'teta',
  'sse', 'des', 'tes', 'del', 'tel',
  'le', 'lt', 'ks', 'ga', 'ta', 'ni', 'na', 'st', 'id', 'de', 'te',
];
const MIN_STEM = 4;
const VOWELS = 'aeiu';

/** Light Estonian stemmer; input must already be lowercased and folded. */
export function stemEstonian(word: string): string {
  if (word.length < MIN_STEM + 1 || /[\d.]/.test(word)) return word;
  let w = word;
  const suffix = SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= MIN_STEM);
  if (suffix) {
    w = w.slice(0, -suffix.length);
  } else if (w.endsWith('d') && VOWELS.includes(w.charAt(w.length - 2)) && w.length - 1 >= MIN_STEM) {
    // Plural nominative -d only after a vowel (varukoopiad), not in vald or kaart.
    w = w.slice(0, -1);
  }
  // -ne / -se nouns and adjectives: turvaline, turvalise → turvalis; kasutamine → kasutamis.
  if (w.endsWith('ne') && w.length - 1 >= MIN_STEM + 1) w = w.slice(0, -2) + 's';
  if (VOWELS.includes(w.charAt(w.length - 1)) && w.length - 1 >= MIN_STEM) w = w.slice(0, -1);
  return w;
}

/**
 * The one normalisation chain for index and query: trim, lowercase, stop words, fold, stem.
 * Returns null for tokens that should not be indexed or searched.
 */
export function normalizeTerm(raw: string): string | null {
  const t = trimToken(raw.toLowerCase());
  if (!t || ESTONIAN_STOP_WORDS.has(t)) return null;
  return stemEstonian(foldDiacritics(t));
}

/** Splits text into raw word tokens: letters, digits and inner dots (so CON.3.M1 stays one token). */
export function splitWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}.]+/u)
    .map(trimToken)
    .filter((t) => t.length > 0);
}
