// "Unustasin parooli": asks the API to mail a one-time link. The answer is the same whether or not the
// address has an account, so the page says only what will happen if it has.
import { apiFetch, ApiRequestError } from '../lib/api.ts';
import { errorText, hideAlert, showAlert } from './labels.ts';

const form = document.getElementById('reset-form') as HTMLFormElement;
const alertBox = document.getElementById('reset-alert') as HTMLElement;
const done = document.getElementById('reset-done') as HTMLElement;
const email = document.getElementById('reset-email') as HTMLInputElement;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  hideAlert(alertBox);
  const address = email.value.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
    showAlert(alertBox, 'Sisesta e-posti aadress kujul nimi@vald.ee.');
    email.focus();
    return;
  }
  const button = form.querySelector('button') as HTMLButtonElement;
  button.disabled = true;
  try {
    const answer = await apiFetch<{ message: string }>('/api/auth/password-reset', { method: 'POST', json: { email: address }, allowAnonymous: true });
    form.hidden = true;
    done.className = 'notice notice--success';
    done.textContent = answer.message;
  } catch (err) {
    showAlert(alertBox, err instanceof ApiRequestError ? err.message : errorText(err));
    email.focus();
  } finally {
    button.disabled = false;
  }
});
