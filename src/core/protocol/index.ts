/**
 * The one message protocol between the extension host and the trace webview.
 *
 * Shape: the webview sends `Request`s with a `requestId`; the host answers each with exactly
 * one `Response` carrying `inReplyTo` (a `result` or an `error`). The host may also push
 * `HostEvent`s. Both ends validate what they receive (parseMessages.ts, validate/): a message
 * that does not validate is dropped and logged, never acted on. The host never runs a command
 * named by the webview: requests are data queries plus a fixed set of actions.
 *
 * Data flow: the webview pulls. After `ready` it asks for the summary, then for the trace's
 * structure as typed arrays (a few bytes per span, cheap to post even at 100k spans), then for
 * text in windows of rows and details of one span at a time. Long attribute values are clipped
 * in details and fetched whole on demand.
 *
 * Files: messages.ts (the unions and `ResultTypes`, the contract both ends type against),
 * parseMessages.ts, units.ts (branded time units), shapes.ts and one file per view area for the
 * result shapes, validate/ for the result validators (not re-exported here: only the webview's
 * RPC client uses them).
 */

export * from './messages';
export * from './parseMessages';
export * from './panelState';
export * from './units';
export * from './shapes';
export * from './claims';
export * from './timeline';
export * from './waterfall';
export * from './cost';
export * from './graph';
export * from './source';
export * from './remote';
