/**
 * Filters list items by the selects of a [data-kb-filter] form and announces the count in the
 * aria-live paragraph. An item matches a filter when its data attribute (space separated) contains
 * the selected value, and the search field (if any) when its text contains every word typed. Items
 * added later (the working group's approved templates) announce themselves with a `kb-items-changed`
 * event on the list. The form stays hidden without JavaScript (everything is listed).
 */
function setup(form: HTMLFormElement): void {
  const targetId = form.dataset['kbFilter']!;
  const list = document.getElementById(targetId);
  const count = document.querySelector<HTMLElement>(`[data-kb-count="${targetId}"]`);
  if (!list || !count) return;
  let items = Array.from(list.querySelectorAll<HTMLElement>('[data-filter-item]'));
  const search = form.querySelector<HTMLInputElement>('input[name="q"]');
  const one = form.dataset['nounOne'] ?? '';
  const many = form.dataset['nounMany'] ?? '';

  function apply(): void {
    let shown = 0;
    const selects = Array.from(form.querySelectorAll('select'));
    const words = (search?.value ?? '').toLocaleLowerCase('et').split(/\s+/).filter(Boolean);
    for (const item of items) {
      const text = words.length ? (item.textContent ?? '').toLocaleLowerCase('et') : '';
      const ok = selects.every((s) => !s.value || (item.dataset[s.name] ?? '').split(' ').includes(s.value)) && words.every((w) => text.includes(w));
      item.hidden = !ok;
      if (ok) shown++;
    }
    count!.textContent = `${shown} ${shown === 1 ? one : many}` + (shown < items.length ? ` (kokku ${items.length})` : '');
  }

  form.addEventListener('change', apply);
  search?.addEventListener('input', apply);
  list.addEventListener('kb-items-changed', () => {
    items = Array.from(list.querySelectorAll<HTMLElement>('[data-filter-item]'));
    apply();
  });
  form.addEventListener('reset', () => setTimeout(apply, 0));
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  apply();
}

document.querySelectorAll<HTMLFormElement>('form[data-kb-filter]').forEach(setup);
