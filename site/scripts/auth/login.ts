import { apiFetch, ApiRequestError, type Me } from '../lib/api.ts';
import { navigate } from '../lib/navigate.ts';
import { errorText, hideAlert, returnPath, showAlert } from './labels.ts';

const REFUSALS: Record<string, string> = {
  tara_tundmatu: 'Sinu isikukoodiga ei ole Turvaradas kontot. Palu ELVL-i administraatoril isikukood oma kontoga siduda.',
  tara_katkestatud: 'TARA kaudu sisselogimine katkestati.',
  tara_seanss: 'Sisselogimise seanss aegus või avati teises brauseris. Proovi uuesti.',
  tara: 'TARA kaudu sisselogimine ebaõnnestus. Proovi uuesti.',
  tara_kattesaamatu: 'Riigi autentimisteenus ei ole praegu kättesaadav. Proovi hiljem uuesti.',
  konto_suletud: 'See konto on suletud või juurdepääs on aegunud. Pöördu ELVL-i administraatori poole.',
};

const form = document.getElementById('login-form') as HTMLFormElement;
const alertBox = document.getElementById('login-alert') as HTMLElement;
const email = document.getElementById('email') as HTMLInputElement;
const password = document.getElementById('password') as HTMLInputElement;

const refusal = new URLSearchParams(location.search).get('viga');
if (refusal && REFUSALS[refusal]) showAlert(alertBox, REFUSALS[refusal]);

apiFetch<{ tara: boolean }>('/api/auth/providers', { allowAnonymous: true })
  .then((p) => {
    (document.getElementById('tara-box') as HTMLElement).hidden = !p.tara;
  })
  .catch(() => undefined);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  hideAlert(alertBox);
  if (!email.value.trim() || !password.value) {
    showAlert(alertBox, 'Sisesta e-posti aadress ja parool.');
    (email.value.trim() ? password : email).focus();
    return;
  }
  const button = form.querySelector('button') as HTMLButtonElement;
  button.disabled = true;
  try {
    await apiFetch<Me>('/api/auth/login', { method: 'POST', json: { email: email.value, password: password.value }, allowAnonymous: true });
    navigate(returnPath(location.search));
  } catch (err) {
    password.value = '';
    showAlert(alertBox, err instanceof ApiRequestError ? err.message : errorText(err));
    password.focus();
  } finally {
    button.disabled = false;
  }
});
