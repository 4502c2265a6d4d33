/**
 * Branded time units of the protocol's fields, so that milliseconds of different meaning cannot
 * be mixed silently: a plain `number` (or a duration) does not type-check where an offset is
 * expected. Both are float milliseconds; reading one as a `number` (to draw, to add) is free.
 *
 * - `OffsetMs`: a point in time, milliseconds since the shown trace's start (its earliest span
 *   start, `Trace.startNs`). Never absolute: absolute times stay `UnixNanos` bigints in the model
 *   (src/core/model/time.ts) and do not cross the protocol.
 * - `DurationMs`: a length of time, milliseconds, ≥ 0 when the trace is well-formed.
 *
 * Typed-array columns (`TraceStructure.startMs`, `CriticalPathView.sectionStartMs`, …) cannot be
 * branded per element; their field comments name the unit instead.
 *
 * Values are made where the view builders compute them (src/core/view/*), with the two
 * constructors below; the validators vouch for what they checked and return branded types.
 */

declare const unit: unique symbol;

export type OffsetMs = number & { readonly [unit]: 'offsetMs' };
export type DurationMs = number & { readonly [unit]: 'durationMs' };

/** Marks `ms` (milliseconds since the trace's start) as an offset. */
export const offsetMs = (ms: number): OffsetMs => ms as OffsetMs;

/** Marks `ms` (a length of time in milliseconds) as a duration. */
export const durationMs = (ms: number): DurationMs => ms as DurationMs;
