// Links that only some roles can use (the rules themselves are api/auth/rules.ts). Pages are static,
// so these links are rendered with lit-html once the session is known: for a visitor who may not open
// a page its link never exists in the DOM, not even hidden. Public links stay in the markup (no-JS).
import { html, nothing, render, type TemplateResult } from 'lit-html';
import { hasPermission, readableKovs } from '../../../api/auth/rules.ts';
import { fetchMe, type Me } from '../lib/api.ts';

/** Who may open a page; `me` is signed in (signed-out visitors get no role link at all). */
type Rule = (me: Me) => boolean;

export const MAY_OPEN = {
  budget: (me) => hasPermission(me, 'budget.read'),
  overview: (me) => hasPermission(me, 'reports.read'),
  users: (me) => hasPermission(me, 'users.manage'),
  mailOutbox: (me) => hasPermission(me, 'mail.outbox'),
  submitTemplate: (me) => hasPermission(me, 'templates.submit'),
  // The review queue lists submitted templates to every signed-in user (GET /api/templates).
  reviewQueue: () => true,
  // Adoption is recorded per municipality: a user with none to read has nothing there.
  adoption: (me) => {
    const kovs = readableKovs(me);
    return kovs === 'all' || kovs.length > 0;
  },
} satisfies Record<string, Rule>;

interface RoleLink {
  href: string;
  label: string;
  may: Rule;
  /** Card text on the front page. */
  text?: string;
}

/** Each group is rendered into the element with data-role-links="<group>", after its public items. */
export const ROLE_LINKS: Record<string, RoleLink[]> = {
  nav: [{ href: '/eelarve/', label: 'Eelarve', may: MAY_OPEN.budget }],
  home: [
    {
      href: '/eelarve/',
      label: 'Eelarve',
      may: MAY_OPEN.budget,
      text: 'ELVL-i digipöörde algatuste eelarve, tegelikud kulud ja aruanded ministeeriumile.',
    },
  ],
  templates: [
    { href: '/mallid/esita/', label: 'Esita mall', may: MAY_OPEN.submitTemplate },
    { href: '/mallid/ulevaatus/', label: 'Ülevaatus', may: MAY_OPEN.reviewQueue },
    { href: '/mallid/kasutus/', label: 'Kasutuselevõtt', may: MAY_OPEN.adoption },
  ],
};

let session: Promise<Me | null> | undefined;
/** The signed-in user, asked once per page for the header's scripts (null when signed out or on error). */
export const sessionUser = (): Promise<Me | null> => (session ??= fetchMe().catch(() => null));

const current = (href: string) => (window.location.pathname.startsWith(href) ? 'page' : undefined);

function item(group: string, l: RoleLink): TemplateResult {
  if (group === 'home') return html`<li class="card"><h2><a href=${l.href}>${l.label}</a></h2><p>${l.text ?? nothing}</p></li>`;
  return html`<li><a href=${l.href} aria-current=${current(l.href) ?? nothing}>${l.label}</a></li>`;
}

/** The links of `group` that `me` may open, as list items. */
export function roleItems(group: string, me: Me | null): TemplateResult {
  const links = me ? (ROLE_LINKS[group] ?? []).filter((l) => l.may(me)) : [];
  return html`${links.map((l) => item(group, l))}`;
}

/** Fills every [data-role-links] list on the page once the session is known. */
export async function renderRoleLinks(): Promise<void> {
  const lists = [...document.querySelectorAll<HTMLElement>('[data-role-links]')];
  if (lists.length === 0) return;
  const me = await sessionUser();
  // lit-html appends after the list's server-rendered public items and owns only what it adds.
  for (const list of lists) render(roleItems(list.dataset['roleLinks'] ?? '', me), list);
}
