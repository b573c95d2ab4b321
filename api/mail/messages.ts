// The Estonian mails Turvarada sends: plain text and a simple HTML version of the same words. Every
// value is escaped in the HTML; there are no images, no remote resources and no tracking links.

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** Subjects are one line whatever a title holds. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

const SIGNATURE = 'Turvarada – omavalitsuste küberturbe teadmusbaas ja E-ITS-i jälgimine';

/** Paragraphs of text, one link (shown as its address too, so it works in any mail client), a closing note. */
export function compose(subject: string, paragraphs: string[], link: { label: string; url: string }, closing: string[]): MailContent {
  const text = [...paragraphs, `${link.label}:\n${link.url}`, ...closing, `-- \n${SIGNATURE}`].join('\n\n') + '\n';
  const p = (s: string) => `<p>${escapeHtml(s).replace(/\n/g, '<br>')}</p>`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="et"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a;">',
    ...paragraphs.map(p),
    `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a><br>${escapeHtml(link.url)}</p>`,
    ...closing.map(p),
    `<p style="color: #555;">${escapeHtml(SIGNATURE)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: oneLine(subject), text, html };
}

const when = (unixSeconds: number) =>
  new Intl.DateTimeFormat('et-EE', { timeZone: 'Europe/Tallinn', dateStyle: 'short', timeStyle: 'short' }).format(new Date(unixSeconds * 1000));

export function invitationMail(input: { name: string; link: string; expiresAt: number }): MailContent {
  return compose(
    'Turvarada: sinu konto on loodud',
    [`Tere, ${input.name}!`, 'Sulle on loodud Turvarada konto. Vali endale parool alloleva ühekordse lingiga.'],
    { label: 'Seadista parool', url: input.link },
    [`Link kehtib kuni ${when(input.expiresAt)} (Tallinna aja järgi) ja töötab üks kord. Ära edasta seda kellelegi.`],
  );
}

export function passwordResetMail(input: { name: string; link: string; expiresAt: number }): MailContent {
  return compose(
    'Turvarada: parooli lähtestamine',
    [`Tere, ${input.name}!`, 'Keegi (loodetavasti sina) palus Turvaradas sinu parooli lähtestada. Uue parooli saad valida alloleva ühekordse lingiga.'],
    { label: 'Vali uus parool', url: input.link },
    [
      `Link kehtib kuni ${when(input.expiresAt)} (Tallinna aja järgi) ja töötab üks kord. Uue parooli salvestamisel logitakse sind kõigis seadmetes välja.`,
      'Kui sina seda ei palunud, võid kirja tähelepanuta jätta: sinu parool ei muutu.',
    ],
  );
}

export function reviewRequestedMail(input: { name: string; title: string; version: number; submitter: string; link: string }): MailContent {
  return compose(
    `Turvarada: mall „${input.title}“ ootab sinu otsust`,
    [`Tere, ${input.name}!`, `${input.submitter} esitas töörühmale malli „${input.title}“ versiooni ${input.version}. See ootab sinu otsust.`],
    { label: 'Ava ülevaatus', url: input.link },
    [],
  );
}

export function versionDecidedMail(input: { name: string; title: string; version: number; approved: boolean; reason?: string; link: string }): MailContent {
  const outcome = input.approved ? 'kinnitati' : 'lükati tagasi';
  return compose(
    `Turvarada: malli „${input.title}“ versioon ${input.version} ${outcome}`,
    [
      `Tere, ${input.name}!`,
      input.approved
        ? `Töörühm kinnitas sinu esitatud malli „${input.title}“ versiooni ${input.version}. Mall on nüüd mallide loetelus kõigile omavalitsustele kättesaadav.`
        : `Sinu esitatud malli „${input.title}“ versioon ${input.version} lükati tagasi.`,
      ...(input.reason ? [`Põhjus: ${input.reason}`] : []),
    ],
    { label: 'Ava mall', url: input.link },
    input.approved ? [] : ['Võid esitada parandatud versiooni.'],
  );
}
