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
  updatedAt: string | null;
  sharedService: { provider: string } | null;
}

export interface MeasureRecord extends MeasureRow {
  description: string | null;
  justification: string | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
  updatedBy: string | null;
  evidence?: Array<{ id: number; kind: 'url' | 'file'; url: string | null; fileName: string | null; addedAt: string }>;
}

export interface HistoryEntry {
  version: number;
  changedAt: string;
  changedBy: string | null;
  old: Partial<MeasureRecord> | null;
  new: Partial<MeasureRecord>;
}

export interface ShareBlock {
  total: number;
  implemented: number;
  share: number;
}

export interface Progress {
  ehak: string;
  name: string;
  edition: string;
  approach: string;
  total: number;
  implementedShare: number;
  byStatus: Record<string, { count: number; share: number }>;
  byClass: Record<string, ShareBlock>;
  byModule: Array<ShareBlock & { module: string; title: string }>;
  byGroup: Array<ShareBlock & { group: string }>;
  byPriority: Record<string, ShareBlock>;
  nextSteps: Array<{ measureId: string; title: string; priority: string | null; class: string; dueDate: string | null; overdue: boolean }>;
  trend: Array<{ period: string; implementedShare: number }>;
}

export interface Benchmark {
  group: { label: string; size: number };
  kov: { implementedShare: number };
  implementedShare: { median: number; q1: number; q3: number };
  byGroupMedian?: Record<string, number>;
}

export interface OverviewRow {
  ehak: string;
  name: string;
  type: string;
  county: string;
  implementedShare: number;
  byClass: Record<string, number>;
  byGroup: Record<string, number>;
  lastActivity: string | null;
}

export interface Overview {
  rows: OverviewRow[];
  median: { implementedShare: number; byGroup: Record<string, number> };
}
