/**
 * `LoadedTrace` moved to core (src/core/view/loadedTrace.ts) so the offline viewer
 * (webview/offline/) answers the webview from the same class; the host's modules keep
 * importing it from here.
 */
export * from '../core/view/loadedTrace';
