/**
 * The parsers of incoming messages, one per direction: `parseRequest` on the host (webview →
 * host), `parseHostMessage` in the webview. A message that does not parse is dropped and logged,
 * never acted on. Unknown extra keys in a request are rejected too: a request is exactly one of
 * the shapes in messages.ts.
 */
import { MAX_FINDING_KEY_LENGTH } from './claims';
import { MAX_EXPANDED_GROUPS } from './graph';
import { MAX_LINK_URL_LENGTH, MAX_ROWS_PER_REQUEST, type BugReportRequestTarget, type HostMessage, type Request } from './messages';
import { STEP_ACTIONS, type StepAction } from './source';
import { MAX_CARDS_PER_REQUEST } from './timeline';
import { fail, isInt, isRecord, ok, type Checked } from './validate/kit';
import { parseSpanFilter } from './waterfall';

/** Validates a message from the webview: the typed request, or what is wrong with it. */
export function parseRequest(msg: unknown): Checked<Request> {
  if (!isRecord(msg)) return fail('message is not an object');
  const { type, requestId } = msg;
  if (!isInt(requestId)) return fail('requestId must be a non-negative integer');
  const keys = Object.keys(msg).sort().join(',');
  const expect = (k: string[]) => (keys === ['requestId', 'type', ...k].sort().join(',') ? undefined : fail(`${String(type)}: unexpected keys ${keys}`));
  switch (type) {
    case 'ready':
    case 'getStructure':
    case 'copySummary':
    case 'getClaims':
    case 'getTimelineIndex':
    case 'getCardFindings':
    case 'getCost':
    case 'getCriticalPath':
    case 'getTraceSource':
    case 'openInBackend':
    case 'refreshFromBackend':
      return expect([]) ?? ok({ type, requestId });
    case 'getCards': {
      const bad = expect(['start', 'count']);
      if (bad) return bad;
      if (!isInt(msg.start)) return fail('getCards: start must be a non-negative integer');
      if (!isInt(msg.count, 1, MAX_CARDS_PER_REQUEST)) return fail(`getCards: count must be 1..${MAX_CARDS_PER_REQUEST}`);
      return ok({ type, requestId, start: msg.start, count: msg.count });
    }
    case 'searchSpans': {
      const bad = expect(['filter']);
      if (bad) return bad;
      const filter = parseSpanFilter(msg.filter);
      return filter.ok ? ok({ type, requestId, filter: filter.value }) : fail(`searchSpans: ${filter.error}`);
    }
    case 'getPlanGraph': {
      const bad = expect(['expanded']);
      if (bad) return bad;
      const ex = msg.expanded;
      if (!Array.isArray(ex) || ex.length > MAX_EXPANDED_GROUPS || !ex.every((g) => typeof g === 'string' && g.length <= 200)) {
        return fail(`getPlanGraph: expanded must be an array of at most ${MAX_EXPANDED_GROUPS} group ids`);
      }
      return ok({ type, requestId, expanded: ex as string[] });
    }
    case 'goToHandler':
    case 'goToPrompt': {
      const bad = expect(['index']);
      if (bad) return bad;
      if (!isInt(msg.index)) return fail(`${type}: index must be a non-negative integer`);
      return ok({ type, requestId, index: msg.index });
    }
    case 'dismissFinding': {
      const bad = expect(['key', 'dismissed']);
      if (bad) return bad;
      if (typeof msg.key !== 'string' || msg.key === '' || msg.key.length > MAX_FINDING_KEY_LENGTH)
        return fail(`dismissFinding: key must be a non-empty string of at most ${MAX_FINDING_KEY_LENGTH} characters`);
      if (typeof msg.dismissed !== 'boolean') return fail('dismissFinding: dismissed must be a boolean');
      return ok({ type, requestId, key: msg.key, dismissed: msg.dismissed });
    }
    case 'getRows': {
      const bad = expect(['start', 'count']);
      if (bad) return bad;
      if (!isInt(msg.start)) return fail('getRows: start must be a non-negative integer');
      if (!isInt(msg.count, 1, MAX_ROWS_PER_REQUEST)) return fail(`getRows: count must be 1..${MAX_ROWS_PER_REQUEST}`);
      return ok({ type, requestId, start: msg.start, count: msg.count });
    }
    case 'getSpanDetail': {
      const bad = expect(['index']);
      if (bad) return bad;
      if (!isInt(msg.index)) return fail('getSpanDetail: index must be a non-negative integer');
      return ok({ type, requestId, index: msg.index });
    }
    case 'getAttributeValue': {
      const bad = expect(['index', 'key', 'scope']);
      if (bad) return bad;
      if (!isInt(msg.index)) return fail('getAttributeValue: index must be a non-negative integer');
      if (typeof msg.key !== 'string' || msg.key.length > 4096) return fail('getAttributeValue: key must be a string');
      if (msg.scope !== 'span' && msg.scope !== 'resource') return fail('getAttributeValue: scope must be "span" or "resource"');
      return ok({ type, requestId, index: msg.index, key: msg.key, scope: msg.scope });
    }
    case 'selectTrace': {
      const bad = expect(['traceIndex']);
      if (bad) return bad;
      if (!isInt(msg.traceIndex)) return fail('selectTrace: traceIndex must be a non-negative integer');
      return ok({ type, requestId, traceIndex: msg.traceIndex });
    }
    case 'openLink': {
      const bad = expect(['url']);
      if (bad) return bad;
      if (typeof msg.url !== 'string' || msg.url === '' || msg.url.length > MAX_LINK_URL_LENGTH)
        return fail(`openLink: url must be a non-empty string of at most ${MAX_LINK_URL_LENGTH} characters`);
      return ok({ type, requestId, url: msg.url });
    }
    case 'findSpan': {
      const bad = expect(['spanId']);
      if (bad) return bad;
      if (typeof msg.spanId !== 'string' || msg.spanId.length > 64) return fail('findSpan: spanId must be a string of at most 64 characters');
      return ok({ type, requestId, spanId: msg.spanId });
    }
    case 'createBugReport': {
      const bad = expect(['target']);
      if (bad) return bad;
      const target = parseBugReportTarget(msg.target);
      return target.ok ? ok({ type, requestId, target: target.value }) : fail(`createBugReport: ${target.error}`);
    }
    default:
      return fail(`unknown message type ${JSON.stringify(String(type)).slice(0, 60)}`);
  }
}

