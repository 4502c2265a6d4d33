/**
 * An LLM call's conversation as a chat: the input messages, then the model's output. Each
 * message is a role-labelled bubble; tool call requests show the tool's name and its arguments
 * (pretty-printed when they are JSON); tool results say which call they answer. Message text
 * is rendered as markdown, safely (see text/markdown.ts: no HTML, no remote images, only
 * http(s)/mailto links); tool results stay plain text (they are usually JSON or logs). Long
 * texts are folded behind "show whole message".
 */
import type { DetailMessage, SpanDetail } from '../../src/core/protocol';
import { formatCount, plural } from '../../src/core/view/format';
import { linkButton } from '../components/linkButton';
import { h } from '../components/dom';
import { markdownTree } from '../text/markdown';
import { treeToDom } from '../text/markdownDom';
import { blockText, inlineText } from '../text/visibleText';
import { prettyArguments } from './prettyArguments';

const KNOWN_ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
/** Messages longer than this start folded. */
const FOLD_CHARS = 4000;

export function messagesView(d: SpanDetail): HTMLElement {
  if (d.input.length === 0 && d.output.length === 0) {
    return h('p', { className: 'empty-note', text: 'No messages were recorded for this call (the producer may not capture prompts and completions).' });
  }
  return h('div', { className: 'chat' }, [section('Input', d.input), section('Output', d.output)]);
}

function section(title: string, messages: readonly DetailMessage[]): HTMLElement {
  const heading = h('h3', { className: 'chat-section-title', text: `${title} · ${plural(messages.length, 'message')}` });
  if (messages.length === 0) return h('section', { className: 'chat-section' }, [heading, h('p', { className: 'empty-note', text: 'none recorded' })]);
  return h('section', { className: 'chat-section' }, [heading, ...messages.map(messageBubble)]);
}

function messageBubble(m: DetailMessage): HTMLElement {
  const role = m.role.toLowerCase();
  const roleClass = KNOWN_ROLES.has(role) ? role : 'other';
  const head = h('div', { className: 'chat-role', text: inlineText(m.role || '(no role)', 40) });
  if (m.toolCallId !== undefined) head.append(h('span', { className: 'chat-meta', text: ` · result of call ${inlineText(m.toolCallId, 80)}` }));
  const parts: HTMLElement[] = [head];
  if (m.text !== '') parts.push(foldableText(m.text, roleClass !== 'tool' && roleClass !== 'function'));
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

function foldableText(text: string, markdown: boolean): HTMLElement {
  const body = markdown
    ? h('div', { className: 'chat-text chat-markdown' }, [treeToDom(markdownTree(text))])
    : h('div', { className: 'chat-text', text: blockText(text) });
  if (text.length <= FOLD_CHARS) return body;
  body.classList.add('folded');
  const toggle = linkButton({
    label: `show whole message (${formatCount(text.length)} chars)`,
    onClick: () => {
      const folded = body.classList.toggle('folded');
      toggle.textContent = folded ? `show whole message (${formatCount(text.length)} chars)` : 'fold message';
    },
  });
  return h('div', {}, [body, toggle]);
}
