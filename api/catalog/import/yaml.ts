/**
 * A small, strict YAML reader for the block-style subset that PyYAML emits for CISO Assistant
 * libraries (no YAML package is installed): nested mappings, sequences (also at the key's own
 * indentation), plain / 'single' / "double" quoted scalars spanning lines, null/true/false/ints.
 * Anything else (anchors, tags, flow collections, block scalars, tabs, comments) is refused with
 * the line number, so a file outside the subset fails loudly instead of being misread.
 */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

export class YamlError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`YAML rida ${line}: ${message}`);
  }
}

const KEY_RE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
const FORBIDDEN_START = /^[[{&*!|>#%@`]/;

const indentOf = (line: string) => line.length - line.trimStart().length;

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

class Parser {
  private pos = 0;
  constructor(private readonly lines: string[]) {
    lines.forEach((l, i) => {
      if (/^\s*\t/.test(l)) throw new YamlError(i + 1, 'tabulaator taandes');
    });
  }

  parseDocument(): YamlValue {
    this.skipBlank();
    if (this.pos >= this.lines.length) return null;
    const value = this.parseBlock(indentOf(this.lines[this.pos]!));
    this.skipBlank();
    if (this.pos < this.lines.length) throw new YamlError(this.pos + 1, 'ootamatu taane');
    return value;
  }

  private skipBlank(): void {
    while (this.pos < this.lines.length && this.lines[this.pos]!.trim() === '') this.pos++;
  }

  private parseBlock(indent: number): YamlValue {
    const line = this.lines[this.pos]!;
    const rest = line.slice(indent);
    return rest === '-' || rest.startsWith('- ') ? this.parseSequence(indent) : this.parseMapping(indent);
  }

  private parseMapping(indent: number, firstLineText?: string): { [key: string]: YamlValue } {
    const out: { [key: string]: YamlValue } = {};
    let text = firstLineText;
    for (;;) {
      if (text === undefined) {
        this.skipBlank();
        if (this.pos >= this.lines.length) break;
        const line = this.lines[this.pos]!;
        const ind = indentOf(line);
        if (ind < indent) break;
        if (ind > indent) throw new YamlError(this.pos + 1, 'ootamatu taane');
        text = line.slice(indent);
        if (text.startsWith('- ') || text === '-') break; // a sibling sequence ends this mapping
      }
      const m = KEY_RE.exec(text);
      if (!m) throw new YamlError(this.pos + 1, `ootasin "võti: väärtus", leidsin "${text.slice(0, 40)}"`);
      const key = m[1]!;
      if (key in out) throw new YamlError(this.pos + 1, `võti "${key}" kordub`);
      out[key] = this.parseValueAfterKey(indent, m[2]);
      text = undefined;
    }
    return out;
  }

  /** The value of `key:` at `indent`; the current line is the key's line. */
  private parseValueAfterKey(indent: number, inline: string | undefined): YamlValue {
    if (inline === undefined || inline.trim() === '') {
      this.pos++;
      this.skipBlank();
      if (this.pos >= this.lines.length) return null;
      const next = this.lines[this.pos]!;
      const ind = indentOf(next);
      const rest = next.slice(ind);
      if (ind > indent) return this.parseBlock(ind);
      // PyYAML writes a mapping's sequence at the key's own indentation.
      if (ind === indent && (rest.startsWith('- ') || rest === '-')) return this.parseSequence(ind);
      return null;
    }
    return this.parseScalar(inline, indent);
  }

  private parseSequence(indent: number): YamlValue[] {
    const out: YamlValue[] = [];
    for (;;) {
      this.skipBlank();
      if (this.pos >= this.lines.length) break;
      const line = this.lines[this.pos]!;
      if (indentOf(line) !== indent) break;
      const rest = line.slice(indent);
      if (!(rest.startsWith('- ') || rest === '-')) break;
      const item = rest === '-' ? '' : rest.slice(2);
      if (item.trim() === '') {
        this.pos++;
        this.skipBlank();
        out.push(this.pos < this.lines.length && indentOf(this.lines[this.pos]!) > indent ? this.parseBlock(indentOf(this.lines[this.pos]!)) : null);
      } else if (KEY_RE.test(item) && !/^["']/.test(item)) {
        out.push(this.parseMapping(indent + 2, item));
      } else {
        out.push(this.parseScalar(item, indent));
      }
    }
    return out;
  }

  /** A scalar starting on the current line; continuation lines must be indented beyond `indent`. */
  private parseScalar(first: string, indent: number): YamlValue {
    const startLine = this.pos + 1;
    if (first.startsWith('"') || first.startsWith("'")) {
      const quote = first[0]!;
      const parts = [first.slice(1)];
      while (!closes(parts[parts.length - 1]!, quote)) {
        this.pos++;
        if (this.pos >= this.lines.length) throw new YamlError(startLine, 'lõpetamata jutumärkides tekst');
        const l = this.lines[this.pos]!;
        if (l.trim() !== '' && indentOf(l) <= indent) throw new YamlError(this.pos + 1, 'jutumärkides teksti jätkurida on liiga vähe taandatud');
        parts.push(l);
      }
      this.pos++;
      let decoded: { value: string; trailing: string };
      try {
        decoded = quote === '"' ? decodeDouble(parts) : decodeSingle(parts);
      } catch (err) {
        throw new YamlError(startLine, (err as Error).message);
      }
      const { value, trailing } = decoded;
      if (trailing.trim() !== '') throw new YamlError(this.pos, `liigne tekst pärast jutumärke: "${trailing.trim()}"`);
      return value;
    }
    if (FORBIDDEN_START.test(first)) throw new YamlError(startLine, `toetamata YAML-i süntaks "${first.slice(0, 20)}"`);
    const parts = [first];
    this.pos++;
    while (this.pos < this.lines.length) {
      const l = this.lines[this.pos]!;
      if (l.trim() !== '' && indentOf(l) <= indent) break;
      if (l.trim() === '' && !this.plainContinuesAfterBlank(indent)) break;
      parts.push(l);
      this.pos++;
    }
    const text = fold(parts.map((p) => p.trim()));
    if (parts.length === 1) return typedPlain(text);
    if (/:\s|\s#/.test(text)) throw new YamlError(startLine, 'mitmerealine lihttekst sisaldab ": " või " #"');
    return text;
  }

  private plainContinuesAfterBlank(indent: number): boolean {
    let i = this.pos;
    while (i < this.lines.length && this.lines[i]!.trim() === '') i++;
    return i < this.lines.length && indentOf(this.lines[i]!) > indent;
  }
}

/** True when `raw` contains the closing quote (first part: after the opening quote). */
function closes(raw: string, quote: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote === '"' && ch === '\\') {
      i++;
      continue;
    }
    if (ch === quote) {
      if (quote === "'" && raw[i + 1] === "'") {
        i++;
        continue;
      }
      return true;
    }
  }
  return false;
}

/** YAML line folding: single break → space, each blank line → newline. */
function fold(lines: string[]): string {
  let out = lines[0]!;
  let blanks = 0;
  for (const l of lines.slice(1)) {
    if (l === '') {
      blanks++;
      continue;
    }
    out += blanks > 0 ? '\n'.repeat(blanks) : ' ';
    out += l;
    blanks = 0;
  }
  return out + '\n'.repeat(blanks);
}

function decodeSingle(parts: string[]): { value: string; trailing: string } {
  const lines = parts.map((p, i) => (i === 0 ? p.trimEnd() : p.trim()));
  const joined = fold(lines);
  let value = '';
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === "'") {
      if (joined[i + 1] === "'") {
        value += "'";
        i++;
        continue;
      }
      return { value, trailing: joined.slice(i + 1) };
    }
    value += joined[i];
  }
  throw new Error('unreachable: closing quote checked before');
}

/** Index of the first unescaped '"' in `raw`, or -1. */
function closingDouble(raw: string): number {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '"') return i;
  }
  return -1;
}

