// A reporting period, e.g. "2026-H2": one rule for the API's validation and the page's input.
// Browser- and build-safe (imports nothing). Written with [0-9], not \d: Astro drops the backslash
// of a literal attribute, and an HTML pattern is compiled with the 'v' flag, where [0-9] is plain.

/** The period's form as an HTML `pattern` (the browser anchors it at both ends). */
export const PERIOD_PATTERN = '[0-9]{4}-H[12]';

export const PERIOD_RE = new RegExp(`^(?:${PERIOD_PATTERN})$`);
