import { BackendError, type CancelSignal } from './types';

/** A signal and the function that fires it. */
export interface CancelSource {
  readonly signal: CancelSignal;
  cancel(): void;
}

/** Makes a fresh CancelSignal. Listeners run once, in order, and a throwing listener does not stop the others. */
export function cancelSource(): CancelSource {
  let cancelled = false;
  let listeners: (() => void)[] = [];
  const signal: CancelSignal = {
    get cancelled() {
      return cancelled;
    },
    onCancel(listener) {
      if (cancelled) {
        listener();
        return () => {};
      }
      listeners.push(listener);
      return () => {
        listeners = listeners.filter((l) => l !== listener);
      };
    },
  };
  return {
    signal,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      const run = listeners;
      listeners = [];
      for (const l of run) {
        try {
          l();
        } catch {
          // a listener's failure is its own; the others still run
        }
      }
    },
  };
}

/** A signal that never fires, for calls nobody cancels. */
export const NEVER_CANCELLED: CancelSignal = { cancelled: false, onCancel: () => () => {} };

/** Throws the `cancelled` BackendError if `signal` has fired: called between requests and pages. */
export function throwIfCancelled(signal: CancelSignal): void {
  if (signal.cancelled) throw new BackendError('cancelled', 'cancelled');
}
