/**
 * `npm run bench -- markdown`: the time to turn one chat message into its markdown tree, over
 * the adversarial set of bench/adversarialMessages.ts (emphasis delimiter runs, deep nesting,
 * long inline code, many links, huge tables, 1 MB of plain text, …), in node:
 * - markdown.worst_message_ms: the slowest message, median of 5 runs, as shown by default
 *   (the first 16 KB as markdown, the rest plain; target ≤ 50);
 * - markdown.worst_full_message_ms: the same for "Show all as markdown" (on demand, informative).
 * This is the lexing and rendering-decision part (planMarkdown, lexWithBudget, the tree); the DOM
 * built from the tree is bounded by the node budget (MAX_NODES). The worst case is named on stderr.
 */
import { markdownTree } from '../webview/text/markdown';
import { adversarialMessages } from './adversarialMessages';
import { emit, median, timeIt } from './report';

function worst(full: boolean): { name: string; ms: number } {
  let out = { name: '', ms: 0 };
  for (const m of adversarialMessages()) {
    markdownTree(m.text, { full }); // warm-up
    const ms = median(Array.from({ length: 5 }, () => timeIt(() => markdownTree(m.text, { full }))));
    if (ms > out.ms) out = { name: m.name, ms };
  }
  return out;
}

const shown = worst(false);
const full = worst(true);
process.stderr.write(`  worst message: ${shown.name} (${shown.ms.toFixed(1)} ms); shown whole: ${full.name} (${full.ms.toFixed(1)} ms)\n`);
emit('markdown.worst_message_ms', shown.ms, 'ms');
emit('markdown.worst_full_message_ms', full.ms, 'ms');
