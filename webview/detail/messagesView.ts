/**
 * An LLM call's conversation as a chat: the input messages, then the model's output. Each
 * message is a role-labelled bubble; tool call requests show the tool's name and its arguments
 * (pretty-printed when they are JSON); tool results say which call they answer. Message text
 * is rendered as markdown, safely (see text/markdown.ts: no HTML, no remote images, only
 * http(s)/mailto links, opened by the host through `openLink`); tool results stay plain text
 * (they are usually JSON or logs). Only the first `MARKDOWN_CHARS` of a message are markdown
 * until the reader presses "Show all as markdown" (text/markdownBudget.ts: no message may
 * freeze the view). Long texts are folded behind "show whole message".
 */
import type { DetailMessage, SpanDetail } from '../../src/core/protocol';
import { formatCount, plural } from '../../src/core/view/format';
import { button } from '../components/button';
import { linkButton } from '../components/linkButton';
import { h } from '../components/dom';
import { markdownTree } from '../text/markdown';
import { MARKDOWN_CHARS, planMarkdown } from '../text/markdownBudget';
import { treeToDom } from '../text/markdownDom';
import { blockText, inlineText } from '../../src/core/text/visibleText';
import { prettyArguments } from './prettyArguments';

const KNOWN_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
/** Messages longer than this start folded. */
const FOLD_CHARS = 4000;

/** Asks the host to open a vetted link (the webview never navigates itself). */
type OpenLink = (href: string) => void;

export function messagesView(d: SpanDetail, openLink: OpenLink): HTMLElement {
  if (d.input.length === 0 && d.output.length === 0) {
    return h('p', { className: 'empty-note', text: 'No messages were recorded for this call (the producer may not capture prompts and completions).' });
  }
  return h('div', { className: 'chat' }, [section('Input', d.input, openLink), section('Output', d.output, openLink)]);
}

function section(title: string, messages: readonly DetailMessage[], openLink: OpenLink): HTMLElement {
  const heading = h('h3', { className: 'chat-section-title', text: `${title} · ${plural(messages.length, 'message')}` });
  if (messages.length === 0) return h('section', { className: 'chat-section' }, [heading, h('p', { className: 'empty-note', text: 'none recorded' })]);
  return h('section', { className: 'chat-section' }, [heading, ...messages.map((m) => messageBubble(m, openLink))]);
}

function messageBubble(m: DetailMessage, openLink: OpenLink): HTMLElement {
  const role = m.role.toLowerCase();
  const roleClass = KNOWN_ROLES.has(role) ? role : 'other';
  const head = h('div', { className: 'chat-role', text: inlineText(m.role || '(no role)', 40) });
  if (m.toolCallId !== undefined) head.append(h('span', { className: 'chat-meta', text: ` · result of call ${inlineText(m.toolCallId, 80)}` }));
  const parts: HTMLElement[] = [head];
  if (m.text !== '') parts.push(foldableText(m.text, roleClass !== 'tool' && roleClass !== 'function' ? openLink : undefined));
  for (const call of m.toolCalls) {
    parts.push(
      h('div', { className: 'tool-call' }, [
        h('div', { className: 'tool-call-head' }, [
          h('span', { className: 'tool-call-arrow', text: '→ ', attrs: { 'aria-hidden': 'true' } }),
          h('span', { className: 'tool-call-name', text: inlineText(call.name || '(unnamed tool)', 120) }),
          ...(call.id !== undefined ? [h('span', { className: 'chat-meta', text: ` · ${inlineText(call.id, 80)}` })] : []),
        ]),
        h('pre', { className: 'tool-call-args', text: blockText(prettyArguments(call.arguments)) }),
      ]),
    );
  }
  return h(
    'article',
    { className: `chat-message role-${roleClass}`, testId: 'chat-message', attrs: { 'aria-label': `${inlineText(m.role, 40)} message` } },
    parts,
  );
}

/**
 * Of a folded message only this much is in the DOM: the fold shows 16 lines, and laying out the
 * whole of a 100 KB prompt behind it would cost most of a second; the rest is built on unfold.
 */
const FOLDED_PREVIEW_CHARS = 2 * FOLD_CHARS;

/** The text as markdown (when `openLink` is given) or plain, folded when long. */
function foldableText(text: string, openLink: OpenLink | undefined): HTMLElement {
  const render = (t: string) =>
    openLink
      ? h('div', { className: 'chat-text chat-markdown' }, [markdownContent(t, openLink, false)])
      : h('div', { className: 'chat-text', text: blockText(t) });
  let body: HTMLElement;
  let complete = text.length <= FOLD_CHARS;
  const controls =
    openLink && planMarkdown(text).cut === 'length'
      ? [
          showAllControl(() => {
            complete = true;
            body.replaceChildren(markdownContent(text, openLink, true));
          }),
        ]
      : [];
  if (complete) {
    body = render(text);
    return controls.length === 0 ? body : h('div', {}, [body, ...controls]);
  }
  body = render(text.slice(0, FOLDED_PREVIEW_CHARS));
  body.classList.add('folded');
  const toggle = linkButton({
    label: `show whole message (${formatCount(text.length)} chars)`,
    onClick: () => {
      if (!complete) {
        complete = true;
        const whole = render(text);
        whole.classList.add('folded');
        body.replaceWith(whole);
        body = whole;
      }
      const folded = body.classList.toggle('folded');
      toggle.textContent = folded ? `show whole message (${formatCount(text.length)} chars)` : 'fold message';
    },
  });
  return h('div', {}, [body, toggle, ...controls]);
}

/** "Show all as markdown": the caller re-renders the whole message as markdown, on demand. */
function showAllControl(showAllAsMarkdown: () => void): HTMLElement {
  const note = h('span', {
    className: 'muted chat-markdown-note',
    text: `Markdown is shown for the first ${formatCount(MARKDOWN_CHARS)} characters; the rest is plain text.`,
  });
  const holder = h('div', { className: 'chat-markdown-cut', testId: 'markdown-cut' }, [note]);
  const showAll = button({
    label: 'Show all as markdown',
    variant: 'secondary',
    testId: 'show-all-markdown',
    title: 'Render the whole message as markdown (may take a moment for very long messages)',
    onClick: () => {
      showAllAsMarkdown();
      holder.remove();
    },
  });
  holder.append(' ', showAll);
  return holder;
}

/** The message as markdown; if building its DOM fails for any reason, the text as plain text (textContent). */
function markdownContent(text: string, openLink: OpenLink, full: boolean): Node {
  try {
    return treeToDom(markdownTree(text, { full }), { openLink });
  } catch {
    return h('p', { className: 'md-plain', text: blockText(text) });
  }
}
