// A lit-html template as markup, for tests in Node (no DOM): the static strings with each value
// written in place, text escaped as lit's text bindings would be, attribute values quoted.
// Enough for plain templates (charts); directives are not supported.
import { nothing } from 'lit-html';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

interface Template {
  strings: readonly string[];
  values: readonly unknown[];
}
const isTemplate = (v: unknown): v is Template => typeof v === 'object' && v !== null && 'strings' in v && 'values' in v;

export function toMarkup(value: unknown): string {
  if (value === nothing || value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(toMarkup).join('');
  if (!isTemplate(value)) return escape(String(value));
  let out = value.strings[0]!;
  value.values.forEach((v, i) => {
    const quote = /=$/.test(out) ? '"' : '';
    out += quote + toMarkup(v) + quote + value.strings[i + 1]!;
  });
  return out;
}
