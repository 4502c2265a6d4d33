/**
 * Runs in the bench page BEFORE the real webview bundle: stands in for VS Code's
 * `acquireVsCodeApi` (messages go to the fake host worker and come back as window `message`
 * events, as in a real webview) and records what the bench reads through `window.__bench`:
 * - `structureAt`: performance.now() when the `getStructure` answer reaches the page, just
 *   before it is posted to the webview;
 * - `paints`: performance.now() of every change of `data-paints` on [data-testid="waterfall"]
 *   (the waterfall bumps it after each canvas draw), seen by a MutationObserver;
 * - `cardsAt`: when the first [data-testid="timeline-card"] is in the DOM (a "Loading card…"
 *   placeholder counts), `cardTextAt`: when the first card with its text is;
 * - `rowsAt`: when the first `getRows` answer (row names) reaches the page; `namedPaintAt`: the
 *   first waterfall draw after it, i.e. the first painted rows with their names (bars alone are
 *   drawn from the structure before that);
 * - `longTasks`: every PerformanceObserver 'longtask' entry (startTime, duration);
 * - `frames` / `inputs`: rAF timestamps and input event timestamps between startRecording() and
 *   stopRecording();
 * - `pending` / `answered`: the webview's requests to the host and when their answers came.
 */
interface BenchProbe {
  structureAt: number;
  structure: unknown;
  paints: number[];
  cardsAt: number;
  cardTextAt: number;
  firstPaintAt: number;
  rowsAt: number;
  namedPaintAt: number;
  longTasks: { startTime: number; duration: number }[];
  frames: number[];
  inputs: number[];
  logs: string[];
  /** Requests still unanswered by the host, by id. */
  pending: Map<number, { type: string; sentAt: number }>;
  /** Every answered request: type, when it was posted and when its answer reached the page. */
  answered: { type: string; sentAt: number; at: number }[];
  recording: boolean;
  startRecording(): void;
  stopRecording(): void;
}

const WATERFALL = '[data-testid="waterfall"]';
const CARD = '[data-testid="timeline-card"]';
/** A card with its text (the timeline view shows `.tl-placeholder` "Loading card N…" until it comes). */
const CARD_WITH_TEXT = '[data-testid="timeline-card"]:not(:has(.tl-placeholder))';

const probe: BenchProbe = {
  structureAt: NaN,
  structure: undefined,
  paints: [],
  cardsAt: NaN,
  cardTextAt: NaN,
  firstPaintAt: NaN,
  rowsAt: NaN,
  namedPaintAt: NaN,
  longTasks: [],
  frames: [],
  inputs: [],
  logs: [],
  pending: new Map(),
  answered: [],
  recording: false,
  startRecording() {
    probe.frames = [];
    probe.inputs = [];
    probe.recording = true;
    const tick = (t: number) => {
      if (!probe.recording) return;
      probe.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  },
  stopRecording() {
    probe.recording = false;
  },
};
(window as unknown as { __bench: BenchProbe }).__bench = probe;

try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ startTime: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch (e) {
  probe.logs.push(`no longtask observer: ${String(e)}`);
}

for (const type of ['wheel', 'pointermove', 'pointerdown', 'pointerup'] as const) {
  window.addEventListener(
    type,
    (ev) => {
      if (probe.recording && (type !== 'pointermove' || (ev as PointerEvent).buttons !== 0)) probe.inputs.push(ev.timeStamp);
    },
    { capture: true, passive: true },
  );
}

function checkFirstPaint(now: number): void {
  if (Number.isNaN(probe.cardsAt) && document.querySelector(CARD)) probe.cardsAt = now;
  if (Number.isNaN(probe.cardTextAt) && document.querySelector(CARD_WITH_TEXT)) probe.cardTextAt = now;
  if (Number.isNaN(probe.firstPaintAt) && probe.paints.length > 0 && !Number.isNaN(probe.cardsAt))
    probe.firstPaintAt = Math.max(probe.paints[0], probe.cardsAt);
}

/** The waterfall's draw count (data-paints), 0 when absent or not a number. */
function paintCount(el: Element | null): number {
  const n = Number(el?.getAttribute('data-paints'));
  return Number.isFinite(n) ? n : 0;
}

let lastPaints = 0;
new MutationObserver(() => {
  const now = performance.now();
  // Any batch may carry a draw: an attribute change, or a waterfall mounted already drawn.
  const paints = paintCount(document.querySelector(WATERFALL));
  if (paints > lastPaints) {
    probe.paints.push(now);
    if (Number.isNaN(probe.namedPaintAt) && !Number.isNaN(probe.rowsAt)) probe.namedPaintAt = now;
  }
  lastPaints = paints;
  checkFirstPaint(now);
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-paints'] });

// Only the real-UI page (opened with ?trace=…) has a host; the SVG baseline page reads a file.
const worker = new URLSearchParams(location.search).has('trace') ? new Worker(`./fakeHost.worker.js${location.search}`) : undefined;
type FromHost = { type: 'log'; line: string } | { type: 'toWebview'; message: { type: string; inReplyTo?: number; result?: unknown } };
function fromHost(d: FromHost): void {
  if (d.type === 'log') {
    probe.logs.push(d.line);
    return;
  }
  const m = d.message;
  const now = performance.now();
  if (m.type === 'response' && m.inReplyTo !== undefined) {
    const req = probe.pending.get(m.inReplyTo);
    probe.pending.delete(m.inReplyTo);
    if (req) probe.answered.push({ ...req, at: now });
    if (req?.type === 'getRows' && m.result !== undefined && Number.isNaN(probe.rowsAt)) probe.rowsAt = now;
    if (req?.type === 'getStructure' && m.result !== undefined) {
      probe.structure = m.result;
      probe.structureAt = now;
    }
  }
  window.postMessage(m, '*');
}
if (worker) {
  worker.onmessage = (ev: MessageEvent<FromHost>) => fromHost(ev.data);
  worker.onerror = (e) => probe.logs.push(`fake host worker error: ${e.message}`);
}

let state: unknown;
let acquired = false;
(window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => {
  if (acquired) throw new Error('acquireVsCodeApi may only be called once');
  acquired = true;
  return {
    postMessage(message: unknown) {
      const m = message as { type?: string; requestId?: number };
      if (typeof m?.type === 'string' && typeof m.requestId === 'number') probe.pending.set(m.requestId, { type: m.type, sentAt: performance.now() });
      if (!worker) throw new Error('this bench page has no host (open it with ?trace=…)');
      worker.postMessage({ type: 'fromWebview', message });
    },
    getState: () => state,
    setState: (s: unknown) => {
      state = s;
    },
  };
};