/** `{kind: 'trace'}`, `{kind: 'finding', key}` or `{kind: 'span', index}`, nothing more. */
function parseBugReportTarget(t: unknown): Checked<BugReportRequestTarget> {
  if (!isRecord(t)) return fail('target must be an object');
  const keys = Object.keys(t).sort().join(',');
  switch (t.kind) {
    case 'trace':
      return keys === 'kind' ? ok({ kind: 'trace' }) : fail(`target: unexpected keys ${keys}`);
    case 'finding':
      if (keys !== 'key,kind') return fail(`target: unexpected keys ${keys}`);
      return typeof t.key === 'string' && t.key !== '' && t.key.length <= MAX_FINDING_KEY_LENGTH
        ? ok({ kind: 'finding', key: t.key })
        : fail(`target.key must be a non-empty string of at most ${MAX_FINDING_KEY_LENGTH} characters`);
    case 'span':
      if (keys !== 'index,kind') return fail(`target: unexpected keys ${keys}`);
      return isInt(t.index) ? ok({ kind: 'span', index: t.index }) : fail('target.index must be a non-negative integer');
    default:
      return fail('target.kind must be trace, finding or span');
  }
}

/** Validates a message from the host (the webview trusts nothing it did not check). */
export function parseHostMessage(msg: unknown): Checked<HostMessage> {
  if (!isRecord(msg)) return fail('message is not an object');
  switch (msg.type) {
    case 'response':
      if (!isInt(msg.inReplyTo)) return fail('response: inReplyTo must be an integer');
      if ('error' in msg)
        return typeof msg.error === 'string' ? ok({ type: 'response', inReplyTo: msg.inReplyTo, error: msg.error }) : fail('response: error must be a string');
      if (!('result' in msg)) return fail('response: needs result or error');
      return ok({ type: 'response', inReplyTo: msg.inReplyTo, result: msg.result });
    case 'traceChanged':
      return ok({ type: 'traceChanged' });
    case 'loadError':
      return typeof msg.message === 'string' ? ok({ type: 'loadError', message: msg.message }) : fail('loadError: message must be a string');
    case 'revealSpan':
      return isInt(msg.index) ? ok({ type: 'revealSpan', index: msg.index }) : fail('revealSpan: index must be a non-negative integer');
    case 'step':
      return (STEP_ACTIONS as readonly unknown[]).includes(msg.action) ? ok({ type: 'step', action: msg.action as StepAction }) : fail('step: unknown action');
    default:
      return fail(`unknown message type ${JSON.stringify(String(msg.type)).slice(0, 60)}`);
  }
}
