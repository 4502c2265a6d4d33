/**
 * The agent view of a trace: what the spans mean as an agent run. Derived from a `Trace` by
 * `deriveAgentView` (agentView.ts); every field refers back to spans by index into
 * `trace.spans`, so views can select and highlight the evidence.
 */

export type SpanCategory = 'agent' | 'llm' | 'tool' | 'retriever' | 'embedding' | 'chain' | 'other';

/** Attribute conventions we recognise, one file each in this folder. */
export type ConventionId =
  | 'genai' // OpenTelemetry GenAI semantic conventions (current JSON messages and older forms)
  | 'openinference' // Arize OpenInference
  | 'traceloop' // OpenLLMetry / Traceloop
  | 'vercel-ai' // Vercel AI SDK `ai.*`
  | 'langfuse' // Langfuse observation types (imported Langfuse exports)
  | 'pydantic-ai' // pydantic-ai / Logfire naming
  | 'none';

export interface ToolCallRequest {
  /** The provider's tool call id, linking the request to its execution. */
  readonly id?: string;
  readonly name: string;
  /** Parsed JSON when the arguments were JSON, else the raw text. */
  readonly arguments?: unknown;
}

export interface ChatMessage {
  /** system | user | assistant | tool | … as the producer wrote it (lower-cased). */
  readonly role: string;
  /** Text content, parts joined by blank lines; '' when the message only has tool calls. */
  readonly text: string;
  /** Reasoning / thinking text when the producer separates it. */
  readonly reasoning?: string;
  readonly toolCalls: readonly ToolCallRequest[];
  /** For role "tool": the id of the call this message answers. */
  readonly toolCallId?: string;
  readonly name?: string;
  readonly finishReason?: string;
}

export interface TokenUsage {
  input?: number;
  output?: number;
  /** Input tokens read from a prompt cache (part of `input`). */
  cachedInput?: number;
  /** Reasoning tokens (part of `output`). */
  reasoning?: number;
  total?: number;
}

export interface Cost {
  /** US dollars; null means unknown (never shown as $0). */
  readonly usd: number | null;
  /** `vendor`: a cost attribute in the trace; `price-table`: our table; `unpriced`: model not in the table; `no-usage`: no tokens recorded. */
  readonly source: 'vendor' | 'price-table' | 'unpriced' | 'no-usage';
  /** For `price-table`: the table entry used and its date. */
  readonly priceKey?: string;
  readonly priceDate?: string;
}

/** Prices in US dollars per million tokens. `cachedInput` defaults to `input`. */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
  readonly cachedInput?: number;
}

/**
 * Prices from settings, by model name (matched like the built-in table: case-insensitive,
 * provider prefixes and date suffixes ignored). They win over the built-in table.
 */
export type PriceOverrides = Readonly<Record<string, ModelPrice>>;

/** Where one field of the agent view came from, or why it is empty. */
export interface FieldSource {
  readonly field: string;
  /** Attribute key, event name or "span name" that provided it. */
  readonly from?: string;
  /** Why it is empty, when it is. */
  readonly missing?: string;
}

export interface SpanSemantics {
  readonly category: SpanCategory;
  readonly convention: ConventionId;
  /** The mapping report for this span. */
  readonly fields: readonly FieldSource[];
}

export interface LlmCall {
  readonly spanIndex: number;
  readonly model?: string;
  readonly provider?: string;
  /** The conversation sent to the model (may be empty when content capture was off). */
  readonly input: readonly ChatMessage[];
  /** What the model returned: assistant messages with text and tool call requests. */
  readonly output: readonly ChatMessage[];
  readonly usage: TokenUsage;
  readonly cost: Cost;
}

export interface ToolExecution {
  readonly spanIndex: number;
  readonly name: string;
  readonly callId?: string;
  readonly arguments?: unknown;
  readonly result?: unknown;
  readonly status: 'ok' | 'error' | 'unset';
  readonly error?: string;
  /** Span index of the LLM call that requested it (by call id, else the preceding call). */
  readonly requestedBy?: number;
}

/** One LLM call plus the tool executions it caused, in start order. */
export interface Iteration {
  /** 0-based within its agent run. */
  readonly index: number;
  readonly llmCall: LlmCall;
  readonly toolExecutions: readonly ToolExecution[];
  /** Tool calls the model requested that have no execution span. */
  readonly unexecutedRequests: readonly ToolCallRequest[];
}

export interface AgentRun {
  /** The agent span, or the trace root when there is no explicit agent span. */
  readonly spanIndex: number;
  readonly name: string;
  readonly iterations: readonly Iteration[];
  /** Tool executions inside this run that no LLM call in the run explains. */
  readonly looseToolExecutions: readonly ToolExecution[];
  readonly subAgents: readonly AgentRun[];
  readonly finalAnswer?: string;
}

export interface AgentView {
  /** Parallel to `trace.spans`. */
  readonly spans: readonly SpanSemantics[];
  readonly llmCalls: readonly LlmCall[];
  readonly toolExecutions: readonly ToolExecution[];
  /** Top-level runs (sub-agents nested inside). */
  readonly runs: readonly AgentRun[];
  /** Iterations over all runs, nested ones included. */
  readonly iterationCount: number;
  readonly tokens: Required<Pick<TokenUsage, 'input' | 'output'>> & TokenUsage;
  /** Sum over LLM calls; null when any call's cost is unknown (tokens but no price, or no usage recorded). */
  readonly costUsd: number | null;
  /** Models with recorded tokens and no price. */
  readonly unpricedModels: readonly string[];
  /** LLM calls that recorded no usage at all (their cost is unknown, not 0). */
  readonly noUsageCalls: number;
  readonly finalAnswer?: string;
}
