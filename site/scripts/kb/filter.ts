/**
 * Filters list items by the selects of a [data-kb-filter] form and announces the count in the
 * aria-live paragraph. An item matches a filter when its data attribute (space separated) contains
 * the selected value. The form stays hidden without JavaScript (everything is listed).
 */
function setup(form: HTMLFormElement): void {
  const targetId = form.dataset['kbFilter']!;
  const list = document.getElementById(targetId);
  const count = document.querySelector<HTMLElement>(`[data-kb-count="${targetId}"]`);
  if (!list || !count) return;
  const items = Array.from(list.querySelectorAll<HTMLElement>('[data-filter-item]'));
  const selects = Array.from(form.querySelectorAll('select'));
  const one = form.dataset['nounOne'] ?? '';
  const many = form.dataset['nounMany'] ?? '';

  function apply(): void {
    let shown = 0;
    for (const item of items) {
      const ok = selects.every((s) => !s.value || (item.dataset[s.name] ?? '').split(' ').includes(s.value));
      item.hidden = !ok;
      if (ok) shown++;
    }
    count!.textContent = `${shown} ${shown === 1 ? one : many}` + (shown < items.length ? ` (kokku ${items.length})` : '');
  }

  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply, 0));
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  apply();
}

document.querySelectorAll<HTMLFormElement>('form[data-kb-filter]').forEach(setup);
