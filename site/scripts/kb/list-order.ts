/**
 * <tv-list-order>: lets the reader reorder a server-rendered list (e.g. guides "Tähtsuse järgi" or "A–Z").
 * The page is built in the default order, so without JavaScript the list is simply in that order and the
 * choice stays hidden. Each list item carries `data-order-<value>` (its position in that order) for every
 * radio value; the choice is kept in the address (`?jarjestus=…`) so Back and shared links keep it.
 * Pattern: Starlight's custom elements (server markup, enhanced in connectedCallback).
 */
const PARAM = 'jarjestus';

class TvListOrder extends HTMLElement {
  connectedCallback(): void {
    const list = document.getElementById(this.dataset['target'] ?? '');
    const fieldset = this.querySelector('fieldset');
    const radios = Array.from(this.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    if (!list || !fieldset || radios.length === 0) return;
    const defaultRadio = radios.find((r) => r.defaultChecked) ?? radios[0]!;

    const apply = (value: string) => {
      const attr = `data-order-${value}`;
      const items = Array.from(list.children).filter((el): el is HTMLElement => el instanceof HTMLElement && el.hasAttribute(attr));
      items.sort((a, b) => Number(a.getAttribute(attr)) - Number(b.getAttribute(attr)));
      list.append(...items);
    };

    const wanted = new URL(location.href).searchParams.get(PARAM);
    const initial = radios.find((r) => r.dataset['param'] === wanted) ?? defaultRadio;
    initial.checked = true;
    if (initial !== defaultRadio) apply(initial.value);

    this.addEventListener('change', (event) => {
      const radio = event.target;
      if (!(radio instanceof HTMLInputElement) || radio.type !== 'radio') return;
      apply(radio.value);
      const url = new URL(location.href);
      if (radio === defaultRadio) url.searchParams.delete(PARAM);
      else url.searchParams.set(PARAM, radio.dataset['param'] ?? radio.value);
      history.replaceState(history.state, '', url);
    });
    fieldset.hidden = false;
  }
}

if (!customElements.get('tv-list-order')) customElements.define('tv-list-order', TvListOrder);
