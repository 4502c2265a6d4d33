/** elkjs's worker script, imported as text (see elkLayoutScript.ts). */
declare module 'elkjs/lib/elk-worker.min.js' {
  const source: string;
  export default source;
}
