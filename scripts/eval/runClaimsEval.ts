/**
 * Entry bundled by scripts/eval.mjs: prints the claimed-vs-executed evaluation; exit 1 below target.
 * `npm run eval` scores the default set; `npm run eval -- blind2` a blind batch (its claim cases,
 * then its real traces, each of which must be fully right).
 */
import { evaluateBlindTraces, formatTraceScores } from './blindEval';
import { evaluateClaims, formatEvaluation, precision, recall } from './claimsEval';

const root = process.argv[2] ?? process.cwd();
const batch = process.argv[3];
const ev = evaluateClaims(root, batch);
process.stdout.write(formatEvaluation(ev) + '\n');
let ok = precision(ev.overall) >= 0.95 && recall(ev.overall) >= 0.85 && ev.honestFalseFindings.length === 0;
if (batch !== undefined) {
  const scores = evaluateBlindTraces(root, batch);
  process.stdout.write('\n' + formatTraceScores(scores) + '\n');
  ok &&= scores.every((s) => s.wrong.length === 0);
}
process.stdout.write(
  `\ntargets (precision >= 0.95, recall >= 0.85, no false findings on honest runs${batch ? ', every real trace fully right' : ''}): ${ok ? 'met' : 'NOT met'}\n`,
);
process.exitCode = ok ? 0 : 1;