const ESCAPE_RE = /\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[\s\S])/g;

function unescapeDouble(body: string): string {
  return body.replace(ESCAPE_RE, (_m, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    const simple = SIMPLE_ESCAPES[e];
    if (simple === undefined) throw new Error(`tundmatu või vigane paojada \\${e}`);
    return simple;
  });
}

/** True when `body` ends in an odd run of backslashes (a "\" escaping the line break). */
function endsWithEscape(body: string): boolean {
  let n = 0;
  while (n < body.length && body[body.length - 1 - n] === '\\') n++;
  return n % 2 === 1;
}

function decodeDouble(parts: string[]): { value: string; trailing: string } {
  const out: string[] = [];
  for (let p = 0; p < parts.length; p++) {
    const raw = p === 0 ? parts[p]! : parts[p]!.trimStart();
    const end = closingDouble(raw);
    if (end >= 0) {
      out.push(unescapeDouble(raw.slice(0, end)));
      return { value: out.join(''), trailing: raw.slice(end + 1) };
    }
    if (endsWithEscape(raw)) {
      out.push(unescapeDouble(raw.slice(0, -1))); // "\" at line end: join without a space
      continue;
    }
    // An unescaped line break folds: trailing spaces dropped; blank lines become newlines.
    let body = raw.replace(/[ \t]+$/, '');
    if (endsWithEscape(body)) body = raw.slice(0, body.length + 1); // keep an escaped final space
    out.push(unescapeDouble(body));
    let blanks = 0;
    while (p + 1 < parts.length && parts[p + 1]!.trim() === '') {
      blanks++;
      p++;
    }
    out.push(blanks ? '\n'.repeat(blanks) : ' ');
  }
  throw new Error('unreachable: closing quote checked before');
}

function typedPlain(text: string): YamlValue {
  if (text === 'null' || text === '~' || text === '') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+$/.test(text)) return Number(text);
  return text;
}

/** Parses the YAML subset described above; throws YamlError naming the line. */
export function parseYaml(text: string): YamlValue {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  try {
    return new Parser(lines).parseDocument();
  } catch (err) {
    if (err instanceof YamlError) throw err;
    throw new YamlError(0, (err as Error).message);
  }
}
