/**
 * "Milline lahendus meil on?": standard solutions grouped by category, each with a short name and a link
 * straight to its contract security clauses, so a municipality that knows only the product's name
 * ("Delta") reaches the clauses in one click. Pure (no astro:content), shared by the page and tests.
 */
import { SOLUTION_CATEGORIES, SOLUTION_CATEGORY_LABELS } from './content-schemas.ts';

/** Anchor of the contract clauses section on a solution page (standardlahendused/[slug].astro). */
export const CONTRACT_CLAUSES_ID = 'lepingu-turvatingimused';

type Category = (typeof SOLUTION_CATEGORIES)[number];

export interface ChooserInput {
  slug: string;
  title: string;
  category: Category;
}

export interface ChooserGroup {
  category: Category;
  label: string;
  solutions: Array<{ slug: string; name: string; title: string; url: string; clausesUrl: string }>;
}

/**
 * The product's short name from its title: the part before " – ", without a trailing category word
 * ("Delta dokumendihaldus" → "Delta") and without a descriptive tail after the product name.
 */
export function shortName(title: string, category: Category): string {
  const head = title.split(' – ')[0]!.trim();
  const label = SOLUTION_CATEGORY_LABELS[category].toLowerCase();
  const withoutCategory = head.toLowerCase().endsWith(' ' + label) ? head.slice(0, -label.length - 1) : head;
  return withoutCategory.replace(/\s+(turvaline|turvalisus|seadistus|baasseadistus)\b.*$/i, '').trim() || head;
}

/** Categories in the schema's order, only those with solutions; solutions by short name (Estonian order). */
export function solutionChooser(items: readonly ChooserInput[]): ChooserGroup[] {
  return SOLUTION_CATEGORIES.map((category) => ({
    category,
    label: SOLUTION_CATEGORY_LABELS[category],
    solutions: items
      .filter((s) => s.category === category)
      .map((s) => {
        const url = `/standardlahendused/${s.slug}/`;
        return { slug: s.slug, name: shortName(s.title, s.category), title: s.title, url, clausesUrl: `${url}#${CONTRACT_CLAUSES_ID}` };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'et')),
  })).filter((g) => g.solutions.length > 0);
}
