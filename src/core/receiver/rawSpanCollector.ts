import type { DiagnosticCode } from '../model/diagnostics';
import type { RawSpan } from '../model/span';
import { TraceBuilder } from '../import/traceBuilder';

/**
 * A TraceBuilder that only collects: the receiver needs spans exactly as the sender wrote
 * them (to store them), not a built tree. The importers' readers take a builder, so this
 * subclass lets them feed it unchanged. `build()` is not meant to be called on it.
 */
export class RawSpanCollector extends TraceBuilder {
  readonly spans: RawSpan[] = [];
  /** Records the reader could not turn into a span, as `source: reason`. */
  readonly unreadableRecords: string[] = [];
  readonly notes: string[] = [];

  override addSpan(raw: RawSpan): void {
    this.spans.push(raw);
  }

  override addUnreadable(source: string, reason: string): void {
    this.unreadableRecords.push(source ? `${source}: ${reason}` : reason);
  }

  override note(_code: DiagnosticCode, message: string): void {
    this.notes.push(message);
  }

  override get inputSpanCount(): number {
    return this.spans.length + this.unreadableRecords.length;
  }
}
