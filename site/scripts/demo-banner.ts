// Shows "demoandmed" on every page while the database holds demo data, so nobody mistakes it for real.
import { html, render } from 'lit-html';

async function showDemoBanner() {
  try {
    const res = await fetch('/api/meta', { credentials: 'same-origin' });
    if (!res.ok) return;
    const meta = (await res.json()) as { demo?: boolean };
    if (!meta.demo) return;
    const slot = document.getElementById('demo-banner-slot');
    if (!slot) return;
    render(
      html`<div class="demo-banner"><strong>Demoandmed.</strong> Selles paigalduses on näidisandmed: omavalitsuste seisud ja kasutajad on välja mõeldud.</div>`,
      slot,
    );
  } catch {
    /* offline or API down: the page still works without the banner */
  }
}
void showDemoBanner();
