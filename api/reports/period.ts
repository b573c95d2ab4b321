// A reporting period, e.g. "2026-H2": one rule for the API's validation and the page's input,
// defined in the reports contract (browser- and build-safe).
export { PERIOD_PATTERN, PERIOD_RE } from '../contracts/reports.ts';
