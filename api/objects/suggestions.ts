// Suggestions for the structure analysis (pure, shared by the page): which module groups fit an
// object type, and the objects almost every small municipality has, as a guided first pass.
import type { ObjectType } from '../contracts/objects.ts';

/** Module id prefixes that model an object of the type (process modules belong to the organisation object). */
export const MODULE_PREFIXES: Record<ObjectType, readonly string[]> = {
  organisation: ['ISMS', 'ORP', 'CON', 'OPS', 'DER'],
  process: [],
  application: ['APP'],
  it_system: ['SYS'],
  network: ['NET'],
  room: ['INF'],
  service: ['OPS.2.2', 'OPS.2.3', 'OPS.3.2'],
};

export const fitsType = (type: ObjectType, moduleId: string): boolean =>
  MODULE_PREFIXES[type].some((p) => moduleId === p || moduleId.startsWith(`${p}.`));

export interface SuggestedObject {
  name: string;
  type: Exclude<ObjectType, 'organisation'>;
  count?: number;
  modules: readonly string[];
}

/** The first pass for a small municipality: its standard systems, workstations, servers, network and server room. */
export const FIRST_PASS: readonly SuggestedObject[] = [
  { name: 'Dokumendihaldussüsteem', type: 'application', modules: ['APP.6', 'APP.3.1'] },
  { name: 'Volikogu infosüsteem (VOLIS)', type: 'application', modules: ['APP.6', 'APP.3.1'] },
  { name: 'Veebileht', type: 'application', modules: ['APP.3.1', 'APP.3.2'] },
  { name: 'E-post ja Microsoft 365', type: 'service', modules: ['OPS.2.2', 'APP.5.3', 'APP.1.1'] },
  { name: 'Töökohaarvutid', type: 'it_system', count: 20, modules: ['SYS.2.1', 'SYS.2.2.3', 'APP.1.2', 'INF.7'] },
  { name: 'Serverid', type: 'it_system', modules: ['SYS.1.1', 'SYS.1.2.3'] },
  { name: 'Kohtvõrk', type: 'network', modules: ['NET.1.1', 'NET.3.1', 'NET.3.2'] },
  { name: 'Serveriruum', type: 'room', modules: ['INF.2'] },
];
