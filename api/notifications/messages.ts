// The reminders' and the weekly digest's words (Estonian; plain text and HTML through the mail
// module's compose). Dates are shown dd.mm.yyyy, as everywhere in the UI.
import type { MyTask } from '../contracts/tracker.ts';
import { compose, type MailContent } from '../mail/messages.ts';

/** ISO date → dd.mm.yyyy. */
export const estonianDate = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const hello = (name: string) => `Tere, ${name}!`;

export interface MeasureRef {
  kovName: string;
  measureId: string;
  title: string;
  link: string;
}

export function measureDueMail(to: { name: string }, m: MeasureRef & { dueDate: string; overdue: boolean }): MailContent {
  const when = estonianDate(m.dueDate);
  return compose(
    m.overdue ? `Turvarada: meetme ${m.measureId} tähtaeg on möödas` : `Turvarada: meetme ${m.measureId} tähtaeg on ${when}`,
    [
      hello(to.name),
      m.overdue
        ? `Sinu vastutusel oleva meetme „${m.measureId} ${m.title}“ (${m.kovName}) tähtaeg ${when} on möödas ja meede ei ole veel rakendatud.`
        : `Sinu vastutusel oleva meetme „${m.measureId} ${m.title}“ (${m.kovName}) tähtaeg on ${when}.`,
    ],
    { label: 'Ava meede', url: m.link },
    ['Kui meede on tehtud, märgi selle seis Turvaradas, siis meeldetuletusi rohkem ei tule.'],
  );
}

export function riskReviewMail(to: { name: string }, m: MeasureRef & { reviewDate: string }): MailContent {
  return compose(
    `Turvarada: aktsepteeritud riski ülevaatus ${estonianDate(m.reviewDate)}`,
    [hello(to.name), `Meetme „${m.measureId} ${m.title}“ (${m.kovName}) aktsepteeritud risk tuleb üle vaadata ${estonianDate(m.reviewDate)}.`],
    { label: 'Ava meede', url: m.link },
    ['Vaata üle, kas riski aktsepteerimise põhjendus kehtib, ja uuenda ülevaatamise kuupäeva või meetme seisu.'],
  );
}

export function evidenceExpiryMail(to: { name: string }, m: MeasureRef & { evidence: string; validUntil: string }): MailContent {
  return compose(
    `Turvarada: tõendi kehtivus lõpeb ${estonianDate(m.validUntil)}`,
    [hello(to.name), `Meetme „${m.measureId} ${m.title}“ (${m.kovName}) tõend „${m.evidence}“ kehtib kuni ${estonianDate(m.validUntil)}.`],
    { label: 'Ava meede', url: m.link },
    ['Lisa uus kehtiv tõend või vaata üle meetme seis.'],
  );
}

export function periodDeadlineMail(to: { name: string }, p: { periodName: string; kovName: string; deadline: string; link: string }): MailContent {
  return compose(
    `Turvarada: aruandeperioodi „${p.periodName}“ tähtaeg on ${estonianDate(p.deadline)}`,
    [hello(to.name), `${p.kovName} ei ole aruandeperioodi „${p.periodName}“ aruannet veel esitanud. Esitamise tähtaeg on ${estonianDate(p.deadline)}.`],
    { label: 'Ava aruandeperiood', url: p.link },
    [],
  );
}

export function weeklyDigestMail(to: { name: string }, tasks: readonly MyTask[], link: string): MailContent {
  const overdue = tasks.filter((x) => x.overdue).length;
  const line = (x: MyTask) =>
    `• ${x.measureId} ${x.title} (${x.kovName})${x.dueDate ? `, tähtaeg ${estonianDate(x.dueDate)}` : ''}${x.overdue ? ' – tähtaeg möödas' : ''}`;
  return compose(
    'Turvarada: sinu nädala ülesanded',
    [
      hello(to.name),
      `Sinu vastutusel on ${tasks.length} lõpetamata meedet${overdue ? `, neist ${overdue} tähtaja ületanud` : ''}.`,
      tasks.slice(0, 30).map(line).join('\n') + (tasks.length > 30 ? `\n… ja veel ${tasks.length - 30}` : ''),
    ],
    { label: 'Minu ülesanded', url: link },
    ['Iganädalase kokkuvõtte saad välja lülitada oma konto lehel (Minu konto).'],
  );
}
