// The token arrives in the link's fragment (#token=…), which browsers never send to servers or in
// Referer headers, and goes to the API only in JSON bodies, never in a URL a log could keep.
import { apiFetch, ApiRequestError, type Me } from '../lib/api.ts';
import { errorText, hideAlert, showAlert } from './labels.ts';
import { navigate } from '../lib/navigate.ts';

/** #token=… as the links are made; a bare #… is a link issued before that (valid for 72 h). */
function tokenFromFragment(fragment: string): string {
  return new URLSearchParams(fragment).get('token') ?? fragment;
}

const token = tokenFromFragment(location.hash.slice(1));
const form = document.getElementById('invite-form') as HTMLFormElement;
const alertBox = document.getElementById('invite-alert') as HTMLElement;
const who = document.getElementById('invite-who') as HTMLElement;
const pw = document.getElementById('new-password') as HTMLInputElement;
const repeat = document.getElementById('repeat-password') as HTMLInputElement;
const GONE = 'Link on aegunud, juba kasutatud või vigane. Telli uus link lehelt „Unustasin parooli“ või palu see administraatorilt.';

async function init() {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
    showAlert(alertBox, GONE);
    return;
  }
  try {
    const inv = await apiFetch<{ email: string; name: string }>('/api/auth/invitations/lookup', { method: 'POST', json: { token }, allowAnonymous: true });
    who.textContent = `${inv.name} (${inv.email}), vali endale parool.`;
    who.hidden = false;
    form.hidden = false;
  } catch (err) {
    showAlert(alertBox, err instanceof ApiRequestError && err.status === 404 ? GONE : errorText(err));
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  hideAlert(alertBox);
  if (pw.value.length < 12) {
    showAlert(alertBox, 'Parool peab olema vähemalt 12 märki pikk.');
    pw.focus();
    return;
  }
  if (pw.value !== repeat.value) {
    showAlert(alertBox, 'Paroolid ei ühti.');
    repeat.focus();
    return;
  }
  try {
    await apiFetch<Me>('/api/auth/invitations/password', { method: 'POST', json: { token, password: pw.value }, allowAnonymous: true });
    // Drop the used token from the address bar and history.
    history.replaceState(null, '', location.pathname);
    navigate('/minu-konto/?parool=seatud');
  } catch (err) {
    showAlert(alertBox, errorText(err));
    pw.focus();
  }
});

void init();
