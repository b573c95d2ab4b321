/**
 * Compact wire format for a serialized lunr index (about half of lunr's own JSON after gzip), so the
 * whole-site index stays well under the 400 KB gzip budget. lunr's toJSON repeats every field name in
 * every posting and writes an empty vector for every empty field; we keep only what is there:
 * - terms: sorted term list; a term's position becomes its vector index;
 * - postings[i]: for term i, [fieldIndex, ...delta-encoded numeric doc refs] per field with hits;
 * - vectors: [fieldIndex, docRef, termIndex, score, termIndex, score, …] for non-empty field vectors.
 * `unpackIndex` restores exactly the structure lunr.Index.load expects.
 */

interface LunrJson {
  version: string;
  fields: string[];
  fieldVectors: Array<[string, number[]]>;
  invertedIndex: Array<[string, Record<string, unknown> & { _index: number }]>;
  pipeline: string[];
}

export interface PackedIndex {
  version: string;
  fields: string[];
  pipeline: string[];
  terms: string[];
  postings: number[][][];
  vectors: number[][];
}

export function packIndex(json: object): PackedIndex {
  const src = json as LunrJson;
  const remap = new Map<number, number>();
  src.invertedIndex.forEach(([, posting], i) => remap.set(posting._index, i));
  const postings = src.invertedIndex.map(([, posting]) =>
    src.fields.flatMap((field, f) => {
      const refs = Object.keys((posting[field] as Record<string, unknown>) ?? {}).map(Number).sort((a, b) => a - b);
      if (refs.length === 0) return [];
      return [[f, ...refs.map((r, i) => (i === 0 ? r : r - refs[i - 1]!))]];
    }),
  );
  const vectors: number[][] = [];
  for (const [fieldRef, elements] of src.fieldVectors) {
    if (elements.length === 0) continue;
    const slash = fieldRef.indexOf('/');
    const f = src.fields.indexOf(fieldRef.slice(0, slash));
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < elements.length; i += 2) pairs.push([remap.get(elements[i]!)!, elements[i + 1]!]);
    pairs.sort((a, b) => a[0] - b[0]);
    vectors.push([f, Number(fieldRef.slice(slash + 1)), ...pairs.flat()]);
  }
  return { version: src.version, fields: src.fields, pipeline: src.pipeline, terms: src.invertedIndex.map(([t]) => t), postings, vectors };
}

export function unpackIndex(packed: PackedIndex): object {
  const invertedIndex = packed.terms.map((term, i) => {
    const posting: Record<string, unknown> = { _index: i };
    for (const field of packed.fields) posting[field] = {};
    for (const [f, ...deltas] of packed.postings[i] ?? []) {
      const target = posting[packed.fields[f!]!] as Record<string, object>;
      let ref = 0;
      deltas.forEach((d, j) => {
        ref = j === 0 ? d : ref + d;
        target[String(ref)] = {};
      });
    }
    return [term, posting];
  });
  const fieldVectors = packed.vectors.map(([f, ref, ...pairs]) => [`${packed.fields[f!]}/${ref}`, pairs]);
  return { version: packed.version, fields: packed.fields, fieldVectors, invertedIndex, pipeline: packed.pipeline };
}
