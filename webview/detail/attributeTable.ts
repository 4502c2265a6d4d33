/**
 * A key/value table of attributes. Values the host clipped offer "show all (N chars)", which
 * fetches the whole value on demand; every value has a copy button (copies the whole value,
 * fetching it first when clipped).
 */
import type { DetailAttribute } from '../../src/core/protocol';
import { formatCount } from '../../src/core/view/format';
import { linkButton } from '../components/linkButton';
import { copyText } from '../components/clipboard';
import { h } from '../components/dom';
import { blockText, inlineText } from '../../src/core/text/visibleText';
import { isClipped } from './attributeFilter';

export interface AttributeTableOptions {
  readonly attrs: readonly DetailAttribute[];
  /** Fetches the whole value of `key`; absent where the protocol has no way to (event attributes). */
  readonly fetchFull?: (key: string) => Promise<string>;
  readonly emptyText: string;
  readonly ariaLabel: string;
}

export function attributeTable(opts: AttributeTableOptions): HTMLElement {
  if (opts.attrs.length === 0) return h('p', { className: 'empty-note', text: opts.emptyText });
  const body = h('tbody');
  for (const a of opts.attrs) body.append(attributeRow(a, opts.fetchFull));
  return h('table', { className: 'attr-table', attrs: { 'aria-label': opts.ariaLabel } }, [body]);
}

function attributeRow(a: DetailAttribute, fetchFull: ((key: string) => Promise<string>) | undefined): HTMLTableRowElement {
  const value = h('div', { className: `attr-value attr-type-${a.type}`, text: blockText(a.value) });
  let more: HTMLElement | undefined;
  let full: string | undefined = isClipped(a) ? undefined : a.value;

  const loadFull = async (): Promise<string> => {
    if (full !== undefined) return full;
    if (!fetchFull) return a.value;
    full = await fetchFull(a.key);
    return full;
  };

  if (isClipped(a)) {
    const total = a.fullLength ?? a.value.length;
    if (fetchFull) {
      const showAll = linkButton({
        label: `show all (${formatCount(total)} chars)`,
        onClick: () => {
          showAll.disabled = true;
          showAll.textContent = 'loading…';
          loadFull().then(
            (text) => {
              value.textContent = blockText(text);
              value.classList.add('attr-value-full');
              showAll.remove();
            },
            (err: unknown) => {
              showAll.disabled = false;
              showAll.textContent = `show all (${formatCount(total)} chars) — failed: ${inlineText(err instanceof Error ? err.message : String(err), 200)}`;
            },
          );
        },
      });
      more = showAll;
    } else {
      more = h('span', { className: 'muted', text: `clipped, ${formatCount(total)} chars` });
    }
  }
  const copy = linkButton({
    label: 'Copy',
    title: `Copy the value of ${inlineText(a.key, 200)}`,
    onClick: () => {
      void loadFull()
        .then((text) => copyText(text))
        .catch(() => false)
        .then((ok) => {
          copy.textContent = ok ? 'Copied' : 'Copy failed';
          window.setTimeout(() => (copy.textContent = 'Copy'), 1500);
        });
    },
  });
  const footer: HTMLElement[] = [];
  if (a.type !== 'string') footer.push(h('span', { className: 'attr-type', text: a.type }));
  if (more) footer.push(more);
  return h('tr', {}, [
    h('th', { className: 'attr-key', attrs: { scope: 'row' } }, keyWithBreaks(inlineText(a.key, 300))),
    h('td', { className: 'attr-value-cell' }, footer.length > 0 ? [value, h('div', { className: 'attr-footer' }, footer)] : [value]),
    h('td', { className: 'attr-actions' }, [copy]),
  ]);
}

/** Dotted keys (gen_ai.usage.input_tokens) may wrap after '.', '_' or '/' rather than mid-word. */
function keyWithBreaks(key: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  for (const part of key.split(/(?<=[._/])/)) {
    if (out.length > 0) out.push(document.createElement('wbr'));
    out.push(part);
  }
  return out;
}
