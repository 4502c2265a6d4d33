/** Claimed-vs-executed action diff: public surface of src/core/analyze/claims. */
export { analyzeClaims } from './analyzeClaims';
export { extractClaims } from './extractClaims';
export { matchClaim } from './matchClaim';
export { profileTool } from './toolProfile';
export { errorPayload, failureOf } from './toolOutcome';
export { FINDING_SEVERITY, SEVERITY_RANK } from './types';
export type { Claim, ClaimArguments, ClaimPolarity, Finding, FindingKind, FindingSeverity } from './types';
