import { z } from 'zod';
import { MEASURE_ID_RE, classFromLevel, isTopGroup, kindOfGroup, topGroupOf } from '../ids.ts';
import { CatalogInputError, assertUnique, validateRecords, type Bundle, type GroupRec, type ModuleRec } from './bundle.ts';
import { groupsForModules } from './tree.ts';

/** A requirement node of a CISO Assistant framework library (intuitem/ciso-assistant-community). */
const NodeSchema = z.object({
  urn: z.string().min(1),
  assessable: z.boolean(),
  depth: z.number().int().min(1),
  parent_urn: z.string().min(1).optional(),
  ref_id: z.string().trim().min(1),
  name: z.string().trim().min(1, 'nimi puudub'),
  description: z.string().nullable().optional(),
  implementation_groups: z.array(z.enum(['P', 'S', 'K'])).length(1, 'meetmel peab olema täpselt üks rakendusrühm P, S või K').optional(),
});
type Node = z.infer<typeof NodeSchema>;

const LibrarySchema = z.object({
  ref_id: z.string(),
  objects: z.object({ framework: z.object({ ref_id: z.string(), requirement_nodes: z.array(z.unknown()).min(1) }) }),
});

export const looksLikeCisoLibrary = (data: unknown) =>
  typeof data === 'object' && data !== null && !Array.isArray(data) && 'objects' in data && 'urn' in data;

export function parseCisoLibrary(data: unknown, label: string): Bundle {
  const lib = LibrarySchema.safeParse(data);
  if (!lib.success) {
    const issue = lib.error.issues[0]!;
    throw new CatalogInputError(`${label}: väli "${issue.path.join('.')}": ${issue.message}`);
  }
  const nodes = validateRecords(NodeSchema, lib.data.objects.framework.requirement_nodes, `${label} requirement_nodes`, 'ref_id');
  assertUnique(nodes.map((n) => n.urn), `${label} requirement_nodes`);
  const byUrn = new Map(nodes.map((n) => [n.urn, n]));
  const parentOf = (n: Node, i: number): Node | undefined => {
    if (!n.parent_urn) return undefined;
    const p = byUrn.get(n.parent_urn);
    if (!p) throw new CatalogInputError(`${label}: kirje nr ${i + 1} (ref_id "${n.ref_id}"), väli "parent_urn": tundmatu ülem ${n.parent_urn}`);
    return p;
  };

  // A module is a node whose children are measures; other non-assessable nodes are (sub)groups.
  const moduleUrns = new Set<string>();
  const measures = nodes.flatMap((n, i) => {
    if (!n.assessable) return [];
    const mod = parentOf(n, i);
    const where = `${label}: kirje nr ${i + 1} (ref_id "${n.ref_id}")`;
    if (!mod || mod.assessable) throw new CatalogInputError(`${where}, väli "parent_urn": meetme ülem peab olema moodul`);
    if (!MEASURE_ID_RE.test(n.ref_id) || !n.ref_id.startsWith(mod.ref_id + '.')) {
      throw new CatalogInputError(`${where}, väli "ref_id": meetme tähis peab olema kujul ${mod.ref_id}.M<n>`);
    }
    if (!n.implementation_groups) throw new CatalogInputError(`${where}, väli "implementation_groups": puudub (P, S või K)`);
    moduleUrns.add(mod.urn);
    const description = n.description?.trim();
    return [{ id: n.ref_id, moduleId: mod.ref_id, title: n.name, class: classFromLevel(n.implementation_groups[0]!)!, description: description ? description : null }];
  });

  const groups: GroupRec[] = [];
  const modules: ModuleRec[] = [];
  nodes.forEach((n, i) => {
    if (n.assessable) return;
    const parent = parentOf(n, i);
    if (moduleUrns.has(n.urn)) {
      if (parent?.urn && moduleUrns.has(parent.urn)) throw new CatalogInputError(`${label}: moodul ${n.ref_id} on teise mooduli all`);
      modules.push({ id: n.ref_id, groupId: topGroupOf(n.ref_id), subgroupId: parent && !isTopGroup(parent.ref_id) ? parent.ref_id : null, title: n.name });
    } else {
      if (!parent && !isTopGroup(n.ref_id)) throw new CatalogInputError(`${label}: ülemata rühm ${n.ref_id} ei ole E-ITS-i moodulirühm`);
      groups.push({ id: n.ref_id, parentId: parent ? parent.ref_id : null, title: n.name, kind: kindOfGroup(n.ref_id) });
    }
  });
  // A library without the depth-1 group nodes still gets the standard's ten groups.
  for (const g of groupsForModules(modules.map((m) => m.id))) if (!groups.some((x) => x.id === g.id)) groups.push(g);
  const edition = /(\d{4})/.exec(lib.data.objects.framework.ref_id)?.[1];
  return { format: 'ciso-yaml', ...(edition ? { edition } : {}), groups, modules, measures };
}
