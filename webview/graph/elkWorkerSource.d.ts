/** elkjs's worker script, imported as text (see elkWorker.ts). */
declare module 'elkjs/lib/elk-worker.min.js' {
  const source: string;
  export default source;
}
