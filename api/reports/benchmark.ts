// A municipality against its peers, anonymised: only quartiles and the median, never names.
// Peer group = municipalities of the same type (linn / vald). data/kov.csv carries no population,
// and type is the only size proxy in it; county is deliberately not used (it says nothing about
// size). The peer statistics include the municipality itself. If a peer group had fewer than 5
// members, all municipalities would be used instead, so that no single value can be inferred.
import type { Benchmark, OverviewRow, Quartiles } from '../contracts/reports.ts';
import type { Db } from '../db/database.ts';
import { CLASSES, type MeasureClass } from '../contracts/tracker.ts';
import { progressOfAll } from '../tracker/progress.ts';
import { kovList } from '../tracker/reference.ts';
import { overviewRow } from './overview.ts';
import { present, quantile } from './stats.ts';

export const MIN_PEERS = 5;

const quartiles = (values: Array<number | null>): Quartiles => {
  const v = present(values);
  return { q1: quantile(v, 0.25), median: quantile(v, 0.5), q3: quantile(v, 0.75) };
};

const LABELS = { linn: 'linnad', vald: 'vallad', all: 'kõik omavalitsused' } as const;

export function getBenchmark(db: Db, ehak: string): Benchmark | null {
  const kovs = [...kovList(db)];
  const self = kovs.find((k) => k.ehak === ehak);
  if (!self) return null;
  const progress = progressOfAll(db);
  let key: 'linn' | 'vald' | 'all' = self.type;
  let peers = kovs.filter((k) => k.type === self.type);
  if (peers.length < MIN_PEERS) {
    key = 'all';
    peers = kovs;
  }
  const rows: OverviewRow[] = peers.map((k) => overviewRow(k, progress.get(k.ehak)!, null));
  const own = rows.find((r) => r.ehak === ehak)!;
  const groupIds = [...new Set(rows.flatMap((r) => Object.keys(r.byGroup)))];
  return {
    ehak,
    name: self.name,
    peerGroup: { key, label: LABELS[key], count: peers.length },
    kov: { implementedShare: own.implementedShare, byClass: own.byClass, byGroup: own.byGroup },
    peers: {
      implementedShare: quartiles(rows.map((r) => r.implementedShare)),
      byClass: Object.fromEntries(CLASSES.map((c) => [c, quartiles(rows.map((r) => r.byClass[c]))])) as Record<MeasureClass, Quartiles>,
      byGroup: Object.fromEntries(groupIds.map((g) => [g, quartiles(rows.map((r) => r.byGroup[g] ?? null))])),
    },
  };
}
