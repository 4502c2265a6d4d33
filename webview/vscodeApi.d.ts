/**
 * The one global VS Code injects into webviews. Only `host.ts` calls it (it may be called once
 * per page load). `getState` returns whatever an earlier `setState` stored, or undefined: it is
 * treated as untrusted input and parsed by `state/persistedState.ts`.
 */
interface VsCodeWebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeWebviewApi;
