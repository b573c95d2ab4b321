// The measures table page's state, which the page (measures-page.ts), the row editor
// (measure-editor.ts) and bulk changes (bulk.ts) share.
import type { MeasureListItem as MeasureRow } from '../../../api/contracts/tracker.ts';

export interface TablePage {
  ehak: string;
  rows: MeasureRow[];
  canWrite: boolean;
  selected: Set<string>;
  render(): void;
  replace(row: MeasureRow): void;
  announce(text: string): void;
}
