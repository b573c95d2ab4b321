// The admin's "Saatmata kirjad": unsent mail from GET /api/mail/outbox. Without SMTP outside
// production the API also gives each mail's text, shown so the admin can pass a link on.
import { html, nothing, render } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { Outbox, UnsentMail } from '../../../api/contracts/mail.ts';
import { apiFetch } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { errorText, showAlert } from './labels.ts';

const $ = (id: string) => document.getElementById(id) as HTMLElement;

function row(m: UnsentMail) {
  return html`<tr>
    <th scope="row">${m.subject}</th>
    <td data-label="Saaja">${m.to}</td>
    <td data-label="Loodud">${formatDateTime(m.createdAt)}</td>
    <td data-label="Katseid">${m.attempts}</td>
    <td data-label="Viimane viga">${m.lastError ?? nothing}</td>
  </tr>`;
}

function body(m: UnsentMail) {
  return html`<section class="outbox-mail" aria-labelledby=${`mail-${m.id}`}>
    <h3 id=${`mail-${m.id}`}>${m.subject} → ${m.to}</h3>
    <pre class="auth-link-box outbox-text">${m.text}</pre>
  </section>`;
}

function stateText(o: Outbox): string {
  const count = o.mails.length === 0 ? 'Saatmata kirju ei ole.' : `Saatmata kirju: ${o.mails.length}.`;
  if (o.smtpConfigured) return count;
  return `${count} E-posti server (SMTP_URL) on seadistamata, seega jäävad kõik kirjad siia.`;
}

async function init() {
  try {
    const outbox = await apiFetch<Outbox>('/api/mail/outbox');
    $('outbox-state').textContent = stateText(outbox);
    render(repeat(outbox.mails, (m) => m.id, row), $('outbox-body'));
    const withText = outbox.mails.filter((m) => m.text !== null);
    render(
      outbox.showsBodies && withText.length
        ? html`<h2>Kirjade tekst</h2>
            <p>Demopaigalduses ilma e-posti serverita saad lingi siit kopeerida ja saajale turvalise kanali kaudu edastada.</p>
            ${repeat(withText, (m) => m.id, body)}`
        : nothing,
      $('outbox-bodies'),
    );
  } catch (err) {
    showAlert($('outbox-alert'), errorText(err));
  }
}

void init();
