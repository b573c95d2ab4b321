// JSON shapes of the tracker API as the pages use them (see api/tracker and api/reports).

export interface MeasureRow {
  measureId: string;
  title: string;
  module: string;
  class: 'basic' | 'standard' | 'high';
  priority: 'P1' | 'P2' | 'P3' | null;
  status: string;
  version: number;
  responsible: string | null;
  dueDate: string | null;
  /** Due before today (Tallinn) while the effective status is still open; decided by the API. */
  overdue: boolean;
  updatedAt: string | null;
  sharedService: { provider: string } | null;
}

export interface MeasureRecord extends MeasureRow {
  description: string | null;
  justification: string | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
  link: string | null;
  updatedBy: { id: number; name: string } | null;
  evidence?: Array<{ id: number; kind: 'url' | 'file'; url: string | null; fileName: string | null; addedAt: string }>;
}

export interface HistoryEntry {
  version: number;
  changedAt: string;
  changedBy: { id: number; name: string } | null;
  old: Partial<MeasureRecord> | null;
  new: Partial<MeasureRecord>;
}

export interface ShareBlock {
  total: number;
  notApplicable: number;
  implemented: number;
  /** implemented / (total − not applicable); null when nothing applies. */
  share: number | null;
}

export interface Progress {
  ehak: string;
  name: string;
  edition: string;
  approach: string;
  total: number;
  implementedShare: number | null;
  byStatus: Record<string, { count: number; share: number | null }>;
  byClass: Record<string, ShareBlock>;
  byModule: Array<ShareBlock & { module: string; title: string }>;
  byGroup: Array<ShareBlock & { group: string; title: string }>;
  byPriority: Record<string, ShareBlock>;
  nextSteps: Array<{ measureId: string; title: string; priority: string | null; class: string; dueDate: string | null; overdue: boolean }>;
  trend: Array<{ period: string; implementedShare: number | null }>;
}

export interface Quartiles {
  q1: number | null;
  median: number | null;
  q3: number | null;
}

export interface Benchmark {
  peerGroup: { key: string; label: string; count: number };
  kov: { implementedShare: number | null; byGroup: Record<string, number | null> };
  peers: { implementedShare: Quartiles; byGroup: Record<string, Quartiles> };
}

export interface OverviewRow {
  ehak: string;
  name: string;
  type: string;
  county: string;
  implementedShare: number | null;
  byClass: Record<string, number | null>;
  byGroup: Record<string, number | null>;
  lastActivity: string | null;
}

export interface Overview {
  groups: Array<{ id: string; title: string }>;
  rows: OverviewRow[];
  median: { implementedShare: number | null; byGroup: Record<string, number | null> };
}
