import type { ChatMessage, Cost, Iteration, LlmCall, TokenUsage, ToolCallRequest, ToolExecution } from './types';

/**
 * The view's LLM calls, tool executions and iterations as small classes whose heavy fields
 * (message lists parsed from JSON, tool arguments and results, unexecuted requests) are
 * getters computed on first read and then kept. A 100k-span trace has hundreds of thousands
 * of such fields and the views read a handful, so laziness is what keeps the derivation cheap;
 * plain classes with private slots are much cheaper to create than per-object accessors.
 * `toJSON` gives the plain object (JSON output, snapshots). Structured clone does not run
 * getters: convert with `toJSON()` before posting one of these.
 */

type Thunk<T> = () => T;

function resolve(v: readonly ChatMessage[] | Thunk<readonly ChatMessage[]>): readonly ChatMessage[] {
  return typeof v === 'function' ? v() : v;
}

/** Text a producer writes for "no content": Python's str(None), JSON null. */
function isPlaceholder(text: string): boolean {
  const t = text.trim();
  return t === '' || t === 'None' || t === 'null';
}

function hasContent(msgs: readonly ChatMessage[]): boolean {
  return msgs.some((m) => m.toolCalls.length > 0 || !isPlaceholder(m.text) || (m.reasoning !== undefined && !isPlaceholder(m.reasoning)));
}

/** `own` when it has content, else the wrapper's; tool calls only the wrapper has are added. */
function preferStructured(own: readonly ChatMessage[], wrapper: () => readonly ChatMessage[]): readonly ChatMessage[] {
  const w = wrapper();
  if (!hasContent(own)) return hasContent(w) ? w : own;
  if (own.some((m) => m.toolCalls.length > 0)) return own;
  const calls = w.flatMap((m) => m.toolCalls);
  return calls.length > 0 ? [...own, { role: 'assistant', text: '', toolCalls: calls }] : own;
}

const NO_MESSAGES: readonly ChatMessage[] = Object.freeze([]);

export class LlmCallRecord implements LlmCall {
  readonly model?: string;
  readonly provider?: string;
  #input: readonly ChatMessage[] | Thunk<readonly ChatMessage[]>;
  #output: readonly ChatMessage[] | Thunk<readonly ChatMessage[]>;
  #outputRaw: unknown;
  #requests: ToolCallRequest[] | undefined;

  constructor(
    readonly spanIndex: number,
    model: string | undefined,
    provider: string | undefined,
    input: Thunk<ChatMessage[]> | undefined,
    output: Thunk<ChatMessage[]> | undefined,
    readonly usage: TokenUsage,
    readonly cost: Cost,
    outputRaw?: unknown,
  ) {
    this.#outputRaw = outputRaw;
    if (model !== undefined) this.model = model;
    if (provider !== undefined) this.provider = provider;
    this.#input = input ?? NO_MESSAGES;
    this.#output = output ?? NO_MESSAGES;
  }

  get input(): readonly ChatMessage[] {
    if (typeof this.#input === 'function') this.#input = this.#input();
    return this.#input;
  }

  get output(): readonly ChatMessage[] {
    if (typeof this.#output === 'function') this.#output = this.#output();
    return this.#output;
  }

  /** The tool calls the output asks for, in order (read once, then kept with the call). */
  requests(): readonly ToolCallRequest[] {
    if (!this.#requests) {
      this.#requests = [];
      for (const m of this.output) for (const r of m.toolCalls) this.#requests.push(r);
    }
    return this.#requests;
  }

  /**
   * Takes messages from `wrapper` — an LLM span around this one (a Langfuse GENERATION around the
   * leaf call, as agno writes them) — for a side where this call's own are missing or only
   * placeholder text ("None", "null"). Tokens and cost stay this call's. A tool call the wrapper
   * holds is kept even when this call's own output is used.
   */
  withWrapperMessages(wrapper: LlmCall): void {
    const ownIn = this.#input;
    const ownOut = this.#output;
    this.#input = () => preferStructured(resolve(ownIn), () => wrapper.input);
    this.#output = () => preferStructured(resolve(ownOut), () => wrapper.output);
    this.#outputRaw = undefined; // requestsCallId must read the merged output
  }

  /**
   * Whether the output asks for tool call `id`, answered from the raw JSON text while the
   * output is unparsed (a quoted id in it is taken as the request: ids are distinctive), so
   * linking tools to calls need not parse every output.
   */
  requestsCallId(id: string): boolean {
    const raw = this.#outputRaw;
    if (typeof this.#output === 'function' && typeof raw === 'string') {
      if (!raw.includes(id)) return false;
      // Quoted as a JSON string, or (Langfuse double-encodes) as an escaped one.
      const quoted = JSON.stringify(id);
      return raw.includes(quoted) || raw.includes(JSON.stringify(quoted).slice(1, -1));
    }
    for (const m of this.output) for (const r of m.toolCalls) if (r.id === id) return true;
    return false;
  }

  toJSON(): LlmCall {
    return {
      spanIndex: this.spanIndex,
      model: this.model,
      provider: this.provider,
      input: this.input,
      output: this.output,
      usage: this.usage,
      cost: this.cost,
    };
  }
}

const UNSET = Symbol('unset');

export class ToolExecutionRecord implements ToolExecution {
  callId?: string;
  status: 'ok' | 'error' | 'unset' = 'unset';
  error?: string;
  requestedBy?: number;
  #args: unknown = UNSET;
  #argsThunk: Thunk<unknown> | undefined;
  #result: unknown = UNSET;
  #resultThunk: Thunk<unknown> | undefined;

  constructor(
    readonly spanIndex: number,
    readonly name: string,
    args: Thunk<unknown> | undefined,
    result: Thunk<unknown> | undefined,
  ) {
    this.#argsThunk = args;
    this.#resultThunk = result;
  }

  get arguments(): unknown {
    if (this.#args === UNSET) this.#args = this.#argsThunk ? this.#argsThunk() : undefined;
    return this.#args;
  }

  set arguments(v: unknown) {
    this.#args = v;
  }

  get result(): unknown {
    if (this.#result === UNSET) this.#result = this.#resultThunk ? this.#resultThunk() : undefined;
    return this.#result;
  }

  set result(v: unknown) {
    this.#result = v;
  }

  toJSON(): ToolExecution {
    return {
      spanIndex: this.spanIndex,
      name: this.name,
      callId: this.callId,
      arguments: this.arguments,
      result: this.result,
      status: this.status,
      error: this.error,
      requestedBy: this.requestedBy,
    };
  }
}

export class IterationRecord implements Iteration {
  #unexecuted: readonly ToolCallRequest[] | Thunk<readonly ToolCallRequest[]>;

  constructor(
    readonly index: number,
    readonly llmCall: LlmCall,
    readonly toolExecutions: readonly ToolExecution[],
    unexecuted: Thunk<readonly ToolCallRequest[]>,
  ) {
    this.#unexecuted = unexecuted;
  }

  get unexecutedRequests(): readonly ToolCallRequest[] {
    if (typeof this.#unexecuted === 'function') this.#unexecuted = this.#unexecuted();
    return this.#unexecuted;
  }

  toJSON(): Iteration {
    return { index: this.index, llmCall: this.llmCall, toolExecutions: this.toolExecutions, unexecutedRequests: this.unexecutedRequests };
  }
}
