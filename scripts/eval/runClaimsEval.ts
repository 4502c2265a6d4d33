/** Entry bundled by scripts/eval.mjs: prints the claimed-vs-executed evaluation; exit 1 below target. */
import { evaluateClaims, formatEvaluation, precision, recall } from './claimsEval';

const root = process.argv[2] ?? process.cwd();
const ev = evaluateClaims(root);
process.stdout.write(formatEvaluation(ev) + '\n');
const ok = precision(ev.overall) >= 0.95 && recall(ev.overall) >= 0.85 && ev.honestFalseFindings.length === 0;
process.stdout.write(`\ntargets (precision >= 0.95, recall >= 0.85, no false findings on honest runs): ${ok ? 'met' : 'NOT met'}\n`);
process.exitCode = ok ? 0 : 1;
