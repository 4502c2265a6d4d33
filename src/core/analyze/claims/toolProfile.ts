import type { ToolExecution } from '../../semantics/types';
import { argumentLeaves } from './claimArguments';
import type { ActionId } from './types';
import { actionOfBaseWord, isContentVerb, isDeliveryVerb, isReadOnlyWord, singular, splitIdentifier } from './verbs';

/**
 * What a tool does, read from its name (split into words) and, when the trace has one, its
 * description: the actions it performs, the words naming its object (hotel, invite, record)
 * and whether it has side effects.
 */
export interface ToolProfile {
  readonly name: string;
  readonly actions: ReadonlySet<ActionId>;
  /** Singular lower-case words of the name and description that are not actions. */
  readonly objectWords: ReadonlySet<string>;
  /** The name says get/search/list/lookup/…: the tool only reads. */
  readonly readOnly: boolean;
  /** A send/book/pay/delete/create/update-like tool; never a read-only one. */
  readonly sideEffecting: boolean;
  /** final_answer / final_result / final_output-like tools that only carry the answer. */
  readonly answerTool: boolean;
  /** draft_email / compose_sms-like: makes the content of a message without delivering it. */
  readonly producesContent: boolean;
}

const ANSWER_TOOL =
  /^(?:final[_ -]?(?:answer|result|output|response)|finish|done|respond|answer|submit[_ -]?final[_ -]?answer|return[_ -]?answer|task[_ -]?complete|complete[_ -]?task|end[_ -]?task|task[_ -]?done)$/i;
/** Generic command runners: whether they ran tests is read from their arguments. */
export const SHELL_TOOL = /^(?:bash|shell|sh|terminal|run|exec|execute|command|run[_ ]?command|run[_ ]?shell[_ ]?command)$/i;
const MATH_TOOL = new Set(['add', 'subtract', 'multiply', 'divide', 'sum']);
const STOP = new Set([
  'the',
  'a',
  'an',
  'to',
  'for',
  'of',
  'in',
  'on',
  'and',
  'or',
  'with',
  'from',
  'by',
  'this',
  'that',
  'tool',
  'function',
  'use',
  'given',
  'user',
  'into',
  'your',
  'its',
  'new',
]);

export function profileTool(name: string, description: string | undefined, exec?: ToolExecution): ToolProfile {
  const nameWords = splitIdentifier(name);
  const descWords = description ? (description.toLowerCase().match(/[a-z]+/g) ?? []) : [];
  const actions = new Set<ActionId>();
  for (const w of nameWords) {
    const a = actionOfBaseWord(w);
    if (a) actions.add(a);
  }
  // A description's verb is its first known word ("Book a hotel room", "Sends an SMS").
  for (const w of descWords.slice(0, 4)) {
    const a = actionOfBaseWord(w) ?? actionOfBaseWord(w.replace(/e?s$/, ''));
    if (a) {
      actions.add(a);
      break;
    }
    if (isReadOnlyWord(w) || isReadOnlyWord(w.replace(/e?s$/, '')) || isContentVerb(w) || isContentVerb(w.replace(/e?s$/, ''))) break;
  }
  // "Draft an email": the e-mail is what it makes, not what it does.
  const producesContent = nameWords.some(isContentVerb) && !nameWords.some(isDeliveryVerb);
  if (producesContent) actions.delete('send');
  if (!actions.has('test') && exec && SHELL_TOOL.test(name)) {
    const text = argumentLeaves(exec.arguments)
      .map((l) => String(l.value))
      .join(' ');
    if (/\b(?:pytest|jest|vitest|mocha|npm (?:run )?test|yarn test|go test|cargo test|make test|tox)\b/.test(text)) actions.add('test');
  }
  const readOnly = nameWords.some(isReadOnlyWord) || (nameWords.length === 1 && MATH_TOOL.has(nameWords[0]));
  // get_order reads an order; it does not "order" (pay) anything.
  if (readOnly) for (const a of [...actions]) if (a !== 'test') actions.delete(a);
  const objectWords = new Set<string>();
  for (const w of [...nameWords, ...descWords]) if (w.length > 2 && !STOP.has(w) && !actionOfBaseWord(w)) objectWords.add(singular(w));
  const sideEffecting = !readOnly && actions.size > 0 && !(actions.size === 1 && actions.has('test'));
  return { name, actions, objectWords, readOnly, sideEffecting, answerTool: ANSWER_TOOL.test(name.trim()), producesContent };
}
