/** E-ITS index: show all modules, modules in the KOV profile, or modules with KOV P1 measures. */
const form = document.querySelector<HTMLFormElement>('form[data-eits-filter]');
const count = document.querySelector<HTMLElement>('[data-eits-count]');
if (form && count) {
  const select = form.querySelector('select')!;
  const modules = Array.from(document.querySelectorAll<HTMLElement>('[data-eits-module]'));
  const groups = Array.from(document.querySelectorAll<HTMLElement>('.eits-group'));
  const apply = () => {
    let shown = 0;
    for (const m of modules) {
      const ok = !select.value || (m.dataset['profile'] ?? '').split(' ').includes(select.value);
      m.hidden = !ok;
      if (ok) shown++;
    }
    for (const g of groups) g.hidden = !g.querySelector('[data-eits-module]:not([hidden])');
    count.textContent = `${shown} moodulit` + (shown < modules.length ? ` (kokku ${modules.length})` : '');
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  apply();
}
