"use strict";

// scripts/eval/claimsEval.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");

// src/core/analyze/claims/claimArguments.ts
var EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
var CURRENCY_BEFORE = /(?:[$€£¥]|\b(?:USD|EUR|GBP|CHF|JPY)\s?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g;
var CURRENCY_AFTER = /\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s?(?:[$€£]|(?:USD|EUR|GBP|CHF|JPY|dollars|euros|pounds)\b)/g;
var HASH_ID = /#([A-Za-z0-9][A-Za-z0-9-]{1,})/g;
var MIXED_ID = /\b(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b/g;
var ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
var MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
var TEXT_DATE = new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?)\\b`, "g");
var PLACE = /\b(?:in|to|from|at)\s+((?:[A-Z][a-zà-ÿ]+)(?:\s+[A-Z][a-zà-ÿ]+)?)/g;
var NUMBER = /(?<![\w.#-])\d+(?:\.\d+)?(?![\w-])/g;
function extractArguments(clause) {
  const emails = unique([...clause.matchAll(EMAIL)].map((m) => m[0].toLowerCase()));
  const withoutEmails = clause.replace(EMAIL, " ");
  const amounts = unique([...withoutEmails.matchAll(CURRENCY_BEFORE), ...withoutEmails.matchAll(CURRENCY_AFTER)].map((m) => money(m[1], m[2])));
  const dates = unique([...withoutEmails.matchAll(ISO_DATE), ...withoutEmails.matchAll(TEXT_DATE)].map((m) => m[0]));
  const withoutDates = withoutEmails.replace(ISO_DATE, " ");
  const ids = unique([...[...withoutDates.matchAll(HASH_ID)].map((m) => m[1]), ...[...withoutDates.matchAll(MIXED_ID)].map((m) => m[0])].map((s) => s.toLowerCase()).filter((s) => s.length >= 4 && !/^\d+(st|nd|rd|th|am|pm|h|km|kg|gb|mb)$/.test(s)));
  const numbers = unique([...withoutDates.replace(CURRENCY_BEFORE, " ").replace(CURRENCY_AFTER, " ").matchAll(NUMBER)].map((m) => Number(m[0])));
  const places = unique([...withoutEmails.matchAll(PLACE)].map((m) => m[1]).filter((p) => !new RegExp(`^(?:${MONTHS})\\b`).test(p)));
  return { emails, amounts, numbers, ids, dates, places };
}
function money(whole, cents) {
  return Number(whole.replace(/,/g, "")) + (cents ? Number(cents.padEnd(2, "0")) / 100 : 0);
}
function unique(xs) {
  return [...new Set(xs)];
}
function argumentLeaves(args, key = "", out = [], depth = 0) {
  if (depth > 8) return out;
  if (typeof args === "string") {
    const t = args.trim();
    if (t.startsWith("{") && t.endsWith("}") || t.startsWith("[") && t.endsWith("]")) {
      try {
        return argumentLeaves(JSON.parse(t), key, out, depth + 1);
      } catch {
      }
    }
    out.push({ key, value: args });
  } else if (typeof args === "number" && Number.isFinite(args)) out.push({ key, value: args });
  else if (Array.isArray(args)) for (const v of args) argumentLeaves(v, key, out, depth + 1);
  else if (args !== null && typeof args === "object") {
    for (const k of Object.keys(args)) argumentLeaves(args[k], k.toLowerCase(), out, depth + 1);
  }
  return out;
}
var AMOUNT_KEY = /amount|price|total|sum|cost|charge|refund|value|fee|usd|eur/;
var ID_KEY = /(^|_|\b)id$|_id|ids?$|number|ref|order|invoice|ticket|booking|confirmation|code/;
function executedValues(args) {
  const emails = /* @__PURE__ */ new Set();
  const amounts = /* @__PURE__ */ new Set();
  const ids = /* @__PURE__ */ new Set();
  const texts = [];
  for (const { key, value } of argumentLeaves(args)) {
    if (typeof value === "number") {
      if (AMOUNT_KEY.test(key)) {
        amounts.add(value);
        if (/cent/.test(key)) amounts.add(value / 100);
      }
      if (ID_KEY.test(key)) ids.add(String(value));
      continue;
    }
    texts.push(value.toLowerCase());
    for (const m of value.matchAll(EMAIL)) emails.add(m[0].toLowerCase());
    if (AMOUNT_KEY.test(key) && /^\s*[$€£]?\s*\d+(\.\d+)?\s*$/.test(value)) amounts.add(Number(value.replace(/[^\d.]/g, "")));
    if (ID_KEY.test(key) && value.length < 80) ids.add(value.toLowerCase().replace(/^#/, ""));
  }
  return { emails, amounts, ids, text: texts.join("\n") };
}

// src/core/analyze/claims/sentences.ts
function splitSentences(text) {
  const prose = text.replace(/```[\s\S]*?(```|$)/g, "\n");
  const out = [];
  for (const rawLine of prose.split(/\n+/)) {
    const line = rawLine.trim();
    if (line === "") continue;
    let start = 0;
    const re = /([.!?]+)["'”’)]?\s+(?=["'“‘(]?[A-Z0-9])/g;
    let m;
    while ((m = re.exec(line)) !== null) {
      const end = m.index + m[0].length;
      const piece = line.slice(start, end);
      if (/\b(e\.g|i\.e|etc|vs|mr|mrs|ms|dr|no|approx)\.\s*$/i.test(piece)) continue;
      push(out, piece);
      start = end;
    }
    push(out, line.slice(start));
  }
  return out;
}
function push(out, s) {
  const t = s.trim();
  if (t !== "") out.push(t);
}
function isListItem(sentence) {
  return /^(?:[-*•✅✔]|\d+[.)])\s+/.test(sentence);
}
function stripBullet(sentence) {
  return sentence.replace(/^(?:[-*•✅✔]|\d+[.)])\s+/, "").replace(/\*\*|__/g, "");
}

// src/core/analyze/claims/verbs.ts
var TABLE = {
  send: {
    base: ["send", "email", "mail", "notify", "forward", "dispatch", "sms", "reply", "publish"],
    done: ["sent", "emailed", "mailed", "notified", "messaged", "forwarded", "dispatched", "texted", "replied", "published"],
    other: ["sending", "emailing", "notification", "notifying", "forwarding", "message", "messages"]
  },
  invite: { base: ["invite"], done: ["invited"], other: ["invitation", "inviting"] },
  book: {
    base: ["book", "reserve", "booking", "reservation"],
    done: ["booked", "reserved"],
    other: ["bookings", "reservations", "reserving"]
  },
  refund: { base: ["refund", "reimburse"], done: ["refunded", "reimbursed"], other: ["refunding", "reimbursement"] },
  create: {
    base: ["create", "add", "register", "insert"],
    done: ["created", "added", "registered", "inserted"],
    other: ["creating", "adding", "creation"]
  },
  update: {
    base: ["update", "modify", "change", "edit", "rename", "patch", "upsert"],
    done: ["updated", "modified", "changed", "edited", "renamed", "patched"],
    other: ["updating", "modification"]
  },
  delete: {
    base: ["delete", "remove", "cancel", "drop", "erase", "purge"],
    done: ["deleted", "removed", "cancelled", "canceled", "dropped", "erased", "purged"],
    other: ["deleting", "removal", "cancellation", "cancelling", "canceling"]
  },
  submit: { base: ["submit"], done: ["submitted", "filed"], other: ["submission", "submitting"] },
  pay: {
    base: ["pay", "charge", "transfer", "purchase", "buy", "order", "payment", "checkout"],
    done: ["paid", "charged", "transferred", "purchased", "bought", "ordered"],
    other: ["paying", "charging", "transferring"]
  },
  schedule: { base: ["schedule"], done: ["scheduled", "rescheduled"], other: ["scheduling"] },
  deploy: { base: ["deploy", "release"], done: ["deployed", "released"], other: ["deployment", "deploying"] },
  merge: { base: ["merge"], done: ["merged"], other: ["merging"] },
  commit: { base: ["commit"], done: ["committed"], other: ["committing"] },
  push: { base: ["push"], done: ["pushed"], other: ["pushing"] },
  write: { base: ["write", "save"], done: ["wrote", "written", "saved"], other: ["writing", "saving"] },
  test: { base: ["test", "tests", "pytest", "jest", "vitest"], done: [], other: ["testing"] }
};
var READ_ONLY = /* @__PURE__ */ new Set([
  "get",
  "search",
  "list",
  "lookup",
  "look",
  "find",
  "fetch",
  "read",
  "query",
  "check",
  "view",
  "show",
  "describe",
  "retrieve",
  "browse",
  "calculate",
  "convert",
  "compute",
  "count",
  "inspect",
  "summarize",
  "summarise",
  "analyze",
  "analyse",
  "validate",
  "preview",
  "estimate",
  "quote",
  "status",
  "weather",
  "time",
  "info",
  "suggestion"
]);
var DONE_FORM = /* @__PURE__ */ new Map();
var BASE_FORM = /* @__PURE__ */ new Map();
var MENTION_FORM = /* @__PURE__ */ new Map();
for (const id of Object.keys(TABLE)) {
  const e = TABLE[id];
  for (const w of e.done) DONE_FORM.set(w, id);
  for (const w of e.base) BASE_FORM.set(w, id);
  for (const w of [...e.base, ...e.done, ...e.other ?? []]) MENTION_FORM.set(w, id);
}
function actionOfDoneForm(word) {
  return DONE_FORM.get(word.toLowerCase());
}
function actionOfBaseWord(word) {
  const w = word.toLowerCase();
  return BASE_FORM.get(w) ?? BASE_FORM.get(singular(w));
}
function actionOfAnyForm(word) {
  const w = word.toLowerCase();
  return MENTION_FORM.get(w) ?? MENTION_FORM.get(singular(w));
}
function isReadOnlyWord(word) {
  return READ_ONLY.has(word.toLowerCase());
}
function singular(w) {
  return w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") ? w.slice(0, -1) : w;
}
function splitIdentifier(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").split(/[^A-Za-z0-9]+/).filter((w) => w !== "").map((w) => w.toLowerCase());
}

// src/core/analyze/claims/extractClaims.ts
function extractClaims(text, spanIndex) {
  const out = [];
  for (const sentence of splitSentences(text)) out.push(...claimsInSentence(sentence, spanIndex));
  return out;
}
var WORD = /[A-Za-z][A-Za-z']*/g;
var CLAUSE_BREAK = /[,;:—–()]|\b(?:but|however|although|though|whereas|while|so|because)\b/g;
var FIRST_PERSON = /\b(?:i|we)(?:'ve|'d)?(?:\s+(?:have|has|had|haven't|hadn't|not|never|yet|just|already|also|successfully|now|then|finally|went ahead and|both|all))*\s*$/;
var PASSIVE = /(?:\b(?:is|are|was|were|be|been|got|get|gets|isn't|aren't|wasn't|weren't)|'s|'re)(?:\s+(?:not|never|yet|now|already|successfully|also|just|all|fully|both))*\s*$/;
var JOINED = /(?:\band|\bthen|,)\s*(?:also\s+|then\s+|have\s+)?$/;
var LEADING_OBJECT = /^\s+(?:the|a|an|your|my|our|their|his|her|its|it|them|you|him|this|that|these|those|all|both|\d)/;
var PERSON_PAST_PASSIVE = /\b(?:you|he|she|they)\s+(?:were|was)\s+(?:\w+\s+)?$/;
var HEADLINE_TAIL = /^\s+(?:to|for|on|at|via|with|successfully)\b|^\s*[.!]?\s*$/;
var QUESTION = /\?\s*["'”’)]*$/;
var CONDITIONAL = /\b(?:if|unless|once|whenever|in case|would you|do you want|shall i|should i|want me to|wants me to|before|after you|until)\b/;
var HEARSAY = /\b(?:you said|you mentioned|you asked|according to|it says|claims?|seems?|appears?|apparently|supposedly|make sure|ensure|verify|confirm whether|check whether|check if)\b/;
var NEGATION = /\b(?:not|never|no|nothing|neither|nor|unable|failed to|fail to|without)\b|n't\b/;
var FUTURE = /\b(?:will|shall|going to|gonna|about to|plan to|plans to|planning to|let me|let's|next|now i'll)\b|'ll\b/;
var MODAL = /\b(?:would|should|could|can|may|might|must|need to|needs to|want to|try to|trying to|able to|ready to|to be)\b/;
var TESTS_PASS = /\b(?:(?:all|the)\s+)*(?:\d+\s+)?(?:(?:unit|integration|e2e)\s+)?(?:tests?|test suite|specs?)\s+(?:now\s+|all\s+)*(?:pass(?:es|ed)?|are passing|is passing|succeeded|are green|is green|ran successfully)\b/;
function claimsInSentence(sentence, spanIndex) {
  const body = stripBullet(sentence).replace(/[’‘]/g, "'");
  const lower = body.toLowerCase();
  const question = QUESTION.test(sentence);
  const tokens = [...body.matchAll(WORD)].map((m) => ({ text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const actions = tokens.filter((t) => actionOfDoneForm(t.text) !== void 0);
  const out = [];
  let previous;
  actions.forEach((tok, k) => {
    const clauseStart = lastBreakBefore(lower, tok.start);
    const clausePrefix = lower.slice(clauseStart, tok.start);
    const sentencePrefix = lower.slice(0, tok.start);
    const passive = PASSIVE.test(clausePrefix);
    const firstPerson = FIRST_PERSON.test(clausePrefix);
    const short = tokens.length <= 8;
    const leading = tok.start === 0 && (isListItem(sentence) || LEADING_OBJECT.test(lower.slice(tok.end)) && tokens.length > 2 || short && HEADLINE_TAIL.test(lower.slice(tok.end)));
    const elliptical = !leading && short && k === 0 && tokens.indexOf(tok) <= 3 && tokens.indexOf(tok) > 0 && HEADLINE_TAIL.test(lower.slice(tok.end)) && !/[,;:]/.test(lower.slice(0, tok.start));
    const joined = previous !== void 0 && JOINED.test(lower.slice(previous.token.end, tok.start)) && !/[;.]/.test(lower.slice(previous.token.end, tok.start));
    if (!passive && !firstPerson && !leading && !joined && !elliptical) return;
    if ((passive || elliptical) && !firstPerson && /^\s+by\s+(?!me\b|us\b|the assistant\b)/.test(lower.slice(tok.end))) return;
    if (passive && !firstPerson && PERSON_PAST_PASSIVE.test(clausePrefix)) return;
    const asPassive = (passive || elliptical) && !firstPerson;
    let polarity;
    if (joined && !passive && !firstPerson && previous) polarity = previous.polarity;
    else polarity = polarityOf(question, sentencePrefix, clausePrefix);
    if (question) polarity = "hypothetical";
    previous = { token: tok, polarity };
    const clauseEnd = nextBreakAfter(lower, tok.end, actions[k + 1]?.start);
    const argFrom = asPassive ? clauseStart : tok.start;
    out.push({
      sentence: sentence.trim(),
      verbText: body.slice(tok.start, tok.end),
      verb: actionOfDoneForm(tok.text),
      voice: asPassive ? "passive" : "active",
      object: asPassive ? subjectBefore(body, clauseStart, tok.start) : objectAfter(body, tok.end, clauseEnd),
      arguments: extractArguments(body.slice(argFrom, clauseEnd)),
      polarity,
      spanIndex
    });
  });
  const tests = TESTS_PASS.exec(lower);
  if (tests) {
    const prefix = lower.slice(0, tests.index);
    let polarity = question ? "hypothetical" : polarityOf(question, prefix, prefix.slice(lastBreakBefore(lower, tests.index)));
    if (/\bfail/.test(lower)) polarity = "negated";
    out.push({ sentence: sentence.trim(), verbText: tests[0], verb: "test", voice: "active", object: "tests", arguments: extractArguments(body), polarity, spanIndex });
  }
  return out;
}
function polarityOf(question, sentencePrefix, clausePrefix) {
  if (question || CONDITIONAL.test(sentencePrefix) || HEARSAY.test(sentencePrefix)) return "hypothetical";
  if (NEGATION.test(clausePrefix)) return "negated";
  if (FUTURE.test(clausePrefix)) return "future";
  if (MODAL.test(clausePrefix)) return "hypothetical";
  return "done";
}
function lastBreakBefore(lower, at) {
  let start = 0;
  for (const m of lower.slice(0, at).matchAll(CLAUSE_BREAK)) start = m.index + m[0].length;
  return start;
}
function nextBreakAfter(lower, from, nextAction) {
  const limit = nextAction ?? lower.length;
  const rest = lower.slice(from, limit);
  const m = /[;]|\bbut\b|\bhowever\b|[.!?](?:\s|$)/.exec(rest);
  return m ? from + m.index : limit;
}
var STOP_AT = /^(?:and|but|so|because|which|who|as|then)$/i;
function objectAfter(body, from, to) {
  const words = [];
  for (const m of body.slice(from, to).matchAll(/\S+/g)) {
    if (STOP_AT.test(m[0]) || words.length >= 12) break;
    words.push(m[0]);
  }
  return words.join(" ").replace(/[,:;]+$/, "");
}
function subjectBefore(body, clauseStart, at) {
  const words = body.slice(clauseStart, at).trim().split(/\s+/);
  while (words.length > 0 && /^(?:is|are|was|were|be|been|has|have|had|got|get|gets|now|already|successfully|also|just|all|fully|both|it's|that's)$/i.test(words[words.length - 1])) words.pop();
  return words.slice(-8).join(" ").replace(/^(?:and|then)\s+/i, "");
}

// src/core/analyze/claims/toolOutcome.ts
var FAILED_STATUS = /^(?:failed|failure|fail|error|errored|declined|rejected|denied|timeout|timed[_ ]out)$/i;
var ERROR_TEXT = /^\s*(?:error|exception|traceback|failed|failure|fatal)\b\s*[:(-]/i;
function errorPayload(result) {
  if (typeof result === "string") {
    const t = result.trim();
    if (t.startsWith("{") && t.endsWith("}")) {
      try {
        return errorPayload(JSON.parse(t));
      } catch {
      }
    }
    return ERROR_TEXT.test(t) ? clip(t) : void 0;
  }
  if (result === null || typeof result !== "object" || Array.isArray(result)) return void 0;
  const r = result;
  const err2 = own(r, "error");
  if (err2 !== void 0 && err2 !== null && err2 !== false && err2 !== "" && !(typeof err2 === "object" && Object.keys(err2).length === 0)) {
    return clip(typeof err2 === "string" ? err2 : JSON.stringify(err2));
  }
  const errors = own(r, "errors");
  if (Array.isArray(errors) && errors.length > 0) return clip(JSON.stringify(errors[0]));
  for (const key of ["status", "state", "result", "response_status", "outcome"]) {
    const v = own(r, key);
    if (typeof v === "string" && FAILED_STATUS.test(v.trim())) return clip(`${key}: ${v}${messageOf(r)}`);
  }
  if (own(r, "success") === false || own(r, "ok") === false) return clip(`success: false${messageOf(r)}`);
  if (own(r, "isError") === true || own(r, "is_error") === true) return clip(`isError${messageOf(r)}`);
  for (const key of ["exitCode", "exit_code", "returncode", "return_code"]) {
    const v = own(r, key);
    if (typeof v === "number" && v !== 0) return clip(`${key} ${v}${messageOf(r)}`);
  }
  return void 0;
}
function failureOf(exec) {
  if (exec.status === "error") return exec.error ?? "error status";
  return errorPayload(exec.result);
}
function testRunFailed(result) {
  const text = typeof result === "string" ? result : JSON.stringify(result ?? "");
  return /\b[1-9]\d* (?:failed|failing|failures?|errors?)\b|\bFAILED\b|\bexit (?:code|status) [1-9]/.test(text);
}
function own(r, key) {
  return Object.prototype.hasOwnProperty.call(r, key) ? r[key] : void 0;
}
function messageOf(r) {
  const m = own(r, "message") ?? own(r, "detail") ?? own(r, "reason");
  return typeof m === "string" ? ` (${m})` : "";
}
function clip(s) {
  return s.length > 160 ? s.slice(0, 157) + "\u2026" : s;
}

// src/core/analyze/claims/matchClaim.ts
var RELATED = {
  schedule: ["create", "book", "send", "invite"],
  book: ["create", "schedule", "pay"],
  create: ["schedule", "book", "write", "submit", "send", "invite"],
  submit: ["create", "send", "pay", "refund"],
  send: ["invite", "submit", "create", "schedule", "publish"],
  invite: ["send", "schedule", "create"],
  update: ["write", "create", "submit"],
  write: ["create", "update", "commit"],
  pay: ["book", "submit", "refund"],
  refund: ["pay", "submit"],
  delete: ["update"],
  deploy: ["merge", "push", "release"],
  merge: ["deploy", "push", "commit"],
  commit: ["push", "merge", "write"],
  push: ["commit", "merge", "deploy"]
};
var CLAIM_STOP = /* @__PURE__ */ new Set(["the", "and", "for", "your", "you", "have", "has", "been", "was", "were", "are", "with", "from", "that", "this", "all", "now", "also", "just", "successfully", "already"]);
function matchClaim(claim, executed, knownTools2) {
  if (claim.verb === "test") return matchTestClaim(executed);
  const candidates = executed.filter((t) => t.profile.actions.has(claim.verb));
  const objectWords = claimWords(claim.object);
  const said = claimPhrase(claim);
  const words = [...candidates, ...knownTools2.map((profile) => ({ profile }))].some((t) => overlap(t.profile, objectWords) > 0) ? objectWords : claimWords(claim.sentence);
  if (candidates.length === 0) {
    const related = RELATED[claim.verb] ?? [];
    if (executed.some((t) => [...t.profile.actions].some((a) => related.includes(a)))) return void 0;
    if (executed.some((t) => t.profile.actions.size === 0 && !t.profile.readOnly && overlap(t.profile, words) > 0)) return void 0;
    if (executed.length === 0 && knownTools2.length === 0) return void 0;
    return { kind: "claimed-not-executed", message: `the model says ${said}, but no ${claim.verb} tool ran in this run`, toolSpans: [] };
  }
  const best = Math.max(...candidates.map((t) => overlap(t.profile, words)));
  if (best === 0) {
    const unrun = knownTools2.filter((p) => p.actions.has(claim.verb) && !executed.some((t) => t.profile.name === p.name) && overlap(p, words) > 0);
    if (unrun.length > 0 && candidates.every((t) => t.profile.objectWords.size > 0)) {
      return { kind: "claimed-not-executed", message: `the model says ${said}, but ${unrun[0].name} never ran`, toolSpans: [] };
    }
  }
  const narrowed = candidates.filter((t) => overlap(t.profile, words) === best);
  const succeeded = narrowed.filter((t) => t.failure === void 0);
  if (succeeded.length === 0) {
    const f = narrowed[narrowed.length - 1];
    return {
      kind: "claimed-success-but-failed",
      message: `the model says ${said}, but ${f.exec.name} failed: ${f.failure}`,
      toolSpans: narrowed.map((t) => t.exec.spanIndex)
    };
  }
  return compareArguments(claim, succeeded);
}
function claimPhrase(claim) {
  if (claim.voice === "passive") return `${claim.object ? claim.object.charAt(0).toLowerCase() + claim.object.slice(1) : "it"} was ${claim.verbText}`;
  return `it ${claim.verbText}${claim.object ? ` ${claim.object}` : ""}`;
}
function matchTestClaim(executed) {
  const runs = executed.filter((t) => t.profile.actions.has("test"));
  if (runs.length === 0) return void 0;
  if (runs.some((t) => t.failure === void 0 && !testRunFailed(t.exec.result))) return void 0;
  const last = runs[runs.length - 1];
  return { kind: "claimed-success-but-failed", message: `the model says the tests pass, but ${last.exec.name} reported failures${last.failure ? `: ${last.failure}` : ""}`, toolSpans: runs.map((t) => t.exec.spanIndex) };
}
function compareArguments(claim, succeeded) {
  const args = succeeded.map((t) => executedValues(t.exec.arguments));
  const seen = succeeded.map((t) => JSON.stringify([t.exec.arguments ?? null, t.exec.result ?? null]).toLowerCase()).join("\n");
  const spans = succeeded.map((t) => t.exec.spanIndex);
  const tool = succeeded[0].exec.name;
  const emails = args.flatMap((a) => [...a.emails]);
  const missingEmail = claim.arguments.emails.find((e) => !seen.includes(e));
  if (missingEmail && emails.length > 0) return { kind: "argument-mismatch", message: `the model says ${missingEmail}, but ${tool} was called with ${unique2(emails).join(", ")}`, toolSpans: spans };
  const amounts = args.flatMap((a) => [...a.amounts]);
  const missingAmount = claim.arguments.amounts.find((x2) => !amounts.some((y) => Math.abs(x2 - y) < 5e-3) && !numberIn(seen, x2));
  if (missingAmount !== void 0 && amounts.length > 0) return { kind: "argument-mismatch", message: `the model says ${missingAmount}, but ${tool} was called with ${unique2(amounts).join(", ")}`, toolSpans: spans };
  const ids = args.flatMap((a) => [...a.ids]);
  const missingId = claim.arguments.ids.find((id) => !seen.includes(id));
  if (missingId && ids.length > 0) return { kind: "argument-mismatch", message: `the model says ${missingId}, but ${tool} was called with ${unique2(ids).join(", ")}`, toolSpans: spans };
  const places = succeeded.flatMap((t) => placeArguments(t.exec.arguments));
  const sentence = claim.sentence.toLowerCase();
  const missingPlace = claim.arguments.places.find((p) => !seen.includes(p.toLowerCase()));
  if (missingPlace && places.length > 0 && !places.some((p) => sentence.includes(p.toLowerCase()))) {
    return { kind: "argument-mismatch", message: `the model says ${missingPlace}, but ${tool} was called with ${unique2(places).join(", ")}`, toolSpans: spans };
  }
  return void 0;
}
function placeArguments(args) {
  if (args === null || typeof args !== "object" || Array.isArray(args)) return [];
  const r = args;
  return Object.keys(r).filter((k) => /^(?:city|destination|location|place|town)$/i.test(k) && typeof r[k] === "string" && r[k].trim() !== "").map((k) => r[k].trim());
}
function numberIn(text, x2) {
  const forms = [String(x2), x2.toFixed(2), String(Math.round(x2 * 100))];
  return forms.some((f) => new RegExp(`(?<![\\d.])${f.replace(".", "\\.")}(?![\\d])`).test(text));
}
function claimWords(sentence) {
  const out = /* @__PURE__ */ new Set();
  for (const w of sentence.toLowerCase().match(/[a-z]+/g) ?? []) if (w.length > 2 && !CLAIM_STOP.has(w)) out.add(singular(w));
  return out;
}
function overlap(p, words) {
  let n = 0;
  for (const w of p.objectWords) if (words.has(w)) n++;
  return n;
}
function unique2(xs) {
  return [...new Set(xs)];
}

// src/core/analyze/claims/runScope.ts
function runScopes(view) {
  if (view.runs.length === 0) {
    if (view.llmCalls.length === 0) return [];
    return [{ llmCalls: view.llmCalls, executions: view.toolExecutions, unexecuted: [], finalAnswer: view.finalAnswer }];
  }
  return view.runs.map((run) => {
    const calls = /* @__PURE__ */ new Map();
    const execs = /* @__PURE__ */ new Map();
    const unexecuted2 = [];
    const walk = (r) => {
      for (const it of r.iterations) {
        calls.set(it.llmCall.spanIndex, it.llmCall);
        for (const e of it.toolExecutions) execs.set(e.spanIndex, e);
        for (const request2 of it.unexecutedRequests) unexecuted2.push({ request: request2, llmSpanIndex: it.llmCall.spanIndex });
      }
      for (const e of r.looseToolExecutions) execs.set(e.spanIndex, e);
      for (const s of r.subAgents) walk(s);
    };
    walk(run);
    const byIndex = (m) => [...m.values()].sort((a, b) => a.spanIndex - b.spanIndex);
    return { llmCalls: byIndex(calls), executions: byIndex(execs), unexecuted: unexecuted2, finalAnswer: run.finalAnswer };
  });
}
function assistantText(call) {
  const texts = call.output.filter((m) => m.role === "assistant" || m.role === "model" || m.role === "ai").map((m) => m.text).filter((t) => t !== "");
  if (texts.length > 3 && texts.every((t) => t.length < 40)) return texts.join("");
  return texts.join("\n\n");
}

// src/core/analyze/claims/toolDescriptions.ts
function toolDescriptions(trace, view) {
  const out = /* @__PURE__ */ new Map();
  for (const exec of view.toolExecutions) {
    const attrs = trace.spans[exec.spanIndex].attributes;
    const d = attrs.getString("gen_ai.tool.description") ?? attrs.getString("tool.description");
    if (d && !out.has(exec.name)) out.set(exec.name, d);
  }
  for (const call of view.llmCalls) {
    const attrs = trace.spans[call.spanIndex].attributes;
    for (const key of ["gen_ai.tool.definitions", "ai.prompt.tools", "llm.tools", "gen_ai.request.tools"]) {
      const v = attrs.get(key);
      if (v !== void 0) collectDefinitions(v, out);
    }
  }
  return out;
}
function collectDefinitions(v, out, depth = 0) {
  if (depth > 4) return;
  if (typeof v === "string") {
    const t = v.trim();
    if (!t.startsWith("{") && !t.startsWith("[")) return;
    try {
      collectDefinitions(JSON.parse(t), out, depth + 1);
    } catch {
    }
    return;
  }
  if (Array.isArray(v)) {
    for (const x2 of v) collectDefinitions(x2, out, depth + 1);
    return;
  }
  if (v === null || typeof v !== "object" || v instanceof Uint8Array) return;
  const r = v;
  const fn = Object.prototype.hasOwnProperty.call(r, "function") && r.function !== null && typeof r.function === "object" ? r.function : r;
  const name = fn.name;
  const description = fn.description;
  if (typeof name === "string" && typeof description === "string" && description.trim() !== "" && !out.has(name)) out.set(name, description);
  const tool = r.tool;
  if (tool !== void 0 && tool !== r) collectDefinitions(tool, out, depth + 1);
}

// src/core/analyze/claims/toolProfile.ts
var ANSWER_TOOL = /^(?:final[_ -]?(?:answer|result|output|response)|finish|done|respond|answer|submit[_ -]?final[_ -]?answer|return[_ -]?answer)$/i;
var MATH_TOOL = /* @__PURE__ */ new Set(["add", "subtract", "multiply", "divide", "sum"]);
var STOP = /* @__PURE__ */ new Set(["the", "a", "an", "to", "for", "of", "in", "on", "and", "or", "with", "from", "by", "this", "that", "tool", "function", "use", "given", "user", "into", "your", "its", "new"]);
function profileTool(name, description, exec) {
  const nameWords = splitIdentifier(name);
  const descWords = description ? description.toLowerCase().match(/[a-z]+/g) ?? [] : [];
  const actions = /* @__PURE__ */ new Set();
  for (const w of nameWords) {
    const a = actionOfBaseWord(w);
    if (a) actions.add(a);
  }
  for (const w of descWords.slice(0, 4)) {
    const a = actionOfBaseWord(w) ?? actionOfBaseWord(w.replace(/e?s$/, ""));
    if (a) {
      actions.add(a);
      break;
    }
    if (isReadOnlyWord(w) || isReadOnlyWord(w.replace(/e?s$/, ""))) break;
  }
  if (!actions.has("test") && exec && /^(?:bash|shell|sh|terminal|run|exec|execute|command|run[_ ]?command|run[_ ]?shell[_ ]?command)$/i.test(name)) {
    const text = argumentLeaves(exec.arguments).map((l) => String(l.value)).join(" ");
    if (/\b(?:pytest|jest|vitest|mocha|npm (?:run )?test|yarn test|go test|cargo test|make test|tox)\b/.test(text)) actions.add("test");
  }
  const readOnly = nameWords.some(isReadOnlyWord) || nameWords.length === 1 && MATH_TOOL.has(nameWords[0]);
  if (readOnly) {
    for (const a of [...actions]) if (a !== "test") actions.delete(a);
  }
  const objectWords = /* @__PURE__ */ new Set();
  for (const w of [...nameWords, ...descWords]) if (w.length > 2 && !STOP.has(w) && !actionOfBaseWord(w)) objectWords.add(singular(w));
  const sideEffecting = !readOnly && actions.size > 0 && !(actions.size === 1 && actions.has("test"));
  return { name, actions, objectWords, readOnly, sideEffecting, answerTool: ANSWER_TOOL.test(name.trim()) };
}

// src/core/analyze/claims/types.ts
var FINDING_SEVERITY = {
  "claimed-not-executed": "error",
  "claimed-success-but-failed": "error",
  "silent-tool-failure": "error",
  "argument-mismatch": "warning",
  "requested-not-executed": "warning",
  "unmentioned-action": "info"
};

// src/core/analyze/claims/analyzeClaims.ts
function analyzeClaims(trace, view) {
  const descriptions = toolDescriptions(trace, view);
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (kind, message, spans, claim) => {
    const spanIds = [...new Set(spans)].map((i2) => trace.spans[i2].spanId);
    const key = `${kind}\0${claim ?? ""}\0${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(claim === void 0 ? { kind, severity: FINDING_SEVERITY[kind], message, spanIds } : { kind, severity: FINDING_SEVERITY[kind], message, spanIds, claim });
  };
  for (const scope of runScopes(view)) analyzeScope(trace, scope, descriptions, add);
  return out;
}
function analyzeScope(trace, scope, descriptions, add) {
  const executed = scope.executions.map((exec) => ({ exec, profile: profileTool(exec.name, descriptions.get(exec.name), exec), failure: failureOf(exec) }));
  const known = knownTools(scope, descriptions);
  for (const claim of scopeClaims(scope)) {
    if (claim.polarity !== "done") continue;
    const verdict = matchClaim(claim, executed, known);
    if (verdict) add(verdict.kind, verdict.message, [claim.spanIndex, ...verdict.toolSpans], claim.sentence);
  }
  for (const { request: request2, llmSpanIndex } of scope.unexecuted) {
    if (profileTool(request2.name, void 0).answerTool) continue;
    if (executed.some((t) => t.exec.name === request2.name && (t.exec.callId === void 0 || request2.id === void 0))) continue;
    add("requested-not-executed", `the model requested ${request2.name}${request2.id ? ` (call ${request2.id})` : ""} but no execution of it is in the trace`, [llmSpanIndex]);
  }
  for (const t of executed) {
    if (t.exec.status === "error") continue;
    const payload = errorPayload(t.exec.result);
    if (payload === void 0) continue;
    const start = trace.spans[t.exec.spanIndex].startNs;
    const later = scope.llmCalls.filter((c) => c.spanIndex !== t.exec.requestedBy && trace.spans[c.spanIndex].startNs > start);
    if (later.length === 0) continue;
    const retried = executed.some((u) => u.exec.name === t.exec.name && u.failure === void 0 && trace.spans[u.exec.spanIndex].startNs > start);
    const text = later.map(assistantText).join("\n");
    if (retried || text.trim() === "" || ACKNOWLEDGED.test(text)) continue;
    add("silent-tool-failure", `${t.exec.name} returned an error (${payload}) with status ${t.exec.status}, and the model carried on without mentioning it`, [t.exec.spanIndex, later[0].spanIndex]);
  }
  const final = scope.finalAnswer ?? lastText(scope);
  if (final !== void 0 && final.trim() !== "") {
    for (const t of executed) {
      if (!t.profile.sideEffecting || t.profile.answerTool || t.failure !== void 0) continue;
      if (mentions(final, t)) continue;
      add("unmentioned-action", `${t.exec.name} ran successfully but the final answer does not mention it`, [t.exec.spanIndex]);
    }
  }
}
var ACKNOWLEDGED = /\b(?:error|errors|fail|failed|failing|failure|unable|couldn't|could not|can't|cannot|wasn't able|was not able|unfortunately|problem|issue|unavailable|not available|no data|not found|didn't|did not|sorry|denied|declined|rejected|timed out|timeout|invalid)\b/i;
function scopeClaims(scope) {
  return scope.llmCalls.flatMap((c) => extractClaims(assistantText(c), c.spanIndex));
}
function knownTools(scope, descriptions) {
  const names = new Set(descriptions.keys());
  for (const c of scope.llmCalls) for (const m of c.output) for (const r of m.toolCalls) names.add(r.name);
  return [...names].map((n) => profileTool(n, descriptions.get(n)));
}
function lastText(scope) {
  for (let i2 = scope.llmCalls.length - 1; i2 >= 0; i2--) {
    const t = assistantText(scope.llmCalls[i2]);
    if (t.trim() !== "") return t;
  }
  return void 0;
}
function mentions(answer, t) {
  const lower = answer.toLowerCase();
  const words = new Set((lower.match(/[a-z]+/g) ?? []).map(singular));
  for (const w of lower.match(/[a-z]+/g) ?? []) {
    const a = actionOfAnyForm(w);
    if (a && t.profile.actions.has(a)) return true;
  }
  if (splitIdentifier(t.exec.name).some((w) => w.length >= 4 && words.has(singular(w)) && !actionOfAnyForm(w))) return true;
  return argumentStrings(t.exec.arguments).some((s) => s.length >= 4 && s.length <= 80 && lower.includes(s.toLowerCase()));
}
function argumentStrings(args) {
  if (typeof args === "string") return [args];
  if (Array.isArray(args)) return args.flatMap(argumentStrings);
  if (args !== null && typeof args === "object") return Object.keys(args).flatMap((k) => argumentStrings(args[k]));
  return [];
}

// node_modules/fflate/esm/index.mjs
var import_module = require("module");
var require2 = (0, import_module.createRequire)("/");
var _a;
var Worker;
var isMarkedAsUntransferable;
try {
  _a = require2("worker_threads"), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable;
} catch (e) {
}
var u8 = Uint8Array;
var u16 = Uint16Array;
var i32 = Int32Array;
var fleb = new u8([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  3,
  3,
  3,
  3,
  4,
  4,
  4,
  4,
  5,
  5,
  5,
  5,
  0,
  /* unused */
  0,
  0,
  /* impossible */
  0
]);
var fdeb = new u8([
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13,
  /* unused */
  0,
  0
]);
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
var freb = function(eb, start) {
  var b = new u16(31);
  for (var i2 = 0; i2 < 31; ++i2) {
    b[i2] = start += 1 << eb[i2 - 1];
  }
  var r = new i32(b[30]);
  for (var i2 = 1; i2 < 30; ++i2) {
    for (var j = b[i2]; j < b[i2 + 1]; ++j) {
      r[j] = j - b[i2] << 5 | i2;
    }
  }
  return { b, r };
};
var _a = freb(fleb, 2);
var fl = _a.b;
var revfl = _a.r;
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0);
var fd = _b.b;
var revfd = _b.r;
var rev = new u16(32768);
for (i = 0; i < 32768; ++i) {
  x = (i & 43690) >> 1 | (i & 21845) << 1;
  x = (x & 52428) >> 2 | (x & 13107) << 2;
  x = (x & 61680) >> 4 | (x & 3855) << 4;
  rev[i] = ((x & 65280) >> 8 | (x & 255) << 8) >> 1;
}
var x;
var i;
var hMap = (function(cd, mb, r) {
  var s = cd.length;
  var i2 = 0;
  var l = new u16(mb);
  for (; i2 < s; ++i2) {
    if (cd[i2])
      ++l[cd[i2] - 1];
  }
  var le = new u16(mb);
  for (i2 = 1; i2 < mb; ++i2) {
    le[i2] = le[i2 - 1] + l[i2 - 1] << 1;
  }
  var co;
  if (r) {
    co = new u16(1 << mb);
    var rvb = 15 - mb;
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        var sv = i2 << 4 | cd[i2];
        var r_1 = mb - cd[i2];
        var v = le[cd[i2] - 1]++ << r_1;
        for (var m = v | (1 << r_1) - 1; v <= m; ++v) {
          co[rev[v] >> rvb] = sv;
        }
      }
    }
  } else {
    co = new u16(s);
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        co[i2] = rev[le[cd[i2] - 1]++] >> 15 - cd[i2];
      }
    }
  }
  return co;
});
var flt = new u8(288);
for (i = 0; i < 144; ++i)
  flt[i] = 8;
var i;
for (i = 144; i < 256; ++i)
  flt[i] = 9;
var i;
for (i = 256; i < 280; ++i)
  flt[i] = 7;
var i;
for (i = 280; i < 288; ++i)
  flt[i] = 8;
var i;
var fdt = new u8(32);
for (i = 0; i < 32; ++i)
  fdt[i] = 5;
var i;
var flrm = /* @__PURE__ */ hMap(flt, 9, 1);
var fdrm = /* @__PURE__ */ hMap(fdt, 5, 1);
var max = function(a) {
  var m = a[0];
  for (var i2 = 1; i2 < a.length; ++i2) {
    if (a[i2] > m)
      m = a[i2];
  }
  return m;
};
var bits = function(d, p, m) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8) >> (p & 7) & m;
};
var bits16 = function(d, p) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8 | d[o + 2] << 16) >> (p & 7);
};
var shft = function(p) {
  return (p + 7) / 8 | 0;
};
var slc = function(v, s, e) {
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  return new u8(v.subarray(s, e));
};
var ec = [
  "unexpected EOF",
  "invalid block type",
  "invalid length/literal",
  "invalid distance",
  "stream finished",
  "no stream handler",
  ,
  // determined by compression function
  "no callback",
  "invalid UTF-8 data",
  "extra field too long",
  "date not in range 1980-2099",
  "filename too long",
  "stream finishing",
  "invalid zip data"
  // determined by unknown compression method
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var inflt = function(dat, st, buf, dict) {
  var sl = dat.length, dl = dict ? dict.length : 0;
  if (!sl || st.f && !st.l)
    return buf || new u8(0);
  var noBuf = !buf;
  var resize = noBuf || st.i != 2;
  var noSt = st.i;
  if (noBuf)
    buf = new u8(sl * 3);
  var cbuf = function(l2) {
    var bl = buf.length;
    if (l2 > bl) {
      var nbuf = new u8(Math.max(bl * 2, l2));
      nbuf.set(buf);
      buf = nbuf;
    }
  };
  var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
  var tbts = sl * 8;
  do {
    if (!lm) {
      final = bits(dat, pos, 1);
      var type = bits(dat, pos + 1, 3);
      pos += 3;
      if (!type) {
        var s = shft(pos) + 4, l = dat[s - 4] | dat[s - 3] << 8, t = s + l;
        if (t > sl) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + l);
        buf.set(dat.subarray(s, t), bt);
        st.b = bt += l, st.p = pos = t * 8, st.f = final;
        continue;
      } else if (type == 1)
        lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
      else if (type == 2) {
        var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
        var tl = hLit + bits(dat, pos + 5, 31) + 1;
        pos += 14;
        var ldt = new u8(tl);
        var clt = new u8(19);
        for (var i2 = 0; i2 < hcLen; ++i2) {
          clt[clim[i2]] = bits(dat, pos + i2 * 3, 7);
        }
        pos += hcLen * 3;
        var clb = max(clt), clbmsk = (1 << clb) - 1;
        var clm = hMap(clt, clb, 1);
        for (var i2 = 0; i2 < tl; ) {
          var r = clm[bits(dat, pos, clbmsk)];
          pos += r & 15;
          var s = r >> 4;
          if (s < 16) {
            ldt[i2++] = s;
          } else {
            var c = 0, n = 0;
            if (s == 16)
              n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i2 - 1];
            else if (s == 17)
              n = 3 + bits(dat, pos, 7), pos += 3;
            else if (s == 18)
              n = 11 + bits(dat, pos, 127), pos += 7;
            while (n--)
              ldt[i2++] = c;
          }
        }
        var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
        lbt = max(lt);
        dbt = max(dt);
        lm = hMap(lt, lbt, 1);
        dm = hMap(dt, dbt, 1);
      } else
        err(1);
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
    }
    if (resize)
      cbuf(bt + 131072);
    var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
    var lpos = pos;
    for (; ; lpos = pos) {
      var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
      pos += c & 15;
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
      if (!c)
        err(2);
      if (sym < 256)
        buf[bt++] = sym;
      else if (sym == 256) {
        lpos = pos, lm = null;
        break;
      } else {
        var add = sym - 254;
        if (sym > 264) {
          var i2 = sym - 257, b = fleb[i2];
          add = bits(dat, pos, (1 << b) - 1) + fl[i2];
          pos += b;
        }
        var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
        if (!d)
          err(3);
        pos += d & 15;
        var dt = fd[dsym];
        if (dsym > 3) {
          var b = fdeb[dsym];
          dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
        }
        if (pos > tbts) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + 131072);
        var end = bt + add;
        if (bt < dt) {
          var shift = dl - dt, dend = Math.min(dt, end);
          if (shift + bt < 0)
            err(3);
          for (; bt < dend; ++bt)
            buf[bt] = dict[shift + bt];
        }
        for (; bt < end; ++bt)
          buf[bt] = buf[bt - dt];
      }
    }
    st.l = lm, st.p = lpos, st.b = bt, st.f = final;
    if (lm)
      final = 1, st.m = lbt, st.d = dm, st.n = dbt;
  } while (!final);
  return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
var et = /* @__PURE__ */ new u8(0);
var gzs = function(d) {
  if (d[0] != 31 || d[1] != 139 || d[2] != 8)
    err(6, "invalid gzip data");
  var flg = d[3];
  var st = 10;
  if (flg & 4)
    st += (d[10] | d[11] << 8) + 2;
  for (var zs = (flg >> 3 & 1) + (flg >> 4 & 1); zs > 0; zs -= !d[st++])
    ;
  return st + (flg & 2);
};
var gzl = function(d) {
  var l = d.length;
  return (d[l - 4] | d[l - 3] << 8 | d[l - 2] << 16 | d[l - 1] << 24) >>> 0;
};
function gunzipSync(data, opts) {
  var st = gzs(data);
  if (st + 8 > data.length)
    err(6, "invalid gzip data");
  return inflt(data.subarray(st, -8), { i: 2 }, opts && opts.out || new u8(gzl(data)), opts && opts.dictionary);
}
var td = typeof TextDecoder != "undefined" && /* @__PURE__ */ new TextDecoder();
var tds = 0;
try {
  td.decode(et, { stream: true });
  tds = 1;
} catch (e) {
}

// src/core/model/diagnostics.ts
var DIAGNOSTIC_SEVERITY = {
  orphan: "warning",
  "duplicate-span-id": "warning",
  "parent-cycle": "error",
  "clock-skew": "info",
  "missing-start": "warning",
  "missing-end": "warning",
  "negative-duration": "warning",
  "timestamp-precision": "info",
  "invalid-trace-id": "warning",
  "invalid-span-id": "warning",
  "invalid-parent-id": "warning",
  "unsupported-value": "info",
  "unreadable-span": "error",
  "invalid-utf8": "warning",
  interpretation: "info"
};
var ImportError = class extends Error {
  constructor(message, offset, format) {
    super(message);
    this.offset = offset;
    this.format = format;
    this.name = "ImportError";
  }
  offset;
  format;
};

// src/core/import/json/exactIntegers.ts
function quoteLongIntegers(b, minDigits = 16) {
  const ranges = [];
  let i2 = 0;
  const n = b.length;
  let prev = 0;
  while (i2 < n) {
    const c = b[i2];
    if (c === 34) {
      i2++;
      while (i2 < n && b[i2] !== 34) i2 += b[i2] === 92 ? 2 : 1;
      i2++;
      prev = 34;
      continue;
    }
    const valueStart = prev === 58 || prev === 91 || prev === 44 || prev === 0;
    if (valueStart && (c === 45 || c >= 48 && c <= 57)) {
      let j = c === 45 ? i2 + 1 : i2;
      const digitsFrom = j;
      while (j < n && b[j] >= 48 && b[j] <= 57) j++;
      const isInteger = j >= n || !(b[j] === 46 || b[j] === 101 || b[j] === 69);
      if (isInteger && j - digitsFrom >= minDigits) ranges.push(i2, j);
      prev = 48;
      i2 = j;
      continue;
    }
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) prev = c;
    i2++;
  }
  if (ranges.length === 0) return void 0;
  const out = new Uint8Array(n + ranges.length);
  let o = 0;
  let from = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    out.set(b.subarray(from, ranges[r]), o);
    o += ranges[r] - from;
    out[o++] = 34;
    out.set(b.subarray(ranges[r], ranges[r + 1]), o);
    o += ranges[r + 1] - ranges[r];
    out[o++] = 34;
    from = ranges[r + 1];
  }
  out.set(b.subarray(from), o);
  return out;
}

// src/core/import/json/jsonScan.ts
var WS = new Uint8Array(256);
WS[32] = WS[9] = WS[10] = WS[13] = 1;
function skipWs(b, i2, end) {
  while (i2 < end && WS[b[i2]]) i2++;
  return i2;
}
function scanValue(b, start, end = b.length) {
  const stack = [];
  let i2 = skipWs(b, start, end);
  const truncated = () => ({ problem: { offset: end, message: "truncated JSON" } });
  const unexpected = (at, what) => ({
    problem: { offset: at, message: `unexpected ${describe(b, at)} ${what}` }
  });
  for (; ; ) {
    i2 = skipWs(b, i2, end);
    if (i2 >= end) return truncated();
    const c = b[i2];
    if (c === 123) {
      i2 = skipWs(b, i2 + 1, end);
      if (i2 >= end) return truncated();
      if (b[i2] === 125) {
        i2++;
      } else {
        const k = scanKey(b, i2, end);
        if ("problem" in k) return k;
        i2 = k.end;
        stack.push(1);
        continue;
      }
    } else if (c === 91) {
      i2 = skipWs(b, i2 + 1, end);
      if (i2 >= end) return truncated();
      if (b[i2] === 93) i2++;
      else {
        stack.push(3);
        continue;
      }
    } else if (c === 34) {
      const s = scanString(b, i2, end);
      if ("problem" in s) return s;
      i2 = s.end;
    } else if (c === 45 || c >= 48 && c <= 57) {
      const n = scanNumber(b, i2, end);
      if ("problem" in n) return n;
      i2 = n.end;
    } else if (c === 116 || c === 102 || c === 110) {
      const lit = c === 116 ? "true" : c === 102 ? "false" : "null";
      for (let k = 0; k < lit.length; k++) {
        if (i2 + k >= end) return truncated();
        if (b[i2 + k] !== lit.charCodeAt(k)) return unexpected(i2 + k, `in literal "${lit}"`);
      }
      i2 += lit.length;
    } else {
      return unexpected(i2, "where a value should start");
    }
    for (; ; ) {
      if (stack.length === 0) return { end: i2 };
      i2 = skipWs(b, i2, end);
      if (i2 >= end) return truncated();
      const top = stack[stack.length - 1];
      const ch = b[i2];
      if (top === 1 || top === 2) {
        if (ch === 44) {
          const k = scanKey(b, skipWs(b, i2 + 1, end), end);
          if ("problem" in k) return k;
          i2 = k.end;
          break;
        }
        if (ch === 125) {
          stack.pop();
          i2++;
          continue;
        }
        return unexpected(i2, "after an object member (expected ',' or '}')");
      } else {
        if (ch === 44) {
          i2++;
          break;
        }
        if (ch === 93) {
          stack.pop();
          i2++;
          continue;
        }
        return unexpected(i2, "after an array element (expected ',' or ']')");
      }
    }
  }
}
function scanKey(b, i2, end) {
  if (i2 >= end) return { problem: { offset: end, message: "truncated JSON" } };
  if (b[i2] !== 34) return { problem: { offset: i2, message: `unexpected ${describe(b, i2)} where an object key should start` } };
  const s = scanString(b, i2, end);
  if ("problem" in s) return s;
  const j = skipWs(b, s.end, end);
  if (j >= end) return { problem: { offset: end, message: "truncated JSON" } };
  if (b[j] !== 58) return { problem: { offset: j, message: `unexpected ${describe(b, j)} after an object key (expected ':')` } };
  return { end: j + 1 };
}
function scanString(b, i2, end) {
  const open = i2;
  i2++;
  while (i2 < end) {
    const c = b[i2];
    if (c === 34) return { end: i2 + 1 };
    if (c === 92) {
      if (i2 + 1 >= end) break;
      const e = b[i2 + 1];
      if (e === 117) {
        for (let k = 2; k < 6; k++) {
          if (i2 + k >= end) return { problem: { offset: end, message: "truncated JSON" } };
          if (!isHex(b[i2 + k])) return { problem: { offset: i2 + k, message: "invalid \\u escape in a string" } };
        }
        i2 += 6;
        continue;
      }
      if ('"\\/bfnrt'.indexOf(String.fromCharCode(e)) < 0) return { problem: { offset: i2, message: "invalid escape in a string" } };
      i2 += 2;
      continue;
    }
    if (c < 32) return { problem: { offset: i2, message: `control character 0x${c.toString(16).padStart(2, "0")} inside a string (started at byte ${open.toLocaleString("en-US")})` } };
    i2++;
  }
  return { problem: { offset: end, message: `truncated JSON (string started at byte ${open.toLocaleString("en-US")} never ends)` } };
}
function scanNumber(b, i2, end) {
  const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(ascii(b, i2, Math.min(end, i2 + 64)));
  if (!m || m[0] === "-" || m[0] === "") return { problem: { offset: i2, message: `malformed number` } };
  return { end: i2 + m[0].length };
}
function isHex(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
}
function ascii(b, from, to) {
  let s = "";
  for (let i2 = from; i2 < to; i2++) s += String.fromCharCode(b[i2]);
  return s;
}
function describe(b, at) {
  if (at >= b.length) return "end of input";
  const c = b[at];
  return c >= 33 && c < 127 ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).padStart(2, "0")}`;
}
function findJsonProblem(b, start = 0, end = b.length) {
  const r = scanValue(b, start, end);
  if ("problem" in r) return r.problem;
  const after = skipWs(b, r.end, end);
  if (after < end) return { offset: after, message: `unexpected ${describe(b, after)} after the end of the JSON value` };
  return void 0;
}

// src/core/import/json/splitParse.ts
var SplitParseError = class extends Error {
};
function skipValue(b, i2, end, budgetEnd) {
  let depth = 0;
  const stop = Math.min(end, budgetEnd);
  while (i2 < stop) {
    const c = b[i2];
    if (c === 34) {
      let q = i2 + 1;
      for (; ; ) {
        q = b.indexOf(34, q);
        if (q < 0 || q >= end) throw new SplitParseError("unterminated string");
        let bs = 0;
        for (let k = q - 1; b[k] === 92; k--) bs++;
        if (bs % 2 === 0) break;
        q++;
      }
      i2 = q + 1;
      if (depth === 0) return i2 <= budgetEnd ? i2 : -1;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (depth === 0) return i2;
      depth--;
      if (depth === 0) return i2 + 1;
    } else if (depth === 0 && (c === 44 || c === 32 || c === 10 || c === 13 || c === 9)) {
      return i2;
    }
    i2++;
  }
  if (stop < end) return -1;
  if (depth !== 0) throw new SplitParseError("truncated");
  return i2;
}
function skipWs2(b, i2, end) {
  while (i2 < end && (b[i2] === 32 || b[i2] === 10 || b[i2] === 13 || b[i2] === 9)) i2++;
  return i2;
}
function splitParse(b, start, end, limit, decode2) {
  const r = parseAt(b, start, end, limit, decode2);
  if (skipWs2(b, r.end, end) !== end) throw new SplitParseError("trailing data");
  return r.value;
}
function parseAt(b, i2, end, limit, decode2) {
  const small = skipValue(b, i2, end, i2 + limit);
  if (small >= 0) return { value: JSON.parse(decode2(i2, small)), end: small };
  const open = b[i2];
  if (open === 34) {
    const e = skipValue(b, i2, end, end);
    return { value: decode2(i2 + 1, i2 + 1 + limit) + "\u2026", end: e };
  }
  if (open !== 123 && open !== 91) throw new SplitParseError("value expected");
  return open === 123 ? parseObject(b, i2, end, limit, decode2) : parseArray(b, i2, end, limit, decode2);
}
function parseObject(b, start, end, limit, decode2) {
  const out = {};
  let i2 = skipWs2(b, start + 1, end);
  if (b[i2] === 125) return { value: out, end: i2 + 1 };
  for (; ; ) {
    if (b[i2] !== 34) throw new SplitParseError("key expected");
    const keyEnd = skipValue(b, i2, end, end);
    const key = JSON.parse(decode2(i2, keyEnd));
    i2 = skipWs2(b, keyEnd, end);
    if (b[i2] !== 58) throw new SplitParseError("colon expected");
    const v = parseAt(b, skipWs2(b, i2 + 1, end), end, limit, decode2);
    Object.defineProperty(out, key, { value: v.value, enumerable: true, writable: true, configurable: true });
    i2 = skipWs2(b, v.end, end);
    if (b[i2] === 44) i2 = skipWs2(b, i2 + 1, end);
    else if (b[i2] === 125) return { value: out, end: i2 + 1 };
    else throw new SplitParseError("comma expected");
  }
}
function parseArray(b, start, end, limit, decode2) {
  const out = [];
  let i2 = skipWs2(b, start + 1, end);
  if (b[i2] === 93) return { value: out, end: i2 + 1 };
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart < 0) return;
    const part = JSON.parse("[" + decode2(runStart, runEnd) + "]");
    for (let k = 0; k < part.length; k++) out.push(part[k]);
    runStart = -1;
  };
  for (; ; ) {
    const small = skipValue(b, i2, end, i2 + limit);
    let next;
    if (small < 0) {
      flush();
      const v = parseAt(b, i2, end, limit, decode2);
      out.push(v.value);
      next = v.end;
    } else {
      if (runStart >= 0 && small - runStart > limit) flush();
      if (runStart < 0) runStart = i2;
      runEnd = small;
      next = small;
    }
    i2 = skipWs2(b, next, end);
    if (b[i2] === 44) i2 = skipWs2(b, i2 + 1, end);
    else if (b[i2] === 93) {
      flush();
      return { value: out, end: i2 + 1 };
    } else throw new SplitParseError("comma expected");
  }
}

// src/core/import/json/readJson.ts
var MAX_STRING_BYTES = 256 * 1024 * 1024;
var utf8 = new TextDecoder("utf-8", { fatal: true });
var utf8Lenient = new TextDecoder("utf-8");
var sawInvalidUtf8 = false;
function decode(b, start, end) {
  const slice = b.subarray(start, end);
  try {
    return utf8.decode(slice);
  } catch {
    sawInvalidUtf8 = true;
    return utf8Lenient.decode(slice);
  }
}
function invalidUtf8Seen() {
  return sawInvalidUtf8;
}
function looksLikeJson(b) {
  let i2 = 0;
  if (b[0] === 239 && b[1] === 187 && b[2] === 191) i2 = 3;
  i2 = skipWs(b, i2, Math.min(b.length, i2 + 4096));
  return b[i2] === 123 || b[i2] === 91;
}
function readJson(b, limit = MAX_STRING_BYTES) {
  sawInvalidUtf8 = false;
  let start = 0;
  if (b[0] === 239 && b[1] === 187 && b[2] === 191) start = 3;
  const lines = jsonLines(b, start, limit);
  if (lines) return lines;
  if (b.length - start <= limit) {
    try {
      return { kind: "document", value: JSON.parse(decode(b, start, b.length)) };
    } catch {
      throw jsonError(b, start, b.length);
    }
  }
  return { kind: "document", value: parseRange(b, skipWs(b, start, b.length), b.length, limit) };
}
function jsonError(b, start, end) {
  const p = findJsonProblem(b, start, end);
  if (!p) return new ImportError("invalid JSON");
  return new ImportError(`${p.message} at byte ${p.offset.toLocaleString("en-US")}`, p.offset);
}
function jsonLines(b, start, limit) {
  const firstStart = skipWs(b, start, b.length);
  let nl = b.indexOf(10, firstStart);
  if (nl < 0) return void 0;
  const r = scanValue(b, firstStart, nl);
  if ("problem" in r) return void 0;
  if (skipWs(b, r.end, nl) !== nl) return void 0;
  const next = skipWs(b, nl, b.length);
  if (next >= b.length) return void 0;
  if (b[next] !== 123 && b[next] !== 91) return void 0;
  const first = JSON.parse(decode(b, firstStart, nl));
  return {
    kind: "lines",
    first,
    lines: function* () {
      let lineNo = 0;
      let pos = start;
      while (pos < b.length) {
        let e = b.indexOf(10, pos);
        if (e < 0) e = b.length;
        lineNo++;
        const s = skipWs(b, pos, e);
        if (s < e) {
          if (e - s > limit) {
            try {
              yield { line: lineNo, value: parseRange(b, s, e, limit) };
            } catch (err2) {
              yield { line: lineNo, error: err2.message };
            }
          } else {
            try {
              yield { line: lineNo, value: JSON.parse(decode(b, s, e)) };
            } catch {
              const p = findJsonProblem(b, s, e);
              yield { line: lineNo, error: p ? `${p.message} at byte ${p.offset.toLocaleString("en-US")}` : "invalid JSON" };
            }
          }
        }
        pos = e + 1;
      }
    }
  };
}
function parseRange(b, start, end, limit) {
  try {
    let e = end;
    while (e > start && (b[e - 1] === 32 || b[e - 1] === 10 || b[e - 1] === 13 || b[e - 1] === 9)) e--;
    return splitParse(b, start, e, limit, (s, t) => decode(b, s, t));
  } catch {
    throw jsonError(b, start, end);
  }
}

// src/core/model/attributes.ts
var Attributes = class _Attributes {
  flat;
  thunk;
  /** `flat` is `[key, value, key, value, …]`; pass a function to decode lazily. */
  constructor(flat) {
    if (typeof flat === "function") this.thunk = flat;
    else this.flat = flat;
  }
  static EMPTY = new _Attributes([]);
  static fromRecord(rec) {
    const flat = [];
    for (const k of Object.keys(rec)) flat.push(k, rec[k]);
    return new _Attributes(flat);
  }
  data() {
    if (this.flat === void 0) {
      const t = this.thunk;
      this.thunk = void 0;
      this.flat = t();
    }
    return this.flat;
  }
  /** True while a lazily decoded attribute list has not been read yet. */
  get isPending() {
    return this.flat === void 0;
  }
  get size() {
    return this.data().length >> 1;
  }
  /** The last value for `key` (OTLP says later duplicates win). */
  get(key) {
    const d = this.data();
    for (let i2 = d.length - 2; i2 >= 0; i2 -= 2) if (d[i2] === key) return d[i2 + 1];
    return void 0;
  }
  has(key) {
    return this.get(key) !== void 0;
  }
  getString(key) {
    const v = this.get(key);
    return typeof v === "string" ? v : void 0;
  }
  /** A number from an int, double or numeric string value. */
  getNumber(key) {
    const v = this.get(key);
    if (typeof v === "number") return Number.isFinite(v) ? v : void 0;
    if (typeof v === "bigint") return Number(v);
    if (typeof v === "string" && v.trim() !== "") {
      const n = Number(v);
      return Number.isFinite(n) ? n : void 0;
    }
    return void 0;
  }
  keys() {
    const d = this.data();
    const out = [];
    for (let i2 = 0; i2 < d.length; i2 += 2) out.push(d[i2]);
    return out;
  }
  *entries() {
    const d = this.data();
    for (let i2 = 0; i2 < d.length; i2 += 2) yield [d[i2], d[i2 + 1]];
  }
  /** Keys starting with `prefix`, in order. */
  withPrefix(prefix) {
    const d = this.data();
    const out = [];
    for (let i2 = 0; i2 < d.length; i2 += 2) {
      const k = d[i2];
      if (k.startsWith(prefix)) out.push([k, d[i2 + 1]]);
    }
    return out;
  }
};
function newAttrMap() {
  return /* @__PURE__ */ Object.create(null);
}

// src/core/model/span.ts
var SpanKind = {
  Unspecified: 0,
  Internal: 1,
  Server: 2,
  Client: 3,
  Producer: 4,
  Consumer: 5
};
var StatusCode = { Unset: 0, Ok: 1, Error: 2 };
var EMPTY_RESOURCE = { attributes: Attributes.EMPTY };
var EMPTY_SCOPE = { name: "", attributes: Attributes.EMPTY };

// src/core/model/time.ts
var NS_PER_MS = 1000000n;
function microsToNanos(us) {
  return typeof us === "bigint" ? us * 1000n : BigInt(Math.round(us)) * 1000n;
}
function millisToNanos(ms) {
  const whole = Math.floor(ms);
  return BigInt(whole) * NS_PER_MS + BigInt(Math.round((ms - whole) * 1e6));
}
function hrTimeToNanos(hr) {
  return BigInt(Math.trunc(hr[0])) * 1000000000n + BigInt(Math.trunc(hr[1]));
}
var DECIMAL = /^-?\d+$/;
function parseNanos(v) {
  if (typeof v === "string") {
    return DECIMAL.test(v) ? { ns: BigInt(v), lossy: false } : void 0;
  }
  if (typeof v === "number" && Number.isFinite(v)) {
    return { ns: BigInt(Math.trunc(v)), lossy: !Number.isSafeInteger(v) };
  }
  if (typeof v === "bigint") return { ns: v, lossy: false };
  return void 0;
}
function isoToNanos(iso) {
  const m = /^(.*?T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso.trim());
  if (!m) return void 0;
  const base = Date.parse(m[1] + (m[3] ?? "Z"));
  if (Number.isNaN(base)) return void 0;
  const frac = (m[2] ?? "").padEnd(9, "0").slice(0, 9);
  return BigInt(base) * NS_PER_MS + BigInt(frac);
}

// src/core/import/importer.ts
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function firstElement(v) {
  return Array.isArray(v) && v.length > 0 ? v[0] : void 0;
}
function str(v) {
  return typeof v === "string" ? v : void 0;
}

// src/core/import/ids.ts
var HEX_RE = /^[0-9a-fA-F]+$/;
var B64_RE = /^[A-Za-z0-9+/_-]+={0,2}$/;
var HEX_DIGITS = "0123456789abcdef";
function bytesToHex(b) {
  let s = "";
  for (let i2 = 0; i2 < b.length; i2++) s += HEX_DIGITS[b[i2] >> 4] + HEX_DIGITS[b[i2] & 15];
  return s;
}
function base64ToBytes(s) {
  try {
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    const out = new Uint8Array(bin.length);
    for (let i2 = 0; i2 < bin.length; i2++) out[i2] = bin.charCodeAt(i2);
    return out;
  } catch {
    return void 0;
  }
}
function normalizeId(v, bytes) {
  if (v === void 0 || v === null || v === "") return void 0;
  if (typeof v === "string") {
    if (HEX_RE.test(v) && (v.length === bytes * 2 || v.length === 16 || v.length === 32)) return v.toLowerCase();
    const b64len = Math.ceil(bytes / 3) * 4;
    if ((v.length === b64len || v.length === Math.ceil(bytes / 2 / 3) * 4) && B64_RE.test(v) && !HEX_RE.test(v)) {
      const b = base64ToBytes(v);
      if (b && (b.length === bytes || b.length === bytes / 2)) return bytesToHex(b);
    }
    if (HEX_RE.test(v)) return v.toLowerCase();
    return v;
  }
  if (typeof v === "number" || typeof v === "bigint") return intToHex(v, bytes);
  if (Array.isArray(v) && v.every((x2) => typeof x2 === "number" && x2 >= 0 && x2 < 256)) return bytesToHex(Uint8Array.from(v));
  if (typeof v === "object" && v !== null) {
    const data = v.data;
    if (Array.isArray(data)) return normalizeId(data, bytes);
  }
  return String(v);
}
function intToHex(v, bytes) {
  const b = typeof v === "bigint" ? v : Number.isSafeInteger(v) ? BigInt(v) : BigInt(Math.trunc(v));
  return b.toString(16).padStart(bytes * 2, "0");
}

// src/core/import/intern.ts
var MAX_ENTRIES = 5e4;
var MAX_VALUE_LENGTH = 64;
var table = /* @__PURE__ */ new Map();
function intern(s) {
  if (s.length > MAX_VALUE_LENGTH) return s;
  const hit = table.get(s);
  if (hit !== void 0) return hit;
  if (table.size >= MAX_ENTRIES) table = /* @__PURE__ */ new Map();
  table.set(s, s);
  return s;
}

// src/core/import/otlpValues.ts
var SHORT_VALUE = 24;
function anyValueFromJson(v) {
  if (v === null || typeof v !== "object") return v ?? null;
  const o = v;
  if ("stringValue" in o || "string_value" in o) return String(o.stringValue ?? o.string_value ?? "");
  if ("boolValue" in o || "bool_value" in o) {
    const b = o.boolValue ?? o.bool_value;
    return b === true || b === "true";
  }
  if ("intValue" in o || "int_value" in o) return intFromJson(o.intValue ?? o.int_value);
  if ("doubleValue" in o || "double_value" in o) {
    const d = o.doubleValue ?? o.double_value;
    return typeof d === "number" ? d : Number(d);
  }
  if ("arrayValue" in o || "array_value" in o) {
    const arr = o.arrayValue ?? o.array_value;
    return Array.isArray(arr?.values) ? arr.values.map(anyValueFromJson) : [];
  }
  if ("kvlistValue" in o || "kvlist_value" in o) {
    const kv = o.kvlistValue ?? o.kvlist_value;
    const out = newAttrMap();
    if (Array.isArray(kv?.values)) {
      for (const e of kv.values) {
        if (e && typeof e === "object" && typeof e.key === "string") {
          out[e.key] = anyValueFromJson(e.value);
        }
      }
    }
    return out;
  }
  if ("bytesValue" in o || "bytes_value" in o) {
    const b = o.bytesValue ?? o.bytes_value;
    return typeof b === "string" ? base64ToBytes(b) ?? b : null;
  }
  return null;
}
function intFromJson(v) {
  if (typeof v === "number") return Math.trunc(v);
  if (typeof v === "string" && /^-?\d+$/.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : BigInt(v);
  }
  return null;
}
function attributesFromJson(list) {
  if (!Array.isArray(list) || list.length === 0) return Attributes.EMPTY;
  const flat = [];
  for (const e of list) {
    if (e && typeof e === "object") {
      const key = e.key;
      if (typeof key === "string") {
        const v = anyValueFromJson(e.value);
        flat.push(intern(key), typeof v === "string" && v.length <= SHORT_VALUE ? intern(v) : v);
      }
    }
  }
  return new Attributes(flat);
}
function attributesFromObject(obj) {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return Attributes.EMPTY;
  const flat = [];
  for (const k of Object.keys(obj)) flat.push(k, plainToAttr(obj[k]));
  return new Attributes(flat);
}
function plainToAttr(v) {
  if (v === void 0) return null;
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(plainToAttr);
  const out = newAttrMap();
  for (const k of Object.keys(v)) out[k] = plainToAttr(v[k]);
  return out;
}

// src/core/import/anyAgent.ts
var anyAgentImporter = {
  exactIntegers: true,
  format: "any-agent",
  label: "any-agent trace JSON",
  sniff: (root2) => inputOf(root2, false) !== void 0,
  read(root2, builder, source) {
    const input = inputOf(root2, true);
    if (!input) throw new ImportError("not an any-agent trace or a list of Python span dicts");
    const lossy = { ids: false, times: false };
    const resources = /* @__PURE__ */ new Map();
    const spans = [];
    input.spans.forEach((s, i2) => {
      const at = `${source}${input.path}[${i2}]`;
      if (!isObject(s)) return builder.addUnreadable(at, "span is not an object");
      try {
        spans.push(spanOf(s, at, lossy, resources));
      } catch (e) {
        builder.addUnreadable(at, `could not be read (${e.message})`);
      }
    });
    const out = input.agentTrace?.final_output;
    const roots = spans.filter((s) => !s.parentSpanId);
    if (out !== void 0 && out !== null && roots.length === 1) {
      const flat = [...(roots[0].attributes ?? Attributes.EMPTY).entries()].flat();
      flat.push("any_agent.final_output", typeof out === "string" ? out : jsonText(out));
      roots[0].attributes = new Attributes(flat);
    }
    for (const s of spans) builder.addSpan(s);
    if (lossy.ids || lossy.times) {
      const what = [lossy.ids && "trace and span ids", lossy.times && "nanosecond timestamps"].filter(Boolean).join(" and ");
      builder.note(
        "timestamp-precision",
        `${what} are JSON integers past 2^53, so their low digits were rounded when the JSON was parsed; ids are shown as read (parent links are matched on the same rounded values) and times may be off by up to a few hundred nanoseconds`,
        source || void 0
      );
    }
    return isPythonToJson(input.spans[0]) ? "OTel Python span JSON" : void 0;
  }
};
function isSpanDict(v, decimalText) {
  if (!isObject(v) || !isObject(v.context)) return false;
  const id = v.context.span_id;
  const idOk = typeof id === "number" || typeof id === "bigint" || typeof id === "string" && (/^0x[0-9a-f]+$/i.test(id) || decimalText && /^\d+$/.test(id));
  return idOk && ("parent" in v || "parent_id" in v || "start_time" in v);
}
function isPythonToJson(span) {
  return isObject(span) && isObject(span.context) && typeof span.context.span_id === "string" && span.context.span_id.startsWith("0x");
}
function inputOf(root2, decimalText) {
  if (Array.isArray(root2)) return isSpanDict(root2[0], decimalText) ? { spans: root2, path: "" } : void 0;
  if (isSpanDict(root2, decimalText)) return { spans: [root2], path: "" };
  if (isObject(root2) && Array.isArray(root2.spans) && isSpanDict(root2.spans[0], decimalText)) {
    return { spans: root2.spans, path: "spans", agentTrace: root2 };
  }
  return void 0;
}
function spanOf(s, at, lossy, resources) {
  const ctx = isObject(s.context) ? s.context : {};
  const parentId = isObject(s.parent) ? idOf(s.parent.span_id, 8, lossy) : idOf(s.parent_id, 8, lossy);
  const flags = isObject(ctx.trace_flags) ? ctx.trace_flags.value : ctx.trace_flags;
  return {
    traceId: idOf(ctx.trace_id, 16, lossy),
    spanId: idOf(ctx.span_id, 8, lossy),
    parentSpanId: parentId,
    name: str(s.name),
    kind: kindOf(s.kind),
    startNs: timeOf(s.start_time, lossy),
    endNs: timeOf(s.end_time, lossy),
    status: statusOf(s.status),
    attributes: attributesFromObject(s.attributes),
    events: Array.isArray(s.events) ? eventsOf(s.events, lossy) : [],
    links: Array.isArray(s.links) ? linksOf(s.links, lossy) : [],
    resource: resourceOf(s.resource, resources),
    traceState: traceStateOf(ctx.trace_state),
    flags: typeof flags === "number" ? flags : void 0,
    source: at
  };
}
function idOf(v, bytes, lossy) {
  if (v === void 0 || v === null || v === "" || v === 0) return void 0;
  if (typeof v === "number" || typeof v === "bigint") {
    if (typeof v === "number" && !Number.isSafeInteger(v)) lossy.ids = true;
    const max2 = (1n << BigInt(bytes * 8)) - 1n;
    const big = typeof v === "bigint" ? v : BigInt(Math.trunc(v));
    if (big < 0n) return String(v);
    return big > max2 ? max2.toString(16) : intToHex(big, bytes);
  }
  if (typeof v === "string") {
    if (/^0x[0-9a-f]+$/i.test(v)) return v.slice(2).toLowerCase().padStart(bytes * 2, "0");
    if (/^\d+$/.test(v)) return intToHex(BigInt(v), bytes);
    return v;
  }
  return String(v);
}
function timeOf(v, lossy) {
  if (typeof v === "string" && !/^-?\d+$/.test(v)) return isoToNanos(v);
  const t = parseNanos(v);
  if (t?.lossy) lossy.times = true;
  return t?.ns;
}
var KINDS = {
  internal: SpanKind.Internal,
  server: SpanKind.Server,
  client: SpanKind.Client,
  producer: SpanKind.Producer,
  consumer: SpanKind.Consumer
};
function kindOf(v) {
  if (typeof v !== "string") return SpanKind.Unspecified;
  const k = v.replace(/^SpanKind\./i, "").toLowerCase();
  return Object.prototype.hasOwnProperty.call(KINDS, k) ? KINDS[k] : SpanKind.Unspecified;
}
function statusOf(v) {
  if (!isObject(v)) return { code: StatusCode.Unset };
  const code = String(v.status_code ?? "").replace(/^StatusCode\./i, "").toUpperCase();
  if (code === "ERROR") return { code: StatusCode.Error, message: str(v.description) || void 0 };
  if (code === "OK") return { code: StatusCode.Ok };
  return { code: StatusCode.Unset };
}
function eventsOf(list, lossy) {
  const out = [];
  for (const e of list) {
    if (!isObject(e)) continue;
    const t = timeOf(e.timestamp, lossy);
    if (t !== void 0) out.push({ timeNs: t, name: str(e.name) ?? "", attributes: attributesFromObject(e.attributes) });
  }
  return out;
}
function linksOf(list, lossy) {
  const out = [];
  for (const l of list) {
    if (!isObject(l) || !isObject(l.context)) continue;
    const traceId = idOf(l.context.trace_id, 16, lossy);
    const spanId = idOf(l.context.span_id, 8, lossy);
    if (traceId && spanId) out.push({ traceId, spanId, attributes: attributesFromObject(l.attributes) });
  }
  return out;
}
function traceStateOf(v) {
  if (!isObject(v) || !isObject(v.entries)) return void 0;
  const parts = Object.keys(v.entries).map((k) => `${k}=${String(v.entries[k])}`);
  return parts.length ? parts.join(",") : void 0;
}
function resourceOf(v, cache) {
  if (!isObject(v) || !isObject(v.attributes)) return EMPTY_RESOURCE;
  const attrs = v.attributes;
  const key = jsonText(attrs);
  let r = cache.get(key);
  if (!r) {
    const rec = newAttrMap();
    for (const k of Object.keys(attrs)) rec[k] = plainToAttr(attrs[k]);
    cache.set(key, r = { attributes: Attributes.fromRecord(rec), serviceName: str(attrs["service.name"]) });
  }
  return r;
}
function jsonText(v) {
  return JSON.stringify(v, (_k, x2) => typeof x2 === "bigint" ? x2.toString() : x2);
}

// src/core/import/jaeger.ts
var jaegerImporter = {
  format: "jaeger",
  label: "Jaeger UI JSON",
  sniff(root2) {
    if (Array.isArray(root2)) return isJaegerSpan(root2[0]) || isJaegerTrace(root2[0]);
    if (!isObject(root2)) return false;
    if (isJaegerTrace(root2) || isJaegerSpan(root2)) return true;
    const data = root2.data;
    if (isObject(data)) return isJaegerTrace(data);
    if (data === null) return Array.isArray(root2.errors);
    if (!Array.isArray(data)) return false;
    return data.length === 0 ? "errors" in root2 || "total" in root2 : isJaegerTrace(data[0]);
  },
  read(root2, builder, source) {
    const reader = new JaegerReader(builder);
    if (Array.isArray(root2)) {
      if (isJaegerTrace(root2[0])) root2.forEach((t, i2) => reader.readTrace(t, `${source}[${i2}]`));
      else reader.readSpans(root2, void 0, void 0, `${source}`);
      return;
    }
    if (!isObject(root2)) {
      builder.addUnreadable(source || "input", "not a Jaeger trace or span");
      return;
    }
    if (isJaegerSpan(root2)) {
      reader.readSpans([root2], void 0, void 0, source ? source.replace(/: $/, "") : "span");
      return;
    }
    if (!("data" in root2)) {
      reader.readTrace(root2, source);
      return;
    }
    const noData = root2.data === null || Array.isArray(root2.data) && root2.data.length === 0;
    if (noData && Array.isArray(root2.errors) && root2.errors.length > 0) {
      throw new ImportError(`the Jaeger response holds no trace, only errors: ${root2.errors.map(describeError).join("; ")}`, void 0, "jaeger");
    }
    for (const e of Array.isArray(root2.errors) ? root2.errors : []) {
      builder.note("interpretation", `Jaeger reported an error: ${describeError(e)}`, "errors");
    }
    if (noData) builder.note("interpretation", "the Jaeger response holds no traces (data is empty)");
    else if (Array.isArray(root2.data)) root2.data.forEach((t, i2) => reader.readTrace(t, `${source}data[${i2}]`));
    else reader.readTrace(root2.data, `${source}data`);
  }
};
function isJaegerSpan(v) {
  return isObject(v) && typeof v.spanID === "string" && ("operationName" in v || "traceID" in v);
}
function isJaegerTrace(v) {
  if (!isObject(v) || !Array.isArray(v.spans)) return false;
  return typeof v.traceID === "string" || isObject(v.processes) || isJaegerSpan(v.spans[0]);
}
function describeError(e) {
  if (!isObject(e)) return JSON.stringify(e) ?? String(e);
  const trace = str(e.traceID) ? ` (trace ${e.traceID})` : "";
  const code = e.code !== void 0 && e.code !== null ? ` [code ${String(e.code)}]` : "";
  return `${str(e.msg) ?? JSON.stringify(e)}${trace}${code}`;
}
var REF_TYPE_ATTR = "opentracing.ref_type";
var JaegerReader = class {
  constructor(builder) {
    this.builder = builder;
  }
  builder;
  /** Resources by process id within the current trace object, and by content for embedded processes. */
  processResources = /* @__PURE__ */ new Map();
  embeddedResources = /* @__PURE__ */ new Map();
  scopes = /* @__PURE__ */ new Map();
  readTrace(t, at) {
    if (!isObject(t) || !Array.isArray(t.spans)) {
      this.builder.addUnreadable(at || "trace", "not a Jaeger trace (no spans array)");
      return;
    }
    if (Array.isArray(t.warnings)) {
      for (const w of t.warnings) if (typeof w === "string") this.builder.note("interpretation", `Jaeger warning: ${w}`, at || void 0);
    }
    this.processResources = /* @__PURE__ */ new Map();
    const processes = isObject(t.processes) ? t.processes : void 0;
    this.readSpans(t.spans, processes, str(t.traceID), `${at ? at + "." : ""}spans`);
  }
  readSpans(spans, processes, traceId, at) {
    spans.forEach((s, i2) => {
      const src = `${at}[${i2}]`;
      if (!isObject(s)) this.builder.addUnreadable(src, "not a span object");
      else this.readSpan(s, processes, traceId, src);
    });
  }
  readSpan(s, processes, fallbackTraceId, source) {
    const traceId = hexId(s.traceID) ?? hexId(fallbackTraceId);
    const startNs = readMicros(s.startTime);
    const duration = readMicros(s.duration);
    const { flat } = readKeyValues(s.tags);
    if (Array.isArray(s.warnings) && s.warnings.length) flat.push("jaeger.warnings", s.warnings.map((w) => String(w)));
    const attrs = new Attributes(flat);
    const { parentSpanId, links } = readReferences(s.references, traceId, hexId(s.parentSpanID));
    this.builder.addSpan({
      traceId,
      spanId: hexId(s.spanID),
      parentSpanId,
      name: str(s.operationName),
      kind: kindFromTags(attrs),
      startNs,
      endNs: startNs !== void 0 && duration !== void 0 ? startNs + duration : void 0,
      status: statusFromTags(attrs),
      attributes: attrs,
      events: readLogs(s.logs, startNs),
      links,
      resource: this.resourceFor(s, processes),
      scope: this.scopeFor(attrs),
      traceState: attrs.getString("w3c.tracestate") || void 0,
      flags: typeof s.flags === "number" ? s.flags : void 0,
      source
    });
  }
  resourceFor(s, processes) {
    const pid = str(s.processID);
    if (pid !== void 0 && processes && Object.hasOwn(processes, pid)) {
      let r = this.processResources.get(pid);
      if (!r) this.processResources.set(pid, r = resourceFromProcess(processes[pid]));
      return r;
    }
    if (isObject(s.process)) {
      const key = JSON.stringify(s.process);
      let r = this.embeddedResources.get(key);
      if (!r) this.embeddedResources.set(key, r = resourceFromProcess(s.process));
      return r;
    }
    return void 0;
  }
  scopeFor(attrs) {
    const scope = scopeFromTags(attrs);
    if (!scope) return EMPTY_SCOPE;
    const key = `${scope.name}\0${scope.version ?? ""}`;
    let s = this.scopes.get(key);
    if (!s) this.scopes.set(key, s = scope);
    return s;
  }
};
function resourceFromProcess(p) {
  const proc = isObject(p) ? p : {};
  const serviceName = str(proc.serviceName);
  const { flat } = readKeyValues(proc.tags);
  if (serviceName !== void 0) flat.unshift("service.name", serviceName);
  return { attributes: new Attributes(flat), serviceName };
}
function readReferences(refs, traceId, legacyParent) {
  const links = [];
  let childOf;
  let followsFrom;
  const list = Array.isArray(refs) ? refs.filter(isObject) : [];
  const parsed = list.map((r) => ({ type: str(r.refType)?.toUpperCase() ?? "", traceId: hexId(r.traceID) ?? traceId, spanId: hexId(r.spanID) }));
  parsed.forEach((r, i2) => {
    if (!r.spanId || !sameTrace(r.traceId, traceId)) return;
    if (r.type === "CHILD_OF" && childOf === void 0) childOf = i2;
    if (r.type === "FOLLOWS_FROM" && followsFrom === void 0) followsFrom = i2;
  });
  const parentIdx = childOf ?? followsFrom;
  parsed.forEach((r, i2) => {
    if (i2 === childOf || !r.spanId) return;
    links.push({
      // Links keep OTLP's 32-digit trace ids; the builder pads span trace ids the same way.
      traceId: r.traceId !== void 0 && r.traceId.length === 16 ? r.traceId.padStart(32, "0") : r.traceId ?? "",
      spanId: r.spanId,
      attributes: new Attributes(r.type ? [REF_TYPE_ATTR, r.type.toLowerCase()] : [])
    });
  });
  return { parentSpanId: parentIdx !== void 0 ? parsed[parentIdx].spanId : legacyParent, links };
}
function sameTrace(a, b) {
  return a === void 0 || b === void 0 || a.padStart(32, "0") === b.padStart(32, "0");
}
function readLogs(logs, spanStart) {
  if (!Array.isArray(logs) || logs.length === 0) return void 0;
  const events = [];
  for (const log of logs) {
    if (!isObject(log)) continue;
    const timeNs = readMicros(log.timestamp) ?? spanStart;
    if (timeNs === void 0) continue;
    const { flat, event } = readKeyValues(log.fields, "event");
    events.push({ timeNs, name: event ?? "log", attributes: new Attributes(flat) });
  }
  return events;
}
function readKeyValues(list, nameKey) {
  const flat = [];
  let event;
  if (!Array.isArray(list)) return { flat };
  for (const kv of list) {
    if (!isObject(kv) || typeof kv.key !== "string") continue;
    const value = keyValueToAttr(kv.type, kv.value);
    if (nameKey !== void 0 && event === void 0 && kv.key === nameKey && typeof value === "string") event = value;
    else flat.push(kv.key, value);
  }
  return { flat, event };
}
function keyValueToAttr(type, v) {
  switch (typeof type === "string" ? type.toLowerCase() : "") {
    case "string":
      return typeof v === "string" ? v : v === void 0 || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);
    case "bool":
      return v === true || typeof v === "string" && v.toLowerCase() === "true" || v === 1;
    case "int64": {
      const n = intFromJson(v);
      return n ?? plainToAttr(v);
    }
    case "float64": {
      const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
      return Number.isNaN(n) ? plainToAttr(v) : n;
    }
    case "binary":
      return typeof v === "string" ? base64ToBytes(v) ?? v : plainToAttr(v);
    default:
      return plainToAttr(v);
  }
}
var KINDS2 = {
  server: SpanKind.Server,
  client: SpanKind.Client,
  producer: SpanKind.Producer,
  consumer: SpanKind.Consumer,
  internal: SpanKind.Internal
};
function kindFromTags(attrs) {
  const k = attrs.getString("span.kind")?.toLowerCase();
  return k !== void 0 && Object.hasOwn(KINDS2, k) ? KINDS2[k] : void 0;
}
function statusFromTags(attrs, errorTagIsMessage = false) {
  const description = attrs.getString("otel.status_description") || void 0;
  const code = attrs.getString("otel.status_code")?.toUpperCase();
  if (code === "ERROR") return { code: StatusCode.Error, message: description };
  if (code === "OK") return { code: StatusCode.Ok };
  const err2 = attrs.get("error");
  if (err2 === void 0) return void 0;
  if (errorTagIsMessage) {
    if (err2 === false || typeof err2 === "string" && err2.toLowerCase() === "false") return void 0;
    const msg = typeof err2 === "string" && err2 !== "" && err2.toLowerCase() !== "true" ? err2 : description;
    return { code: StatusCode.Error, message: msg };
  }
  if (err2 === true || typeof err2 === "string" && err2.toLowerCase() === "true") return { code: StatusCode.Error, message: description };
  return void 0;
}
function scopeFromTags(attrs) {
  const name = attrs.getString("otel.scope.name") ?? attrs.getString("otel.library.name");
  if (name === void 0) return void 0;
  const version = attrs.getString("otel.scope.version") ?? attrs.getString("otel.library.version");
  return { name, version: version || void 0, attributes: Attributes.EMPTY };
}
function hexId(v) {
  return typeof v === "string" && v !== "" ? v.toLowerCase() : void 0;
}
function readMicros(v) {
  if (typeof v === "number") return Number.isFinite(v) ? microsToNanos(v) : void 0;
  if (typeof v === "string" && /^-?\d+$/.test(v)) return microsToNanos(BigInt(v));
  return void 0;
}

// src/core/import/langfuse.ts
var langfuseImporter = {
  format: "langfuse",
  label: "Langfuse JSON",
  sniff: (root2) => inputOf2(root2) !== void 0,
  read(root2, builder, source) {
    const input = inputOf2(root2);
    if (!input) throw new ImportError("not a Langfuse trace or observation list");
    readInput(input, builder, source);
    return input.label;
  }
};
function isObservation(v) {
  return isObject(v) && typeof v.id === "string" && typeof v.startTime === "string" && (typeof v.traceId === "string" || "parentObservationId" in v);
}
function inputOf2(root2) {
  if (Array.isArray(root2)) return isObservation(root2[0]) ? { observations: root2, path: "", label: "Langfuse observations" } : void 0;
  if (!isObject(root2)) return void 0;
  const trace = root2.trace;
  if (isObject(trace) && (Array.isArray(root2.observations) || Array.isArray(trace.observations))) {
    const top = Array.isArray(root2.observations);
    return { trace, observations: top ? root2.observations : trace.observations, path: top ? "observations" : "trace.observations", label: "Langfuse trace export" };
  }
  if (typeof root2.id === "string" && typeof root2.timestamp === "string" && Array.isArray(root2.observations)) {
    const first = firstElement(root2.observations);
    if (first === void 0 || isObservation(first)) return { trace: root2, observations: root2.observations, path: "observations", label: "Langfuse trace (public API)" };
  }
  if (Array.isArray(root2.data) && isObservation(firstElement(root2.data))) {
    return { observations: root2.data, path: "data", label: "Langfuse observations (public API)" };
  }
  return void 0;
}
var HEX16 = /^[0-9a-fA-F]{16}$/;
var HEX32 = /^[0-9a-fA-F]{32}$/;
var UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
function hash32(s, seed) {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i2 = 0; i2 < s.length; i2++) h = Math.imul(h ^ s.charCodeAt(i2), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
function hashId(s, chars) {
  let out = "";
  for (let lane = 0; out.length < chars; lane++) out += hash32(s, Math.imul(lane + 1, 2654435769)).toString(16).padStart(8, "0");
  return /^0+$/.test(out) ? out.slice(0, -1) + "1" : out;
}
function spanIdOf(id) {
  return HEX16.test(id) ? id.toLowerCase() : hashId(id, 16);
}
function traceIdOf(id) {
  if (id === "") return void 0;
  if (HEX32.test(id) || HEX16.test(id)) return id.toLowerCase();
  if (UUID.test(id)) return id.replace(/-/g, "").toLowerCase();
  return hashId(id, 32);
}
function readInput(input, builder, source) {
  const trace = input.trace;
  const traceObjId = trace ? str(trace.id) ?? "" : void 0;
  const groups = /* @__PURE__ */ new Map();
  const groupOf = (tid) => {
    let g = groups.get(tid);
    if (!g) groups.set(tid, g = { traceId: tid, entries: [] });
    return g;
  };
  if (traceObjId !== void 0) groupOf(traceObjId);
  input.observations.forEach((o, i2) => {
    const at = `${source}${input.path}[${i2}]`;
    if (!isObject(o)) builder.addUnreadable(at, "observation is not an object");
    else groupOf(str(o.traceId) ?? traceObjId ?? "").entries.push({ o, at });
  });
  for (const g of groups.values()) {
    try {
      readGroup(g, g.traceId === traceObjId ? trace : void 0, builder, source);
    } catch (e) {
      builder.addUnreadable(`${source}trace ${g.traceId}`, `could not be read (${e.message})`);
    }
  }
}
function readGroup(g, trace, builder, source) {
  const traceId = traceIdOf(g.traceId);
  const spans = [];
  const attrsOf = [];
  const spanIndexById = /* @__PURE__ */ new Map();
  for (const { o, at } of g.entries) {
    const attrs = newAttrMap();
    const span = observationToSpan(o, traceId, g.traceId, attrs, at);
    if (typeof o.id === "string") spanIndexById.set(o.id, spans.length);
    spans.push(span);
    attrsOf.push(attrs);
  }
  const roots = [];
  g.entries.forEach((e, i2) => {
    const p = str(e.o.parentObservationId);
    if (!p || !spanIndexById.has(p)) roots.push(i2);
  });
  let syntheticRoot;
  if (roots.length > 1 || g.entries.length === 0 && trace !== void 0) {
    const name = trace && str(trace.name) || `trace ${g.traceId}`;
    const attrs = newAttrMap();
    const span = syntheticRootSpan(trace, g, traceId, spans, name, attrs, source);
    let orphans = 0;
    for (const i2 of roots) {
      const missing = str(g.entries[i2].o.parentObservationId);
      if (missing) {
        orphans++;
        attrsOf[i2]["langfuse.observation.parent_observation_id"] = missing;
      }
      spans[i2].parentSpanId = span.spanId;
    }
    syntheticRoot = { span, attrs };
    const orphanText = orphans ? ` (${orphans} of them name a parent that is not in the file)` : "";
    builder.note(
      "interpretation",
      g.entries.length === 0 ? `Langfuse trace "${name}" has no observations; it is shown as one span` : `Langfuse trace "${name}" has ${roots.length} root observations${orphanText}; a synthetic root span "${name}" stands for the trace`,
      `${source}trace`
    );
  }
  const traceTargets = syntheticRoot ? [syntheticRoot.attrs] : roots.map((i2) => attrsOf[i2]);
  if (trace) {
    for (const t of traceTargets) addTraceAttributes(trace, t);
    for (const s of Array.isArray(trace.scores) ? trace.scores : []) {
      if (!isObject(s)) continue;
      const oid = str(s.observationId);
      const idx = oid !== void 0 ? spanIndexById.get(oid) : void 0;
      for (const t of idx !== void 0 ? [attrsOf[idx]] : traceTargets) addScore(s, t);
    }
  }
  if (syntheticRoot) {
    syntheticRoot.span.attributes = Attributes.fromRecord(syntheticRoot.attrs);
    builder.addSpan(syntheticRoot.span);
  }
  spans.forEach((s, i2) => {
    s.attributes = Attributes.fromRecord(attrsOf[i2]);
    builder.addSpan(s);
  });
}
function syntheticRootSpan(trace, g, traceId, spans, name, attrs, source) {
  let start = trace && typeof trace.timestamp === "string" ? isoToNanos(trace.timestamp) : void 0;
  let end;
  for (const s of spans) {
    if (s.startNs !== void 0 && (start === void 0 || s.startNs < start)) start = s.startNs;
    const e = s.endNs ?? s.startNs;
    if (e !== void 0 && (end === void 0 || e > end)) end = e;
  }
  if (end === void 0 && start !== void 0) {
    const latency = trace ? trace.latency : void 0;
    end = typeof latency === "number" && latency > 0 ? start + BigInt(Math.round(latency * 1e9)) : start;
  }
  if (g.traceId) attrs["langfuse.trace.id"] = g.traceId;
  attrs["langfuse.synthetic_root"] = true;
  return {
    traceId,
    spanId: hashId(`langfuse trace ${g.traceId}`, 16),
    name,
    startNs: start,
    endNs: end,
    resource: spans.find((s) => s.resource && s.resource.serviceName)?.resource,
    source: `${source}trace`
  };
}
function observationToSpan(o, traceId, originalTraceId, attrs, at) {
  const id = str(o.id);
  const parent = str(o.parentObservationId);
  const meta = parseMetadata(o.metadata);
  const otel = meta.obj;
  if (otel && isObject(otel.attributes)) {
    for (const k of Object.keys(otel.attributes)) attrs[k] = plainToAttr(otel.attributes[k]);
  }
  if (id !== void 0) attrs["langfuse.observation.id"] = id;
  if (originalTraceId) attrs["langfuse.trace.id"] = originalTraceId;
  const type = str(o.type);
  if (type) attrs["langfuse.observation.type"] = type.toUpperCase();
  const level = str(o.level);
  if (level) attrs["langfuse.observation.level"] = level.toUpperCase();
  setString(attrs, "langfuse.observation.status_message", o.statusMessage);
  setText(attrs, "langfuse.observation.input", o.input);
  setText(attrs, "langfuse.observation.output", o.output);
  setString(attrs, "langfuse.observation.model.name", o.model ?? o.providedModelName);
  setEntries(attrs, "langfuse.observation.model.parameters.", o.modelParameters, plainToAttr);
  addUsageAndCost(o, attrs);
  setString(attrs, "langfuse.observation.completion_start_time", o.completionStartTime);
  setString(attrs, "langfuse.observation.prompt.name", o.promptName);
  if (typeof o.promptVersion === "number" || typeof o.promptVersion === "string") attrs["langfuse.observation.prompt.version"] = o.promptVersion;
  if (Array.isArray(o.toolCallNames) && o.toolCallNames.length > 0) attrs["langfuse.observation.tool_call_names"] = o.toolCallNames.map(String);
  addMetadata(meta, attrs, "langfuse.observation.metadata");
  setString(attrs, "langfuse.environment", o.environment);
  setString(attrs, "langfuse.version", o.version);
  const startNs = typeof o.startTime === "string" ? isoToNanos(o.startTime) : void 0;
  let endNs = typeof o.endTime === "string" ? isoToNanos(o.endTime) : void 0;
  if (endNs === void 0 && type?.toUpperCase() === "EVENT") endNs = startNs;
  return {
    traceId,
    spanId: id !== void 0 && id !== "" ? spanIdOf(id) : void 0,
    parentSpanId: parent ? spanIdOf(parent) : void 0,
    name: str(o.name) ?? type ?? "",
    startNs,
    endNs,
    status: level?.toUpperCase() === "ERROR" ? { code: StatusCode.Error, message: str(o.statusMessage) ?? void 0 } : { code: StatusCode.Unset },
    resource: otel ? resourceOf2(otel.resourceAttributes) : EMPTY_RESOURCE,
    scope: otel ? scopeOf(otel.scope) : EMPTY_SCOPE,
    source: at
  };
}
function addUsageAndCost(o, attrs) {
  const usage = isObject(o.usage) ? o.usage : void 0;
  if (isObject(o.usageDetails)) setEntries(attrs, "langfuse.observation.usage_details.", o.usageDetails, toNumber);
  else {
    setNumber(attrs, "langfuse.observation.usage_details.input", usage?.input ?? o.inputUsage);
    setNumber(attrs, "langfuse.observation.usage_details.output", usage?.output ?? o.outputUsage);
    setNumber(attrs, "langfuse.observation.usage_details.total", usage?.total ?? o.totalUsage);
  }
  if (isObject(o.costDetails)) setEntries(attrs, "langfuse.observation.cost_details.", o.costDetails, toNumber);
  else {
    setNumber(attrs, "langfuse.observation.cost_details.input", o.calculatedInputCost ?? o.inputCost ?? usage?.inputCost);
    setNumber(attrs, "langfuse.observation.cost_details.output", o.calculatedOutputCost ?? o.outputCost ?? usage?.outputCost);
    setNumber(attrs, "langfuse.observation.cost_details.total", o.calculatedTotalCost ?? o.totalCost ?? usage?.totalCost);
  }
}
function addTraceAttributes(t, attrs) {
  setString(attrs, "langfuse.trace.name", t.name);
  setText(attrs, "langfuse.trace.input", t.input);
  setText(attrs, "langfuse.trace.output", t.output);
  if (Array.isArray(t.tags) && t.tags.length > 0) attrs["langfuse.trace.tags"] = t.tags.map(String);
  if (typeof t.public === "boolean") attrs["langfuse.trace.public"] = t.public;
  addMetadata(parseMetadata(t.metadata), attrs, "langfuse.trace.metadata");
  setNumber(attrs, "langfuse.trace.total_cost", t.totalCost);
  setString(attrs, "langfuse.release", t.release);
  setString(attrs, "user.id", t.userId);
  setString(attrs, "session.id", t.sessionId);
  if (typeof t.environment === "string" && !("langfuse.environment" in attrs)) attrs["langfuse.environment"] = t.environment;
  if (typeof t.version === "string" && !("langfuse.version" in attrs)) attrs["langfuse.version"] = t.version;
}
function addScore(s, attrs) {
  const name = str(s.name);
  if (!name) return;
  const value = typeof s.value === "number" ? s.value : str(s.stringValue) ?? str(s.value);
  if (value !== void 0) attrs[`langfuse.score.${name}.value`] = value;
  setString(attrs, `langfuse.score.${name}.comment`, s.comment);
}
var ENVELOPE_KEYS = /* @__PURE__ */ new Set(["attributes", "resourceAttributes", "scope"]);
function parseMetadata(m) {
  if (isObject(m)) return { obj: m };
  if (typeof m === "string") {
    if (m.trim() === "") return {};
    try {
      const parsed = JSON.parse(m);
      if (isObject(parsed)) return { obj: parsed };
    } catch {
    }
    return { text: m };
  }
  if (m === void 0 || m === null) return {};
  return { text: jsonText2(m) };
}
function addMetadata(meta, attrs, prefix) {
  if (meta.text !== void 0) attrs[prefix] = meta.text;
  if (!meta.obj) return;
  for (const k of Object.keys(meta.obj)) {
    if (!ENVELOPE_KEYS.has(k)) attrs[`${prefix}.${k}`] = plainToAttr(meta.obj[k]);
  }
}
function resourceOf2(ra) {
  if (!isObject(ra)) return EMPTY_RESOURCE;
  const rec = newAttrMap();
  for (const k of Object.keys(ra)) rec[k] = plainToAttr(ra[k]);
  return { attributes: Attributes.fromRecord(rec), serviceName: str(ra["service.name"]) };
}
function scopeOf(sc) {
  if (!isObject(sc)) return EMPTY_SCOPE;
  const rec = newAttrMap();
  if (isObject(sc.attributes)) for (const k of Object.keys(sc.attributes)) rec[k] = plainToAttr(sc.attributes[k]);
  return { name: str(sc.name) ?? "", version: str(sc.version), attributes: Attributes.fromRecord(rec) };
}
function setString(attrs, key, v) {
  if (typeof v === "string" && v !== "") attrs[key] = v;
}
function setText(attrs, key, v) {
  if (v === void 0 || v === null) return;
  attrs[key] = typeof v === "string" ? v : jsonText2(v);
}
function toNumber(v) {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}
function setNumber(attrs, key, v) {
  const n = toNumber(v);
  if (n !== null) attrs[key] = n;
}
function setEntries(attrs, prefix, obj, convert) {
  if (!isObject(obj)) return;
  for (const k of Object.keys(obj)) {
    const v = convert(obj[k]);
    if (v !== null) attrs[prefix + k] = v;
  }
}
function jsonText2(v) {
  return JSON.stringify(v, (_k, x2) => typeof x2 === "bigint" ? x2.toString() : x2);
}

// src/core/import/otlpJson.ts
var otlpJsonImporter = {
  format: "otlp-json",
  label: "OTLP JSON",
  sniff(root2) {
    return findResourceSpans(root2) !== void 0;
  },
  read(root2, builder, source) {
    const found = findResourceSpans(root2);
    if (!found) {
      builder.addUnreadable(source || "input", "no resourceSpans in this record");
      return;
    }
    found.list.forEach((rs, i2) => readResourceSpans(rs, builder, `${source}${found.key}[${i2}]`));
    return found.label;
  }
};
function findResourceSpans(root2) {
  if (!isObject(root2)) return void 0;
  const direct = (o, label, prefix) => {
    for (const key of ["resourceSpans", "resource_spans", "batches"]) {
      const v = o[key];
      if (Array.isArray(v)) return { list: v, key: prefix + key, label: key === "batches" ? "OTLP JSON (Tempo batches)" : label };
    }
    return void 0;
  };
  const top = direct(root2, "OTLP JSON", "");
  if (top) return top;
  if (isObject(root2.result)) return direct(root2.result, "OTLP JSON (Jaeger v3 result)", "result.");
  if (isObject(root2.trace)) return direct(root2.trace, "OTLP JSON (Tempo v2)", "trace.");
  if (Array.isArray(root2.trace_requests)) {
    const list = [];
    for (const r of root2.trace_requests) {
      const pb = isObject(r) && isObject(r.pbreq) ? r.pbreq : void 0;
      const rs = pb ? pb.resourceSpans ?? pb.resource_spans : void 0;
      if (Array.isArray(rs)) list.push(...rs);
    }
    return { list, key: "trace_requests[].pbreq.resourceSpans", label: "OTLP JSON (oteltest capture)" };
  }
  return void 0;
}
var KIND_NAMES = {
  SPAN_KIND_UNSPECIFIED: SpanKind.Unspecified,
  SPAN_KIND_INTERNAL: SpanKind.Internal,
  SPAN_KIND_SERVER: SpanKind.Server,
  SPAN_KIND_CLIENT: SpanKind.Client,
  SPAN_KIND_PRODUCER: SpanKind.Producer,
  SPAN_KIND_CONSUMER: SpanKind.Consumer
};
var STATUS_NAMES = {
  STATUS_CODE_UNSET: StatusCode.Unset,
  STATUS_CODE_OK: StatusCode.Ok,
  STATUS_CODE_ERROR: StatusCode.Error
};
function readKind(v) {
  if (typeof v === "number" && v >= 0 && v <= 5) return v;
  if (typeof v === "string") return KIND_NAMES[v.toUpperCase()] ?? KIND_NAMES["SPAN_KIND_" + v.toUpperCase()] ?? SpanKind.Unspecified;
  return SpanKind.Unspecified;
}
var PLAIN_STATUS = [{ code: StatusCode.Unset }, { code: StatusCode.Ok }, { code: StatusCode.Error }];
var NO_EVENTS = Object.freeze([]);
var NO_LINKS = Object.freeze([]);
function readStatus(v) {
  if (!isObject(v)) return void 0;
  const c = v.code;
  let code = StatusCode.Unset;
  if (typeof c === "number" && c >= 0 && c <= 2) code = c;
  else if (typeof c === "string") code = STATUS_NAMES[c.toUpperCase()] ?? STATUS_NAMES["STATUS_CODE_" + c.toUpperCase()] ?? StatusCode.Unset;
  const message = str(v.message);
  return message ? { code, message } : PLAIN_STATUS[code];
}
function readResource(v) {
  const attributes = attributesFromJson(isObject(v) ? v.attributes : void 0);
  const service = attributes.get("service.name");
  return { attributes, serviceName: typeof service === "string" ? service : void 0 };
}
function readScope(v) {
  if (!isObject(v)) return EMPTY_SCOPE;
  return { name: str(v.name) ?? "", version: str(v.version) || void 0, attributes: attributesFromJson(v.attributes) };
}
function readResourceSpans(rs, b, at) {
  if (!isObject(rs)) {
    b.addUnreadable(at, "not an object");
    return;
  }
  const resource = readResource(rs.resource);
  const scopes = rs.scopeSpans ?? rs.scope_spans ?? rs.instrumentationLibrarySpans ?? rs.instrumentation_library_spans;
  if (!Array.isArray(scopes)) return;
  const scopeKey = rs.scopeSpans ? "scopeSpans" : rs.scope_spans ? "scope_spans" : "instrumentationLibrarySpans";
  scopes.forEach((ss, j) => {
    const sat = `${at}.${scopeKey}[${j}]`;
    if (!isObject(ss)) {
      b.addUnreadable(sat, "not an object");
      return;
    }
    const scope = readScope(ss.scope ?? ss.instrumentationLibrary ?? ss.instrumentation_library);
    const spans = ss.spans;
    if (!Array.isArray(spans)) return;
    for (let k = 0; k < spans.length; k++) readSpan(spans[k], resource, scope, b, `${sat}.spans[${k}]`);
  });
}
function readSpan(s, resource, scope, b, source) {
  if (!isObject(s)) {
    b.addUnreadable(source, "span is not an object");
    return;
  }
  const start = parseNanos(s.startTimeUnixNano ?? s.start_time_unix_nano);
  const end = parseNanos(s.endTimeUnixNano ?? s.end_time_unix_nano);
  const lossy = start?.lossy || end?.lossy;
  b.addSpan({
    traceId: normalizeId(s.traceId ?? s.trace_id, 16),
    spanId: normalizeId(s.spanId ?? s.span_id, 8),
    parentSpanId: normalizeId(s.parentSpanId ?? s.parent_span_id, 8),
    name: typeof s.name === "string" ? intern(s.name) : s.name === void 0 ? "" : String(s.name),
    kind: readKind(s.kind),
    startNs: start?.ns,
    endNs: end?.ns,
    status: readStatus(s.status),
    attributes: attributesFromJson(s.attributes),
    events: readEvents(s.events),
    links: readLinks(s.links),
    resource,
    scope,
    traceState: str(s.traceState ?? s.trace_state) || void 0,
    flags: typeof s.flags === "number" ? s.flags : void 0,
    source,
    timestampNote: lossy ? "timestamp written as a JSON number past 2^53; sub-microsecond digits may be wrong" : void 0
  });
}
function readEvents(v) {
  if (!Array.isArray(v) || v.length === 0) return NO_EVENTS;
  const out = [];
  for (const e of v) {
    if (!isObject(e)) continue;
    out.push({
      timeNs: parseNanos(e.timeUnixNano ?? e.time_unix_nano)?.ns ?? 0n,
      name: str(e.name) ?? "",
      attributes: attributesFromJson(e.attributes)
    });
  }
  return out;
}
function readLinks(v) {
  if (!Array.isArray(v) || v.length === 0) return NO_LINKS;
  const out = [];
  for (const l of v) {
    if (!isObject(l)) continue;
    out.push({
      traceId: normalizeId(l.traceId ?? l.trace_id, 16) ?? "",
      spanId: normalizeId(l.spanId ?? l.span_id, 8) ?? "",
      traceState: str(l.traceState) || void 0,
      attributes: l.attributes ? attributesFromJson(l.attributes) : Attributes.EMPTY
    });
  }
  return out;
}

// src/core/import/protoReader.ts
var WIRE_VARINT = 0;
var WIRE_FIXED64 = 1;
var WIRE_LEN = 2;
var WIRE_FIXED32 = 5;
function tagOf(field, wireType) {
  return (field << 3 | wireType) >>> 0;
}
var utf82 = new TextDecoder("utf-8");
var SHORT_STRING = 32;
var TWO_32 = 4294967296;
function formatOffset(n) {
  return n.toLocaleString("en-US");
}
var ProtoReader = class {
  buf;
  view;
  /** Next byte to read. */
  pos = 0;
  /** Offset of the most recently read tag, and its field number (for error messages). */
  tagPos = 0;
  field = 0;
  // Scratch halves of the last 64-bit varint (avoids allocating a pair per read).
  lo = 0;
  hi = 0;
  constructor(buf) {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  /** Reads a field tag and returns `(field << 3) | wireType`; throws on one that cannot be valid. */
  tag(end) {
    const at = this.pos;
    this.tagPos = at;
    const t = this.varint32(end, true);
    const wt = t & 7;
    this.field = t >>> 3;
    if (this.field === 0) throw this.corrupt(`field number 0 at byte ${formatOffset(at)}`, at);
    if (wt === 3 || wt === 4) {
      throw this.corrupt(`field ${this.field} at byte ${formatOffset(at)} uses wire type ${wt} (a protobuf group), which OTLP never uses`, at);
    }
    if (wt > 5) throw this.corrupt(`wire type ${wt} at byte ${formatOffset(at)} (field ${this.field})`, at);
    return t;
  }
  /**
   * A varint's low 32 bits as an unsigned number: uint32, bool and enum semantics (enums are
   * int32: apply `| 0`). Consumes the whole varint, up to the 10 bytes protobuf allows.
   * With `exact`, a value that does not fit in 32 bits is an error (used for tags).
   */
  varint32(end, exact = false) {
    const buf = this.buf;
    let p = this.pos;
    if (p >= end) throw this.overrun("a varint", p, end);
    let b = buf[p++];
    if (b < 128) {
      this.pos = p;
      return b;
    }
    let v = b & 127;
    for (let shift = 7; shift < 28; shift += 7) {
      if (p >= end) throw this.overrun("a varint", this.pos, end);
      b = buf[p++];
      v |= (b & 127) << shift;
      if (b < 128) {
        this.pos = p;
        return v >>> 0;
      }
    }
    if (p >= end) throw this.overrun("a varint", this.pos, end);
    b = buf[p++];
    v |= (b & 15) << 28;
    if (exact && b > 15) throw this.corrupt(`a tag at byte ${formatOffset(this.pos)} is larger than 32 bits`, this.pos);
    for (let i2 = 5; b >= 128; i2++) {
      if (i2 === 10) throw this.corrupt(`a varint at byte ${formatOffset(this.pos)} is longer than 10 bytes`, this.pos);
      if (p >= end) throw this.overrun("a varint", this.pos, end);
      b = buf[p++];
    }
    this.pos = p;
    return v >>> 0;
  }
  /** Reads a full 64-bit varint into `lo`/`hi`. */
  varint64(end) {
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    let lo = 0;
    let hi = 0;
    let b = 128;
    for (let i2 = 0; b >= 128; i2++) {
      if (i2 === 10) throw this.corrupt(`a varint at byte ${formatOffset(start)} is longer than 10 bytes`, start);
      if (p >= end) throw this.overrun("a varint", start, end);
      b = buf[p++];
      const bits2 = b & 127;
      if (i2 < 4) lo |= bits2 << 7 * i2;
      else if (i2 === 4) {
        lo |= bits2 << 28;
        hi |= bits2 >>> 4;
      } else hi |= bits2 << 7 * i2 - 32;
    }
    this.pos = p;
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
  }
  /** int64 (two's complement varint): a number when it is a safe integer, else a bigint. */
  int64(end) {
    this.varint64(end);
    const lo = this.lo;
    const hi = this.hi;
    if (hi < 2097152) return hi * TWO_32 + lo;
    if (hi > 4292870144 || hi === 4292870144 && lo > 0) return (hi - TWO_32) * TWO_32 + lo;
    return BigInt.asIntN(64, BigInt(hi) << 32n | BigInt(lo));
  }
  /** uint64 varint: a number when it is a safe integer, else a bigint. */
  uint64(end) {
    this.varint64(end);
    if (this.hi < 2097152) return this.hi * TWO_32 + this.lo;
    return BigInt(this.hi) << 32n | BigInt(this.lo);
  }
  /** fixed64 (8 bytes, little endian) as an unsigned bigint. */
  fixed64(end) {
    const p = this.pos;
    if (p + 8 > end) throw this.overrun(`field ${this.field} (fixed64)`, this.tagPos, end);
    this.pos = p + 8;
    return this.view.getBigUint64(p, true);
  }
  /** fixed32 (4 bytes, little endian) as an unsigned number. */
  fixed32(end) {
    const p = this.pos;
    if (p + 4 > end) throw this.overrun(`field ${this.field} (fixed32)`, this.tagPos, end);
    this.pos = p + 4;
    return this.view.getUint32(p, true);
  }
  /** double (wire type 1, 8 bytes, little endian IEEE 754). */
  double(end) {
    const p = this.pos;
    if (p + 8 > end) throw this.overrun(`field ${this.field} (double)`, this.tagPos, end);
    this.pos = p + 8;
    return this.view.getFloat64(p, true);
  }
  /**
   * A length-delimited field: returns the payload's start and leaves `pos` at its end, so the
   * payload is `[returned, pos)`. The length is checked against `end` before anything moves.
   */
  delimited(end) {
    const buf = this.buf;
    let len;
    const b = this.pos < end ? buf[this.pos] : 128;
    if (b < 128) {
      this.pos++;
      len = b;
    } else {
      this.varint64(end);
      len = this.hi * TWO_32 + this.lo;
    }
    const start = this.pos;
    if (len > end - start) {
      const past = start + len > buf.length;
      const what = `field ${this.field} (length ${formatOffset(len)}) at byte ${formatOffset(this.tagPos)}`;
      throw new ImportError(
        past && end === buf.length ? `truncated protobuf: ${what} runs past the end of the input at byte ${formatOffset(buf.length)}` : `corrupt protobuf: ${what} runs past the end of its enclosing message at byte ${formatOffset(end)}`,
        this.tagPos,
        "OTLP protobuf"
      );
    }
    this.pos = start + len;
    return start;
  }
  /** Skips one field's value of wire type 0, 1, 2 or 5 (the only ones `tag` lets through). */
  skip(wireType, end) {
    switch (wireType) {
      case WIRE_VARINT:
        this.varint64(end);
        return;
      case WIRE_FIXED64:
        if (this.pos + 8 > end) throw this.overrun(`field ${this.field} (fixed64)`, this.tagPos, end);
        this.pos += 8;
        return;
      case WIRE_LEN:
        this.delimited(end);
        return;
      case WIRE_FIXED32:
        if (this.pos + 4 > end) throw this.overrun(`field ${this.field} (fixed32)`, this.tagPos, end);
        this.pos += 4;
        return;
      default:
        throw this.corrupt(`wire type ${wireType} at byte ${formatOffset(this.tagPos)}`, this.tagPos);
    }
  }
  /** UTF-8 text of `[start, end)`; invalid sequences become U+FFFD. */
  string(start, end) {
    const buf = this.buf;
    if (end - start <= SHORT_STRING) {
      let s = "";
      for (let i2 = start; i2 < end; i2++) {
        const c = buf[i2];
        if (c >= 128) return utf82.decode(buf.subarray(start, end));
        s += String.fromCharCode(c);
      }
      return s;
    }
    return utf82.decode(buf.subarray(start, end));
  }
  overrun(what, at, end) {
    return end === this.buf.length ? new ImportError(`truncated protobuf: ${what} at byte ${formatOffset(at)} runs past the end of the input at byte ${formatOffset(end)}`, at, "OTLP protobuf") : new ImportError(`corrupt protobuf: ${what} at byte ${formatOffset(at)} runs past the end of its enclosing message at byte ${formatOffset(end)}`, at, "OTLP protobuf");
  }
  corrupt(what, at) {
    return new ImportError(`corrupt protobuf: ${what}`, at, "OTLP protobuf");
  }
};

// src/core/import/otlpProtoValues.ts
var MAX_VALUE_DEPTH = 64;
var LEN = 2;
var T_KV_KEY = tagOf(1, LEN);
var T_KV_VALUE = tagOf(2, LEN);
var T_LIST_ITEM = tagOf(1, LEN);
var T_STRING = tagOf(1, LEN);
var T_BOOL = tagOf(2, 0);
var T_INT = tagOf(3, 0);
var T_DOUBLE = tagOf(4, 1);
var T_ARRAY = tagOf(5, LEN);
var T_KVLIST = tagOf(6, LEN);
var T_BYTES = tagOf(7, LEN);
function lazyAttributes(r, start, end, tag) {
  return new Attributes(() => decodeKeyValuesSafely(r, start, end, tag));
}
function decodeKeyValuesSafely(r, start, end, tag) {
  const flat = [];
  try {
    decodeKeyValuesInto(flat, r, start, end, tag);
  } catch (err2) {
    if (!(err2 instanceof ImportError)) throw err2;
  }
  return flat;
}
function decodeKeyValues(buf, start, end, tag) {
  const flat = [];
  decodeKeyValuesInto(flat, new ProtoReader(buf), start, end, tag);
  return flat;
}
function decodeKeyValuesInto(flat, r, start, end, tag, depth = 0) {
  r.pos = start;
  while (r.pos < end) {
    const t = r.tag(end);
    if (t !== tag) {
      r.skip(t & 7, end);
      continue;
    }
    const s = r.delimited(end);
    const e = r.pos;
    readKeyValue(r, s, e, flat, depth);
    r.pos = e;
  }
}
function readKeyValue(r, s, e, flat, depth) {
  let key = "";
  let value = null;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_KV_KEY) key = r.string(r.delimited(e), r.pos);
    else if (tag === T_KV_VALUE) {
      const vs = r.delimited(e);
      const ve = r.pos;
      value = readAnyValue(r, vs, ve, depth + 1);
      r.pos = ve;
    } else r.skip(tag & 7, e);
  }
  flat.push(key, value);
}
function readAnyValue(r, s, e, depth) {
  if (depth > MAX_VALUE_DEPTH) throw tooDeep(r, s);
  let value = null;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    switch (tag) {
      case T_STRING:
        value = r.string(r.delimited(e), r.pos);
        break;
      case T_BOOL:
        value = r.varint32(e) !== 0;
        break;
      case T_INT:
        value = r.int64(e);
        break;
      case T_DOUBLE:
        value = r.double(e);
        break;
      case T_BYTES:
        value = r.buf.slice(r.delimited(e), r.pos);
        break;
      case T_ARRAY: {
        const vs = r.delimited(e);
        const ve = r.pos;
        const items = [];
        r.pos = vs;
        while (r.pos < ve) {
          const t = r.tag(ve);
          if (t !== T_LIST_ITEM) {
            r.skip(t & 7, ve);
            continue;
          }
          const is = r.delimited(ve);
          const ie = r.pos;
          items.push(readAnyValue(r, is, ie, depth + 1));
          r.pos = ie;
        }
        value = items;
        break;
      }
      case T_KVLIST: {
        const vs = r.delimited(e);
        const ve = r.pos;
        const pairs = [];
        decodeKeyValuesInto(pairs, r, vs, ve, T_LIST_ITEM, depth);
        const map = newAttrMap();
        for (let i2 = 0; i2 < pairs.length; i2 += 2) map[pairs[i2]] = pairs[i2 + 1];
        value = map;
        r.pos = ve;
        break;
      }
      default:
        r.skip(tag & 7, e);
    }
  }
  return value;
}
function checkKeyValue(r, s, e, depth) {
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag !== T_KV_VALUE) {
      r.skip(tag & 7, e);
      continue;
    }
    const vs = r.delimited(e);
    const ve = r.pos;
    checkAnyValue(r, vs, ve, depth + 1);
    r.pos = ve;
  }
}
function checkAnyValue(r, s, e, depth) {
  if (depth > MAX_VALUE_DEPTH) throw tooDeep(r, s);
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag !== T_ARRAY && tag !== T_KVLIST) {
      r.skip(tag & 7, e);
      continue;
    }
    const vs = r.delimited(e);
    const ve = r.pos;
    r.pos = vs;
    while (r.pos < ve) {
      const t = r.tag(ve);
      if (t !== T_LIST_ITEM) {
        r.skip(t & 7, ve);
        continue;
      }
      const is = r.delimited(ve);
      const ie = r.pos;
      if (tag === T_ARRAY) checkAnyValue(r, is, ie, depth + 1);
      else checkKeyValue(r, is, ie, depth);
      r.pos = ie;
    }
  }
}
function tooDeep(r, at) {
  return r.corrupt(`an attribute value at byte ${formatOffset(at)} is nested more than ${MAX_VALUE_DEPTH} levels deep`, at);
}

// src/core/import/traceBuilder.ts
var HEX = /^[0-9a-f]+$/;
var NO_EVENTS2 = Object.freeze([]);
var NO_LINKS2 = Object.freeze([]);
var UNSET_STATUS = { code: StatusCode.Unset };
var ZERO_TRACE = "0".repeat(32);
var UNKNOWN_TRACE_ID = "ffffffffffffffffffffffffffffffff";
function checkId(raw, chars, what) {
  if (raw === void 0 || raw === "") return void 0;
  const id = raw.toLowerCase();
  if (!HEX.test(id)) return { error: `${what} "${clip2(raw)}" is not hexadecimal` };
  if (/^0+$/.test(id)) return { error: `${what} is all zeros (invalid in OTLP)` };
  if (id.length === chars) return { id };
  if (id.length < chars) {
    const note = chars === 32 && id.length === 16 ? void 0 : `${what} "${clip2(raw)}" has ${id.length} hex digits, padded to ${chars}`;
    return { id: id.padStart(chars, "0"), note };
  }
  return { error: `${what} "${clip2(raw)}" has ${id.length} hex digits, expected ${chars}` };
}
function clip2(s) {
  return s.length > 40 ? s.slice(0, 40) + "\u2026" : s;
}
var TraceBuilder = class {
  pending = [];
  fileDiagnostics = [];
  perTraceDiagnostics = /* @__PURE__ */ new Map();
  perTraceQuarantine = /* @__PURE__ */ new Map();
  unreadable = 0;
  badTraceId = [];
  syntheticIds = 0;
  /** Number of span records seen so far (including unreadable ones). */
  get inputSpanCount() {
    return this.pending.length + this.badTraceId.length + this.unreadable;
  }
  /** A record that looked like a span but could not be read at all; counted and reported. */
  addUnreadable(source, reason) {
    this.unreadable++;
    this.fileDiagnostics.push(diag("unreadable-span", `${source}: ${reason}`, { source }));
  }
  /** A file-level note (e.g. how an ambiguous input was interpreted). */
  note(code, message, source) {
    this.fileDiagnostics.push(diag(code, message, { source }));
  }
  addSpan(raw) {
    const tid = checkId(raw.traceId, 32, "trace id");
    const sid = checkId(raw.spanId, 16, "span id");
    const pid = checkId(raw.parentSpanId, 16, "parent span id");
    const p = {
      raw,
      traceId: tid && "id" in tid ? tid.id : "",
      spanId: "",
      parentId: void 0,
      startNs: raw.startNs,
      endNs: raw.endNs
    };
    const notes = [];
    const at = { source: raw.source };
    if (sid && "id" in sid) {
      p.spanId = sid.id;
      if (sid.note) notes.push(diag("invalid-span-id", sid.note, { ...at, repaired: true }));
    } else {
      p.spanId = this.syntheticSpanId();
      const why = sid ? sid.error : "span id is missing";
      notes.push(diag("invalid-span-id", `${why}; given the synthetic id ${p.spanId}`, { ...at, repaired: true }));
    }
    if (pid && "id" in pid) {
      p.parentId = pid.id;
      if (pid.note) notes.push(diag("invalid-parent-id", pid.note, { ...at, repaired: true }));
    } else if (pid) {
      notes.push(diag("invalid-parent-id", `${pid.error}; shown as a root`, { ...at, repaired: true }));
    }
    if (raw.timestampNote) notes.push(diag("timestamp-precision", raw.timestampNote, at));
    if (!tid || "error" in tid) {
      const why = tid ? tid.error : "trace id is missing";
      notes.push(diag("invalid-trace-id", why, { ...at, repaired: true }));
      this.badTraceId.push(p);
    } else {
      if (tid.note) notes.push(diag("invalid-trace-id", tid.note, { ...at, repaired: true }));
      this.pending.push(p);
    }
    for (const n of notes) this.traceDiagnostics(p.traceId || "?").push({ ...n, spanId: p.spanId });
  }
  syntheticSpanId() {
    return "ff5e" + (++this.syntheticIds).toString(16).padStart(12, "0");
  }
  traceDiagnostics(traceId) {
    let list = this.perTraceDiagnostics.get(traceId);
    if (!list) this.perTraceDiagnostics.set(traceId, list = []);
    return list;
  }
  quarantine(traceId, raw, code, reason, spanId) {
    let list = this.perTraceQuarantine.get(traceId);
    if (!list) this.perTraceQuarantine.set(traceId, list = []);
    list.push({ raw, reason });
    this.traceDiagnostics(traceId).push(diag(code, `${reason} (span quarantined)`, { source: raw.source, spanId, traceId, repaired: false }));
  }
  build(format, formatLabel) {
    const groups = /* @__PURE__ */ new Map();
    for (const p of this.pending) {
      let g = groups.get(p.traceId);
      if (!g) groups.set(p.traceId, g = []);
      g.push(p);
    }
    if (this.badTraceId.length) {
      const home = groups.size === 1 ? [...groups.keys()][0] : UNKNOWN_TRACE_ID;
      const moved = this.perTraceDiagnostics.get("?") ?? [];
      this.perTraceDiagnostics.delete("?");
      for (const d of moved) this.traceDiagnostics(home).push({ ...d, message: `${d.message}; placed in trace ${home}` });
      for (const p of this.badTraceId) {
        p.traceId = home;
        let g = groups.get(home);
        if (!g) groups.set(home, g = []);
        g.push(p);
      }
    }
    const traces = [];
    for (const [traceId, group] of groups) traces.push(this.buildTrace(traceId, group));
    for (const [traceId, q] of this.perTraceQuarantine) {
      if (!groups.has(traceId)) traces.push(emptyTrace(traceId, q, this.perTraceDiagnostics.get(traceId) ?? []));
    }
    traces.sort((a, b) => a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0);
    return {
      format,
      formatLabel,
      traces,
      diagnostics: this.fileDiagnostics,
      inputSpanCount: this.inputSpanCount
    };
  }
  buildTrace(traceId, group) {
    const diags = this.traceDiagnostics(traceId);
    const byId = /* @__PURE__ */ new Map();
    const kept = [];
    for (const p of group) {
      const prev = byId.get(p.spanId);
      if (prev !== void 0) {
        const first = kept[prev];
        if (sameSpan(first, p)) {
          this.quarantine(traceId, p.raw, "duplicate-span-id", `span ${p.spanId} "${p.raw.name ?? ""}" is an identical copy of an earlier span`, p.spanId);
          continue;
        }
        const original = p.spanId;
        do
          p.spanId = this.syntheticSpanId();
        while (byId.has(p.spanId));
        diags.push(diag("duplicate-span-id", `span id ${original} is used by two different spans; the second ("${p.raw.name ?? ""}") is shown as ${p.spanId}`, { spanId: p.spanId, traceId, source: p.raw.source, repaired: true }));
      }
      byId.set(p.spanId, kept.length);
      kept.push(p);
    }
    const n = kept.length;
    const parent = new Int32Array(n).fill(-1);
    for (let i2 = 0; i2 < n; i2++) {
      const p = kept[i2];
      if (p.parentId === void 0) continue;
      const j = byId.get(p.parentId);
      if (j === void 0) {
        diags.push(diag("orphan", `parent ${p.parentId} of "${p.raw.name ?? ""}" is not in the trace; shown as a root`, { spanId: p.spanId, traceId, source: p.raw.source, repaired: true }));
      } else if (j === i2) {
        diags.push(diag("parent-cycle", `span "${p.raw.name ?? ""}" is its own parent; shown as a root`, { spanId: p.spanId, traceId, repaired: true }));
      } else {
        parent[i2] = j;
        p.parentId = kept[j].spanId;
      }
    }
    breakCycles(parent, kept, traceId, diags);
    this.repairTimes(kept, parent, traceId, diags);
    const alive = kept.map((p) => p.startNs !== void 0);
    for (let i2 = 0; i2 < n; i2++) {
      if (!alive[i2]) this.quarantine(traceId, kept[i2].raw, "missing-start", `span "${kept[i2].raw.name ?? ""}" has no start time and none can be inferred`, kept[i2].spanId);
    }
    for (let i2 = 0; i2 < n; i2++) if (parent[i2] >= 0 && !alive[parent[i2]]) parent[i2] = -1;
    const children = new Array(n);
    const roots = [];
    for (let i2 = 0; i2 < n; i2++) {
      if (!alive[i2]) continue;
      const pi = parent[i2];
      if (pi < 0) roots.push(i2);
      else (children[pi] ??= []).push(i2);
    }
    const byStart2 = (a, b) => {
      const x2 = kept[a].startNs, y = kept[b].startNs;
      return x2 < y ? -1 : x2 > y ? 1 : a - b;
    };
    roots.sort(byStart2);
    for (const c of children) if (c && c.length > 1) c.sort(byStart2);
    const spans = [];
    const rootIndices = [];
    const newIndex = new Int32Array(n).fill(-1);
    let tStart;
    let tEnd;
    const stack = [];
    const depthOf = new Int32Array(n);
    const openSpans = [];
    for (const r of roots) {
      stack.push(r);
      while (stack.length) {
        const i2 = stack.pop();
        const d = parent[i2] >= 0 ? depthOf[parent[i2]] + 1 : 0;
        depthOf[i2] = d;
        while (openSpans.length && openSpans[openSpans.length - 1].depth >= d) openSpans.pop().obj.subtreeEnd = spans.length;
        const p = kept[i2];
        const raw = p.raw;
        const idx = spans.length;
        newIndex[i2] = idx;
        if (d === 0) rootIndices.push(idx);
        const span = {
          traceId,
          spanId: p.spanId,
          parentSpanId: p.parentId,
          name: raw.name ?? "",
          kind: raw.kind ?? SpanKind.Unspecified,
          startNs: p.startNs,
          endNs: p.endNs,
          status: raw.status ?? UNSET_STATUS,
          attributes: raw.attributes ?? Attributes.EMPTY,
          events: raw.events ?? NO_EVENTS2,
          links: raw.links ?? NO_LINKS2,
          resource: raw.resource ?? EMPTY_RESOURCE,
          scope: raw.scope ?? EMPTY_SCOPE,
          traceState: raw.traceState,
          flags: raw.flags,
          index: idx,
          parentIndex: parent[i2] >= 0 ? newIndex[parent[i2]] : -1,
          depth: d,
          subtreeEnd: idx + 1
        };
        spans.push(span);
        openSpans.push({ obj: span, depth: d });
        if (tStart === void 0 || span.startNs < tStart) tStart = span.startNs;
        if (tEnd === void 0 || span.endNs > tEnd) tEnd = span.endNs;
        if (span.parentIndex >= 0) {
          const par = spans[span.parentIndex];
          if (span.startNs < par.startNs) {
            diags.push(diag("clock-skew", `"${span.name}" starts ${fmtNs(par.startNs - span.startNs)} before its parent "${par.name}"`, { spanId: span.spanId, traceId }));
          }
        }
        const c = children[i2];
        if (c) for (let k = c.length - 1; k >= 0; k--) stack.push(c[k]);
      }
    }
    while (openSpans.length) openSpans.pop().obj.subtreeEnd = spans.length;
    const quarantined = this.perTraceQuarantine.get(traceId) ?? [];
    return {
      traceId,
      spans,
      rootIndices,
      startNs: tStart ?? 0n,
      endNs: tEnd ?? 0n,
      diagnostics: diags,
      quarantined,
      inputSpanCount: spans.length + quarantined.length
    };
  }
  /**
   * Missing start: borrow the earliest child start, else the parent's start. Missing end: the
   * latest child end, else the start. End before start: end = start. Children are visited
   * before parents for "earliest child", so this runs in reverse topological order.
   */
  repairTimes(kept, parent, traceId, diags) {
    const n = kept.length;
    const minChildStart = new Array(n);
    const maxChildEnd = new Array(n);
    for (let i2 = 0; i2 < n; i2++) {
      const pi = parent[i2];
      if (pi < 0) continue;
      const p = kept[i2];
      if (p.startNs !== void 0 && (minChildStart[pi] === void 0 || p.startNs < minChildStart[pi])) minChildStart[pi] = p.startNs;
      const e = p.endNs ?? p.startNs;
      if (e !== void 0 && (maxChildEnd[pi] === void 0 || e > maxChildEnd[pi])) maxChildEnd[pi] = e;
    }
    const at = (p) => ({ spanId: p.spanId, traceId, source: p.raw.source, repaired: true });
    for (let i2 = 0; i2 < n; i2++) {
      const p = kept[i2];
      const name = p.raw.name ?? "";
      if (p.startNs === void 0) {
        const borrowed = minChildStart[i2] ?? (parent[i2] >= 0 ? kept[parent[i2]].startNs : void 0);
        if (borrowed !== void 0) {
          p.startNs = borrowed;
          diags.push(diag("missing-start", `"${name}" has no start time; using ${minChildStart[i2] !== void 0 ? "its first child's" : "its parent's"} start`, at(p)));
        } else continue;
      }
      if (p.endNs === void 0) {
        const childEnd = maxChildEnd[i2];
        p.endNs = childEnd !== void 0 && childEnd > p.startNs ? childEnd : p.startNs;
        diags.push(diag("missing-end", `"${name}" has no end time; shown ${childEnd !== void 0 ? "ending with its last child" : "with zero duration"}`, at(p)));
      } else if (p.endNs < p.startNs) {
        diags.push(diag("negative-duration", `"${name}" ends ${fmtNs(p.startNs - p.endNs)} before it starts; shown with zero duration`, at(p)));
        p.endNs = p.startNs;
      }
    }
  }
};
function breakCycles(parent, kept, traceId, diags) {
  const n = parent.length;
  const state = new Uint8Array(n);
  const path = [];
  for (let s = 0; s < n; s++) {
    if (state[s]) continue;
    let i2 = s;
    while (i2 >= 0 && state[i2] === 0) {
      state[i2] = 1;
      path.push(i2);
      i2 = parent[i2];
    }
    if (i2 >= 0 && state[i2] === 1) {
      const names = [];
      for (let k = path.indexOf(i2); k < path.length; k++) names.push(`"${kept[path[k]].raw.name ?? ""}"`);
      parent[i2] = -1;
      diags.push(diag("parent-cycle", `parent links form a cycle (${names.join(" \u2192 ")}); "${kept[i2].raw.name ?? ""}" is shown as a root`, { spanId: kept[i2].spanId, traceId, repaired: true }));
    }
    for (const k of path) state[k] = 2;
    path.length = 0;
  }
}
function sameSpan(a, b) {
  return a.raw.name === b.raw.name && a.startNs === b.startNs && a.endNs === b.endNs && a.parentId === b.parentId;
}
function emptyTrace(traceId, quarantined, diagnostics) {
  return { traceId, spans: [], rootIndices: [], startNs: 0n, endNs: 0n, diagnostics, quarantined, inputSpanCount: quarantined.length };
}
function diag(code, message, extra = {}) {
  return { code, severity: DIAGNOSTIC_SEVERITY[code], message, ...extra };
}
function fmtNs(ns) {
  const ms = Number(ns) / 1e6;
  return ms >= 1e3 ? `${(ms / 1e3).toFixed(2)} s` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1e3).toFixed(1)} \xB5s`;
}

// src/core/import/otlpProto.ts
var FORMAT = "OTLP protobuf";
var LEN2 = 2;
var T_RESOURCE_SPANS = tagOf(1, LEN2);
var T_RESOURCE = tagOf(1, LEN2);
var T_SCOPE_SPANS = tagOf(2, LEN2);
var T_LIBRARY_SPANS = tagOf(1e3, LEN2);
var T_RESOURCE_ATTR = tagOf(1, LEN2);
var T_SCOPE = tagOf(1, LEN2);
var T_SPAN = tagOf(2, LEN2);
var T_SCOPE_NAME = tagOf(1, LEN2);
var T_SCOPE_VERSION = tagOf(2, LEN2);
var T_SCOPE_ATTR = tagOf(3, LEN2);
var T_TRACE_ID = tagOf(1, LEN2);
var T_SPAN_ID = tagOf(2, LEN2);
var T_TRACE_STATE = tagOf(3, LEN2);
var T_PARENT_ID = tagOf(4, LEN2);
var T_NAME = tagOf(5, LEN2);
var T_KIND = tagOf(6, 0);
var T_START = tagOf(7, 1);
var T_END = tagOf(8, 1);
var T_SPAN_ATTR = tagOf(9, LEN2);
var T_EVENT = tagOf(11, LEN2);
var T_LINK = tagOf(13, LEN2);
var T_STATUS = tagOf(15, LEN2);
var T_FLAGS = tagOf(16, 5);
var T_EVENT_TIME = tagOf(1, 1);
var T_EVENT_NAME = tagOf(2, LEN2);
var T_EVENT_ATTR = tagOf(3, LEN2);
var T_LINK_TRACE_ID = tagOf(1, LEN2);
var T_LINK_SPAN_ID = tagOf(2, LEN2);
var T_LINK_TRACE_STATE = tagOf(3, LEN2);
var T_LINK_ATTR = tagOf(4, LEN2);
var T_STATUS_MESSAGE = tagOf(2, LEN2);
var T_STATUS_CODE = tagOf(3, 0);
function readOtlpProto(bytes) {
  checkLooksLikeOtlp(bytes);
  const ctx = { r: new ProtoReader(bytes), builder: new TraceBuilder(), badKinds: 0, badStatusCodes: 0 };
  const r = ctx.r;
  const end = bytes.length;
  let ri = 0;
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === T_RESOURCE_SPANS) {
      const s = r.delimited(end);
      const e = r.pos;
      readResourceSpans2(ctx, s, e, `resourceSpans[${ri++}]`);
      r.pos = e;
    } else r.skip(tag & 7, end);
  }
  if (ctx.badKinds) ctx.builder.note("unsupported-value", `${ctx.badKinds} span(s) have a span kind outside 0\u20135; shown as unspecified`);
  if (ctx.badStatusCodes) ctx.builder.note("unsupported-value", `${ctx.badStatusCodes} span(s) have a status code outside 0\u20132; shown as unset`);
  return ctx.builder.build("otlp-proto", FORMAT);
}
function checkLooksLikeOtlp(bytes) {
  if (bytes.length === 0) return;
  const first = bytes[0];
  const wt = first & 7;
  if (first !== T_RESOURCE_SPANS) {
    const text = textPreview(bytes);
    if (text !== void 0) throw new ImportError(`not OTLP protobuf: the input is text ("${text}")`, 0, FORMAT);
    if (wt === 3 || wt === 4 || wt > 5) throw new ImportError(`not OTLP protobuf: wire type ${wt} at byte 0`, 0, FORMAT);
    const field = first < 128 ? String(first >>> 3) : "a multi-byte field number";
    throw new ImportError(`not OTLP protobuf: the input starts with field ${field} (wire type ${wt}), but an OTLP trace request starts with field 1 (resource_spans)${framingHint(bytes)}`, 0, FORMAT);
  }
  const r = new ProtoReader(bytes);
  r.tag(bytes.length);
  r.delimited(bytes.length);
}
function framingHint(bytes) {
  const be32 = (at) => (bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3]) >>> 0;
  if (bytes.length > 5 && bytes[0] <= 1 && bytes[5] === T_RESOURCE_SPANS && be32(1) === bytes.length - 5) {
    return "; it looks like a gRPC message frame (a 5-byte prefix before the protobuf message)";
  }
  if (bytes.length > 4 && bytes[4] === T_RESOURCE_SPANS && be32(0) <= bytes.length - 4) {
    return "; it looks like length-prefixed messages (each preceded by a 4-byte length, as the Collector file exporter writes with `format: proto`), which are not supported";
  }
  return "";
}
function textPreview(bytes) {
  const n = Math.min(bytes.length, 40);
  let s = "";
  for (let i2 = 0; i2 < n; i2++) {
    const c = bytes[i2];
    if (c === 10 || c === 13 || c === 9) s += " ";
    else if (c >= 32 && c < 127) s += String.fromCharCode(c);
    else return void 0;
  }
  return bytes.length > n ? s + "\u2026" : s;
}
function readResourceSpans2(ctx, s, e, where) {
  const r = ctx.r;
  let resStart = -1;
  let resEnd = -1;
  let hasScopeSpans = false;
  let hasLibrarySpans = false;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_RESOURCE) {
      resStart = r.delimited(e);
      resEnd = r.pos;
    } else {
      if (tag === T_SCOPE_SPANS) hasScopeSpans = true;
      else if (tag === T_LIBRARY_SPANS) hasLibrarySpans = true;
      r.skip(tag & 7, e);
    }
  }
  const resource = resStart < 0 ? EMPTY_RESOURCE : readResource2(ctx, resStart, resEnd, where + ".resource");
  const want = hasScopeSpans ? T_SCOPE_SPANS : T_LIBRARY_SPANS;
  const label = hasScopeSpans ? ".scopeSpans[" : ".instrumentationLibrarySpans[";
  if (hasScopeSpans && hasLibrarySpans) {
    ctx.builder.note("interpretation", `${where} has both scopeSpans and the deprecated instrumentationLibrarySpans; only scopeSpans were read, as the OpenTelemetry Collector does`, where);
  }
  r.pos = s;
  let si = 0;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === want) {
      const ss = r.delimited(e);
      const se = r.pos;
      readScopeSpans(ctx, ss, se, resource, where + label + si++ + "]");
      r.pos = se;
    } else r.skip(tag & 7, e);
  }
}
function readResource2(ctx, s, e, where) {
  try {
    const flat = decodeKeyValues(ctx.r.buf, s, e, T_RESOURCE_ATTR);
    const attributes = flat.length ? new Attributes(flat) : Attributes.EMPTY;
    return { attributes, serviceName: attributes.getString("service.name") };
  } catch (err2) {
    if (!(err2 instanceof ImportError)) throw err2;
    ctx.builder.note("unsupported-value", `${where} could not be read (${err2.message}); its spans are shown without resource attributes`, where);
    return EMPTY_RESOURCE;
  }
}
function readScope2(ctx, s, e, where) {
  const r = new ProtoReader(ctx.r.buf);
  try {
    let name = "";
    let version;
    let attrs = false;
    r.pos = s;
    while (r.pos < e) {
      const tag = r.tag(e);
      if (tag === T_SCOPE_NAME) name = r.string(r.delimited(e), r.pos);
      else if (tag === T_SCOPE_VERSION) version = r.string(r.delimited(e), r.pos) || void 0;
      else {
        if (tag === T_SCOPE_ATTR) attrs = true;
        r.skip(tag & 7, e);
      }
    }
    const attributes = attrs ? new Attributes(decodeKeyValues(r.buf, s, e, T_SCOPE_ATTR)) : Attributes.EMPTY;
    return { name, version, attributes };
  } catch (err2) {
    if (!(err2 instanceof ImportError)) throw err2;
    ctx.builder.note("unsupported-value", `${where} could not be read (${err2.message}); its spans are shown without scope`, where);
    return EMPTY_SCOPE;
  }
}
function readScopeSpans(ctx, s, e, resource, where) {
  const r = ctx.r;
  let scopeStart = -1;
  let scopeEnd = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_SCOPE) {
      scopeStart = r.delimited(e);
      scopeEnd = r.pos;
    } else r.skip(tag & 7, e);
  }
  const scope = scopeStart < 0 ? EMPTY_SCOPE : readScope2(ctx, scopeStart, scopeEnd, where + ".scope");
  const prefix = where + ".spans[";
  let pi = 0;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag !== T_SPAN) {
      r.skip(tag & 7, e);
      continue;
    }
    const ps = r.delimited(e);
    const pe = r.pos;
    const source = prefix + pi++ + "]";
    try {
      ctx.builder.addSpan(readSpan2(ctx, ps, pe, resource, scope, source));
    } catch (err2) {
      if (!(err2 instanceof ImportError)) throw err2;
      ctx.builder.addUnreadable(source, err2.message);
    }
    r.pos = pe;
  }
}
function readSpan2(ctx, s, e, resource, scope, source) {
  const r = ctx.r;
  const buf = r.buf;
  let traceId;
  let spanId;
  let parentSpanId;
  let traceState;
  let name = "";
  let kind;
  let startNs;
  let endNs;
  let status;
  let events;
  let links;
  let flags;
  let attrStart = -1;
  let attrEnd = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    switch (tag) {
      case T_TRACE_ID:
        traceId = idHex(buf, r.delimited(e), r.pos);
        break;
      case T_SPAN_ID:
        spanId = idHex(buf, r.delimited(e), r.pos);
        break;
      case T_PARENT_ID:
        parentSpanId = idHex(buf, r.delimited(e), r.pos);
        break;
      case T_TRACE_STATE:
        traceState = r.string(r.delimited(e), r.pos) || void 0;
        break;
      case T_NAME:
        name = r.string(r.delimited(e), r.pos);
        break;
      case T_KIND: {
        const k = r.varint32(e) | 0;
        if (k >= 0 && k <= 5) kind = k;
        else ctx.badKinds++;
        break;
      }
      case T_START:
        startNs = timeOrUndefined(r.fixed64(e));
        break;
      case T_END:
        endNs = timeOrUndefined(r.fixed64(e));
        break;
      case T_SPAN_ATTR: {
        const at = r.tagPos;
        const vs = r.delimited(e);
        const ve = r.pos;
        checkKeyValue(r, vs, ve, 0);
        r.pos = ve;
        if (attrStart < 0) attrStart = at;
        attrEnd = ve;
        break;
      }
      case T_EVENT: {
        const vs = r.delimited(e);
        const ve = r.pos;
        (events ??= []).push(readEvent(r, vs, ve));
        r.pos = ve;
        break;
      }
      case T_LINK: {
        const vs = r.delimited(e);
        const ve = r.pos;
        (links ??= []).push(readLink(r, vs, ve));
        r.pos = ve;
        break;
      }
      case T_STATUS: {
        const vs = r.delimited(e);
        const ve = r.pos;
        status = readStatus2(ctx, vs, ve);
        r.pos = ve;
        break;
      }
      case T_FLAGS:
        flags = r.fixed32(e);
        break;
      default:
        r.skip(tag & 7, e);
    }
  }
  const attributes = attrStart < 0 ? Attributes.EMPTY : lazyAttributes(r, attrStart, attrEnd, T_SPAN_ATTR);
  return { traceId, spanId, parentSpanId, name, kind, startNs, endNs, status, attributes, events, links, resource, scope, traceState, flags, source };
}
function idHex(buf, s, e) {
  return s === e ? void 0 : bytesToHex(buf.subarray(s, e));
}
function timeOrUndefined(ns) {
  return ns === 0n ? void 0 : ns;
}
function readStatus2(ctx, s, e) {
  const r = ctx.r;
  let code = 0;
  let message;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_STATUS_CODE) code = r.varint32(e) | 0;
    else if (tag === T_STATUS_MESSAGE) message = r.string(r.delimited(e), r.pos) || void 0;
    else r.skip(tag & 7, e);
  }
  if (code < 0 || code > 2) {
    ctx.badStatusCodes++;
    code = 0;
  }
  return message === void 0 ? { code } : { code, message };
}
function readEvent(r, s, e) {
  let timeNs = 0n;
  let name = "";
  let attrStart = -1;
  let attrEnd = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_EVENT_TIME) timeNs = r.fixed64(e);
    else if (tag === T_EVENT_NAME) name = r.string(r.delimited(e), r.pos);
    else if (tag === T_EVENT_ATTR) {
      const at = r.tagPos;
      const vs = r.delimited(e);
      const ve = r.pos;
      checkKeyValue(r, vs, ve, 0);
      r.pos = ve;
      if (attrStart < 0) attrStart = at;
      attrEnd = ve;
    } else r.skip(tag & 7, e);
  }
  const attributes = attrStart < 0 ? Attributes.EMPTY : lazyAttributes(r, attrStart, attrEnd, T_EVENT_ATTR);
  return { timeNs, name, attributes };
}
function readLink(r, s, e) {
  let traceId = "";
  let spanId = "";
  let traceState;
  let attrStart = -1;
  let attrEnd = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_LINK_TRACE_ID) traceId = bytesToHex(r.buf.subarray(r.delimited(e), r.pos));
    else if (tag === T_LINK_SPAN_ID) spanId = bytesToHex(r.buf.subarray(r.delimited(e), r.pos));
    else if (tag === T_LINK_TRACE_STATE) traceState = r.string(r.delimited(e), r.pos) || void 0;
    else if (tag === T_LINK_ATTR) {
      const at = r.tagPos;
      const vs = r.delimited(e);
      const ve = r.pos;
      checkKeyValue(r, vs, ve, 0);
      r.pos = ve;
      if (attrStart < 0) attrStart = at;
      attrEnd = ve;
    } else r.skip(tag & 7, e);
  }
  const attributes = attrStart < 0 ? Attributes.EMPTY : lazyAttributes(r, attrStart, attrEnd, T_LINK_ATTR);
  return traceState === void 0 ? { traceId, spanId, attributes } : { traceId, spanId, traceState, attributes };
}

// src/core/import/phoenix.ts
var phoenixImporter = {
  format: "phoenix",
  label: "Phoenix span JSON",
  sniff: (root2) => inputOf3(root2) !== void 0,
  read(root2, builder, source) {
    const input = inputOf3(root2);
    if (!input) throw new ImportError("not a Phoenix span list");
    const lossy = { seen: false };
    input.spans.forEach((s, i2) => {
      const at = `${source}${input.path}[${i2}]`;
      if (!isObject(s)) return builder.addUnreadable(at, "span is not an object");
      try {
        builder.addSpan(input.otlp ? otlpSpan(s, at, lossy) : phoenixSpan(s, at));
      } catch (e) {
        builder.addUnreadable(at, `could not be read (${e.message})`);
      }
    });
    if (lossy.seen) {
      builder.note("timestamp-precision", "timestamps are JSON numbers past 2^53 nanoseconds; their last digits were rounded when the JSON was parsed", source || void 0);
    }
    return input.otlp ? "Phoenix OTLP span JSON" : void 0;
  }
};
function isPhoenixSpan(v) {
  if (!isObject(v) || !isObject(v.context) || typeof v.name !== "string") return false;
  const id = v.context.span_id;
  return typeof id === "string" && !/^0x/i.test(id) && ("span_kind" in v || "status_code" in v || typeof v.start_time === "string");
}
function isOtlpSnakeSpan(v) {
  return isObject(v) && typeof v.span_id === "string" && typeof v.trace_id === "string" && ("start_time_unix_nano" in v || "end_time_unix_nano" in v);
}
function inputOf3(root2) {
  if (isPhoenixSpan(root2)) return { spans: [root2], path: "", otlp: false };
  if (Array.isArray(root2)) return isPhoenixSpan(root2[0]) ? { spans: root2, path: "", otlp: false } : void 0;
  if (isObject(root2) && Array.isArray(root2.data)) {
    const first = firstElement(root2.data);
    if (isPhoenixSpan(first)) return { spans: root2.data, path: "data", otlp: false };
    if (isOtlpSnakeSpan(first) && "next_cursor" in root2) return { spans: root2.data, path: "data", otlp: true };
  }
  return void 0;
}
function phoenixSpan(s, at) {
  const ctx = isObject(s.context) ? s.context : {};
  const flat = [];
  if (isObject(s.attributes)) flattenInto(flat, "", s.attributes);
  const kind = str(s.span_kind);
  if (kind && kind.toUpperCase() !== "UNKNOWN" && !hasKey(flat, "openinference.span.kind")) flat.push("openinference.span.kind", kind.toUpperCase());
  const gid = str(s.id);
  if (gid) flat.push("phoenix.span.global_id", gid);
  return {
    traceId: normalizeId(ctx.trace_id, 16),
    spanId: normalizeId(ctx.span_id, 8),
    parentSpanId: normalizeId(s.parent_id, 8),
    name: str(s.name),
    startNs: timeOf2(s.start_time),
    endNs: timeOf2(s.end_time),
    status: statusOf2(s.status_code, s.status_message),
    attributes: new Attributes(flat),
    events: Array.isArray(s.events) ? s.events.filter(isObject).map(eventOf) : [],
    source: at
  };
}
function otlpSpan(s, at, lossy) {
  const nanos = (v) => {
    const t = parseNanos(v);
    if (t?.lossy) lossy.seen = true;
    return t?.ns;
  };
  const st = isObject(s.status) ? s.status : {};
  const code = st.code;
  const events = [];
  if (Array.isArray(s.events)) {
    for (const e of s.events) {
      if (!isObject(e)) continue;
      const t = nanos(e.time_unix_nano);
      if (t !== void 0) events.push({ timeNs: t, name: str(e.name) ?? "", attributes: attributesFromJson(e.attributes) });
    }
  }
  return {
    traceId: normalizeId(s.trace_id, 16),
    spanId: normalizeId(s.span_id, 8),
    parentSpanId: normalizeId(s.parent_span_id, 8),
    name: str(s.name),
    startNs: nanos(s.start_time_unix_nano),
    endNs: nanos(s.end_time_unix_nano),
    status: code === 2 ? { code: StatusCode.Error, message: str(st.message) } : code === 1 ? { code: StatusCode.Ok } : { code: StatusCode.Unset },
    attributes: attributesFromJson(s.attributes),
    events,
    traceState: str(s.trace_state) || void 0,
    source: at
  };
}
function eventOf(e) {
  const flat = [];
  if (isObject(e.attributes)) flattenInto(flat, "", e.attributes);
  return { timeNs: timeOf2(e.timestamp) ?? 0n, name: str(e.name) ?? "", attributes: new Attributes(flat) };
}
function timeOf2(v) {
  if (typeof v === "string") return isoToNanos(v) ?? parseNanos(v)?.ns;
  return parseNanos(v)?.ns;
}
function statusOf2(code, message) {
  const c = typeof code === "string" ? code.toUpperCase() : "";
  if (c === "ERROR") return { code: StatusCode.Error, message: str(message) || void 0 };
  if (c === "OK") return { code: StatusCode.Ok };
  return { code: StatusCode.Unset };
}
function hasKey(flat, key) {
  for (let i2 = 0; i2 < flat.length; i2 += 2) if (flat[i2] === key) return true;
  return false;
}
function flattenInto(flat, prefix, obj) {
  for (const k of Object.keys(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    const v = obj[k];
    if (isObject(v)) flattenInto(flat, key, v);
    else if (Array.isArray(v) && v.length > 0 && v.every(isObject)) v.forEach((item, i2) => flattenInto(flat, `${key}.${i2}`, item));
    else flat.push(key, plainToAttr(v));
  }
}

// src/core/import/readableSpans.ts
var readableSpansImporter = {
  format: "otel-readable-spans",
  label: "OpenTelemetry JS ReadableSpan JSON",
  sniff: (root2) => inputOf4(root2) !== void 0,
  read(root2, builder, source) {
    const input = inputOf4(root2);
    if (!input) throw new ImportError("not a list of OpenTelemetry JS ReadableSpans");
    const resources = /* @__PURE__ */ new Map();
    input.spans.forEach((s, i2) => {
      const at = `${source}${input.path}[${i2}]`;
      if (!isObject(s)) return builder.addUnreadable(at, "span is not an object");
      try {
        builder.addSpan(spanOf2(s, at, resources));
      } catch (e) {
        builder.addUnreadable(at, `could not be read (${e.message})`);
      }
    });
  }
};
function contextOf(s) {
  const c = s.spanContext ?? s._spanContext;
  return isObject(c) ? c : void 0;
}
function isReadableSpan(v) {
  if (!isObject(v)) return false;
  const c = contextOf(v);
  return c !== void 0 && typeof c.spanId === "string" && typeof c.traceId === "string";
}
function inputOf4(root2) {
  if (Array.isArray(root2)) return isReadableSpan(root2[0]) ? { spans: root2, path: "" } : void 0;
  if (!isObject(root2)) return void 0;
  if (isReadableSpan(root2)) return { spans: [root2], path: "" };
  for (const k of Object.keys(root2)) {
    const v = root2[k];
    if (Array.isArray(v) && isReadableSpan(v[0])) return { spans: v, path: k };
  }
  return void 0;
}
function spanOf2(s, at, resources) {
  const ctx = contextOf(s) ?? {};
  const parentCtx = isObject(s.parentSpanContext) ? s.parentSpanContext : isObject(s._parentSpanContext) ? s._parentSpanContext : void 0;
  const parent = str(s.parentSpanId) || (parentCtx ? str(parentCtx.spanId) : void 0);
  const startNs = timeOf3(s.startTime);
  let endNs = timeOf3(s.endTime);
  if ((endNs === void 0 || endNs === 0n) && startNs !== void 0) {
    const d = timeOf3(s.duration ?? s._duration);
    endNs = d !== void 0 ? startNs + d : void 0;
  }
  return {
    traceId: normalizeId(ctx.traceId, 16),
    spanId: normalizeId(ctx.spanId, 8),
    parentSpanId: parent ? normalizeId(parent, 8) : void 0,
    name: str(s.name),
    kind: kindOf2(s.kind),
    startNs,
    endNs,
    status: statusOf3(s.status),
    attributes: attributesFromObject(s.attributes),
    events: Array.isArray(s.events) ? eventsOf2(s.events) : [],
    links: Array.isArray(s.links) ? linksOf2(s.links) : [],
    resource: resourceOf3(s.resource, resources),
    scope: scopeOf2(s.instrumentationScope ?? s.instrumentationLibrary),
    traceState: str(ctx.traceState) || void 0,
    flags: typeof ctx.traceFlags === "number" ? ctx.traceFlags : void 0,
    source: at
  };
}
function timeOf3(v) {
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === "number" && typeof v[1] === "number" && Number.isFinite(v[0]) && Number.isFinite(v[1])) {
    return hrTimeToNanos([v[0], v[1]]);
  }
  if (typeof v === "number" && Number.isFinite(v)) return millisToNanos(v);
  if (typeof v === "string") return isoToNanos(v);
  return void 0;
}
function kindOf2(v) {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 4) return v + 1;
  if (typeof v === "string") {
    const i2 = ["INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"].indexOf(v.toUpperCase());
    if (i2 >= 0) return i2 + 1;
  }
  return SpanKind.Unspecified;
}
function statusOf3(v) {
  if (!isObject(v)) return { code: StatusCode.Unset };
  if (v.code === 2) return { code: StatusCode.Error, message: str(v.message) || void 0 };
  if (v.code === 1) return { code: StatusCode.Ok };
  return { code: StatusCode.Unset };
}
function eventsOf2(list) {
  const out = [];
  for (const e of list) {
    if (!isObject(e)) continue;
    const t = timeOf3(e.time);
    if (t !== void 0) out.push({ timeNs: t, name: str(e.name) ?? "", attributes: attributesFromObject(e.attributes) });
  }
  return out;
}
function linksOf2(list) {
  const out = [];
  for (const l of list) {
    if (!isObject(l) || !isObject(l.context)) continue;
    const traceId = normalizeId(l.context.traceId, 16);
    const spanId = normalizeId(l.context.spanId, 8);
    if (traceId && spanId) out.push({ traceId, spanId, traceState: str(l.context.traceState) || void 0, attributes: attributesFromObject(l.attributes) });
  }
  return out;
}
function resourceAttributes(r) {
  for (const k of ["attributes", "_memoizedAttributes", "_attributes", "_syncAttributes"]) {
    if (isObject(r[k])) return r[k];
  }
  if (Array.isArray(r._rawAttributes)) {
    const rec = /* @__PURE__ */ Object.create(null);
    for (const pair of r._rawAttributes) {
      if (Array.isArray(pair) && typeof pair[0] === "string" && !isObject(pair[1])) rec[pair[0]] = pair[1];
    }
    return rec;
  }
  return void 0;
}
function resourceOf3(v, cache) {
  const attrs = isObject(v) ? resourceAttributes(v) : void 0;
  if (!attrs) return EMPTY_RESOURCE;
  const key = jsonText3(attrs);
  let r = cache.get(key);
  if (!r) {
    const rec = newAttrMap();
    for (const k of Object.keys(attrs)) rec[k] = plainToAttr(attrs[k]);
    cache.set(key, r = { attributes: Attributes.fromRecord(rec), serviceName: str(attrs["service.name"]) });
  }
  return r;
}
function scopeOf2(v) {
  if (!isObject(v)) return EMPTY_SCOPE;
  return { name: str(v.name) ?? "", version: str(v.version), attributes: attributesFromObject(v.attributes) };
}
function jsonText3(v) {
  return JSON.stringify(v, (_k, x2) => typeof x2 === "bigint" ? x2.toString() : x2);
}

// src/core/import/zipkin.ts
var zipkinImporter = {
  format: "zipkin",
  label: "Zipkin v2 JSON",
  sniff(root2) {
    return isZipkinSpan(firstSpan(root2));
  },
  read(root2, builder, source) {
    const recs = [];
    const collect2 = (list, at) => list.forEach((s, i2) => {
      if (isObject(s)) recs.push(toRec(s, `${at}[${i2}]`));
      else builder.addUnreadable(`${at}[${i2}]`, "not a span object");
    });
    if (Array.isArray(root2)) {
      if (root2.some(Array.isArray)) {
        root2.forEach((t, i2) => {
          if (Array.isArray(t)) collect2(t, `${source}[${i2}]`);
          else if (isObject(t)) recs.push(toRec(t, `${source}[${i2}]`));
          else builder.addUnreadable(`${source}[${i2}]`, "not a span or span array");
        });
      } else collect2(root2, source);
    } else if (isObject(root2)) recs.push(toRec(root2, source ? source.replace(/: $/, "") : "span"));
    else builder.addUnreadable(source || "input", "not a Zipkin span");
    unifyTraceIds(recs);
    const stats = resolveSharedIds(recs);
    const resources = /* @__PURE__ */ new Map();
    const scopes = /* @__PURE__ */ new Map();
    for (const late of [false, true]) {
      for (const r of recs) if (r.late === late) builder.addSpan(toRawSpan(r, resources, scopes));
    }
    if (stats.ids > 0) builder.note("interpretation", describeShared(stats));
  }
};
function firstSpan(root2) {
  if (!Array.isArray(root2)) return root2;
  const first = root2[0];
  if (!Array.isArray(first)) return first;
  return root2.find((t) => Array.isArray(t) && t.length > 0)?.[0];
}
var HEX2 = /^[0-9a-fA-F]{1,32}$/;
var FOREIGN_KEYS = ["context", "spanContext", "_spanContext", "startTime", "start_time", "spanID", "traceID", "operationName", "observations", "type"];
function isZipkinSpan(v) {
  if (!isObject(v) || typeof v.traceId !== "string" || typeof v.id !== "string") return false;
  if (!HEX2.test(v.traceId) || !HEX2.test(v.id)) return false;
  if (v.timestamp !== void 0 && typeof v.timestamp !== "number") return false;
  return !FOREIGN_KEYS.some((k) => k in v);
}
function toRec(s, source) {
  const start = readMicros(s.timestamp);
  return {
    s,
    source,
    traceId: lowerHex(s.traceId),
    id: lowerHex(s.id),
    parentId: lowerHex(s.parentId),
    kind: str(s.kind)?.toUpperCase(),
    local: readEndpoint(s.localEndpoint),
    // Zipkin treats a zero timestamp as absent.
    startNs: start !== void 0 && start > 0n ? start : void 0,
    late: false
  };
}
function lowerHex(v) {
  return typeof v === "string" && v !== "" ? v.toLowerCase() : void 0;
}
function readEndpoint(v) {
  if (!isObject(v)) return void 0;
  const e = { serviceName: str(v.serviceName), ipv4: str(v.ipv4), ipv6: str(v.ipv6), port: typeof v.port === "number" ? v.port : void 0 };
  return e.serviceName === void 0 && e.ipv4 === void 0 && e.ipv6 === void 0 && e.port === void 0 ? void 0 : e;
}
function unifyTraceIds(recs) {
  const longByLow = /* @__PURE__ */ new Map();
  for (const r of recs) {
    if (r.traceId?.length !== 32) continue;
    const low = r.traceId.slice(16);
    const prev = longByLow.get(low);
    if (prev === void 0) longByLow.set(low, r.traceId);
    else if (prev !== r.traceId) longByLow.set(low, null);
  }
  if (longByLow.size === 0) return;
  for (const r of recs) {
    const long = r.traceId?.length === 16 ? longByLow.get(r.traceId) : void 0;
    if (long) r.traceId = long;
  }
}
function resolveSharedIds(recs) {
  const stats = { ids: 0, halves: 0, fragments: 0, attached: 0 };
  const groups = /* @__PURE__ */ new Map();
  for (const r of recs) {
    if (r.id === void 0) continue;
    const key = `${r.traceId}/${r.id}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const derive = new IdDeriver(groups.keys());
  const shared = /* @__PURE__ */ new Map();
  for (const [key, g] of groups) {
    if (g.length < 2) continue;
    const hasClient = g.some((r) => r.kind === "CLIENT");
    const halves = g.filter((r) => r.s.shared === true && r.kind !== "CLIENT" || r.kind === "SERVER" && hasClient);
    if (halves.length === 0) continue;
    let others = g.filter((r) => !halves.includes(r));
    const fragments = others.filter((r) => r.kind === void 0 && halves.some((h) => sameHost(r.local, h.local, false)));
    halves.push(...fragments);
    others = others.filter((r) => !fragments.includes(r));
    const anchor = others.find((r) => r.kind === "CLIENT") ?? others[0] ?? halves.find((h) => h.startNs !== void 0) ?? halves[0];
    const anchorIsHalf = halves.includes(anchor);
    for (const h of halves) {
      if (h === anchor) continue;
      h.spanId = derive.idFor(key, h);
      h.sharedId = h.id;
      h.parentId = anchorIsHalf ? h.parentId : h.id;
      if (fragments.includes(h)) stats.fragments++;
      else stats.halves++;
    }
    for (const o of others) if (o !== anchor) o.late = true;
    shared.set(key, { anchor, halves });
    stats.ids++;
  }
  for (const r of recs) {
    if (r.parentId === void 0 || r.sharedId !== void 0) continue;
    const g = shared.get(`${r.traceId}/${r.parentId}`);
    if (!g || g.halves.includes(r) || g.anchor === r) continue;
    const target = attachTo(r, g);
    if (target !== g.anchor) {
      r.parentId = target.spanId ?? target.id;
      stats.attached++;
    }
  }
  return stats;
}
function attachTo(r, g) {
  const onEndpoint = g.halves.filter((h) => sameHost(r.local, h.local, false));
  if (onEndpoint.length) return closestBefore(r, onEndpoint);
  if (sameHost(r.local, g.anchor.local, false)) return g.anchor;
  const onHost = g.halves.filter((h) => sameHost(r.local, h.local, true));
  return onHost.length ? closestBefore(r, onHost) : g.anchor;
}
function sameHost(a, b, ignoreService) {
  if (!a || !b) return false;
  let equal = 0;
  for (const k of ignoreService ? ["ipv4", "ipv6", "port"] : ["serviceName", "ipv4", "ipv6", "port"]) {
    const x2 = a[k], y = b[k];
    if (x2 === void 0 || y === void 0) continue;
    if (x2 !== y) return false;
    equal++;
  }
  return equal > 0;
}
function closestBefore(r, candidates) {
  const exact = candidates.filter((h) => endpointKey(h.local) === endpointKey(r.local));
  const pool = exact.length ? exact : candidates;
  let best;
  for (const h of pool) {
    if (h.startNs === void 0 || r.startNs !== void 0 && h.startNs > r.startNs) continue;
    if (!best || h.startNs > best.startNs) best = h;
  }
  if (best) return best;
  for (const h of pool) if (h.startNs !== void 0 && (!best || h.startNs < best.startNs)) best = h;
  return best ?? pool[0];
}
function endpointKey(e) {
  return e ? `${e.serviceName ?? ""}|${e.ipv4 ?? ""}|${e.ipv6 ?? ""}|${e.port ?? ""}` : "";
}
var IdDeriver = class {
  used;
  byKey = /* @__PURE__ */ new Map();
  constructor(inputIds) {
    this.used = new Set(inputIds);
  }
  idFor(groupKey, h) {
    const key = `${groupKey}/${endpointKey(h.local)}/${h.startNs ?? ""}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const traceId = groupKey.slice(0, groupKey.indexOf("/"));
    let salt = "";
    let id = deriveSpanId(key);
    while (this.used.has(`${traceId}/${id}`) || /^0+$/.test(id)) id = deriveSpanId(key + (salt += "+"));
    this.used.add(`${traceId}/${id}`);
    this.byKey.set(key, id);
    return id;
  }
};
function deriveSpanId(key) {
  return fnv1a32(key, 2166136261) + fnv1a32(key, 84696351);
}
function fnv1a32(s, basis) {
  let h = basis;
  for (let i2 = 0; i2 < s.length; i2++) h = Math.imul(h ^ s.charCodeAt(i2), 16777619);
  return (h >>> 0).toString(16).padStart(8, "0");
}
function describeShared(s) {
  let msg = `${s.ids} Zipkin span id${s.ids === 1 ? " is" : "s are"} shared by a client span and the server span answering it; the ${s.halves} server halves are shown as children of their client under derived ids (the original is in zipkin.shared_span_id)`;
  if (s.fragments) msg += `; ${s.fragments} kind-less record${s.fragments === 1 ? "" : "s"} with such an id, reported from a server half's endpoint, ${s.fragments === 1 ? "is" : "are"} shown the same way`;
  if (s.attached) msg += `; ${s.attached} span${s.attached === 1 ? "" : "s"} whose parent is a shared id ${s.attached === 1 ? "was" : "were"} attached to the server half on ${s.attached === 1 ? "its" : "their"} endpoint`;
  return msg;
}
var KINDS3 = { CLIENT: SpanKind.Client, SERVER: SpanKind.Server, PRODUCER: SpanKind.Producer, CONSUMER: SpanKind.Consumer };
function toRawSpan(r, resources, scopes) {
  const s = r.s;
  const flat = [];
  const remote = readEndpoint(s.remoteEndpoint);
  if (remote?.serviceName !== void 0) flat.push("peer.service", remote.serviceName);
  if (remote && (remote.ipv4 ?? remote.ipv6) !== void 0) flat.push("network.peer.address", remote.ipv4 ?? remote.ipv6);
  if (remote?.port !== void 0) flat.push("network.peer.port", remote.port);
  if (isObject(s.tags)) for (const k of Object.keys(s.tags)) flat.push(k, plainToAttr(s.tags[k]));
  if (r.sharedId !== void 0) flat.push("zipkin.shared_span_id", r.sharedId);
  if (s.debug === true) flat.push("zipkin.debug", true);
  const attributes = new Attributes(flat);
  const duration = readMicros(s.duration);
  const scope = scopeFromTags(attributes);
  return {
    traceId: r.traceId,
    spanId: r.spanId ?? r.id,
    parentSpanId: r.parentId,
    name: str(s.name),
    kind: r.kind !== void 0 && Object.hasOwn(KINDS3, r.kind) ? KINDS3[r.kind] : SpanKind.Unspecified,
    startNs: r.startNs,
    endNs: r.startNs !== void 0 && duration !== void 0 ? r.startNs + duration : void 0,
    status: statusFromTags(attributes, true),
    attributes,
    events: readAnnotations(s.annotations, r.startNs),
    resource: resourceFor(r.local, resources),
    scope: scope ? shareScope(scope, scopes) : EMPTY_SCOPE,
    source: r.source
  };
}
function readAnnotations(list, spanStart) {
  if (!Array.isArray(list) || list.length === 0) return void 0;
  const events = [];
  for (const a of list) {
    if (!isObject(a)) continue;
    const timeNs = readMicros(a.timestamp) ?? spanStart;
    if (timeNs === void 0) continue;
    events.push({ timeNs, name: a.value === void 0 ? "annotation" : String(a.value), attributes: Attributes.EMPTY });
  }
  return events;
}
function resourceFor(e, cache) {
  if (!e) return void 0;
  const key = endpointKey(e);
  let r = cache.get(key);
  if (r) return r;
  const rec = newAttrMap();
  if (e.serviceName !== void 0) rec["service.name"] = e.serviceName;
  if ((e.ipv4 ?? e.ipv6) !== void 0) rec["network.local.address"] = e.ipv4 ?? e.ipv6;
  if (e.port !== void 0) rec["network.local.port"] = e.port;
  cache.set(key, r = { attributes: Attributes.fromRecord(rec), serviceName: e.serviceName });
  return r;
}
function shareScope(scope, cache) {
  const key = `${scope.name}\0${scope.version ?? ""}`;
  let s = cache.get(key);
  if (!s) cache.set(key, s = scope);
  return s;
}

// src/core/import/index.ts
var JSON_IMPORTERS = [
  otlpJsonImporter,
  jaegerImporter,
  langfuseImporter,
  anyAgentImporter,
  readableSpansImporter,
  phoenixImporter,
  zipkinImporter
];
var MAX_INFLATED_BYTES = 1024 * 1024 * 1024;
function importTrace(bytes, opts = {}) {
  if (bytes.length >= 2 && bytes[0] === 31 && bytes[1] === 139) return importTrace(gunzip(bytes), opts);
  if (bytes.length === 0) throw new ImportError("the file is empty");
  if (looksLikeJson(bytes)) return importJson(bytes);
  return readOtlpProto(bytes);
}
function gunzip(bytes) {
  const n = bytes.length;
  const isize = (bytes[n - 4] | bytes[n - 3] << 8 | bytes[n - 2] << 16 | bytes[n - 1] << 24) >>> 0;
  if (isize > MAX_INFLATED_BYTES) throw new ImportError(`gzip content would inflate to ${isize.toLocaleString("en-US")} bytes, over the ${MAX_INFLATED_BYTES.toLocaleString("en-US")}-byte limit`);
  try {
    return gunzipSync(bytes);
  } catch (e) {
    throw new ImportError(`corrupt gzip data (${e.message})`);
  }
}
function parseJson(bytes) {
  try {
    return readJson(bytes);
  } catch (e) {
    if (e instanceof ImportError) throw new ImportError(e.message, e.offset, "JSON");
    throw e;
  }
}
function importJson(bytes) {
  let input = parseJson(bytes);
  let root2 = input.kind === "document" ? input.value : input.first;
  const importer = JSON_IMPORTERS.find((imp) => safeSniff(imp, root2));
  if (!importer) throw new ImportError(`not a recognised trace format (tried ${JSON_IMPORTERS.map((i2) => i2.label).join(", ")}); ${describeShape(root2)}`);
  if (importer.exactIntegers) {
    const exact = quoteLongIntegers(bytes);
    if (exact) {
      input = parseJson(exact);
      root2 = input.kind === "document" ? input.value : input.first;
    }
  }
  const builder = new TraceBuilder();
  let label = void 0;
  if (input.kind === "document") {
    label = importer.read(root2, builder, "");
  } else {
    for (const line of input.lines()) {
      if (line.error !== void 0) builder.addUnreadable(`line ${line.line}`, line.error);
      else label = importer.read(line.value, builder, `line ${line.line}: `) ?? label;
    }
    label = `${label || importer.label} (JSON Lines)`;
  }
  if (invalidUtf8Seen()) builder.note("invalid-utf8", "the file contains bytes that are not valid UTF-8; they are shown as U+FFFD (\uFFFD)");
  return builder.build(input.kind === "lines" && importer.format === "otlp-json" ? "otlp-jsonl" : importer.format, label || importer.label);
}
function safeSniff(imp, root2) {
  try {
    return imp.sniff(root2);
  } catch {
    return false;
  }
}
function describeShape(root2) {
  if (Array.isArray(root2)) {
    const first = root2[0];
    if (first && typeof first === "object" && !Array.isArray(first)) return `it is an array of objects with keys ${keyList(first)}`;
    return `it is an array of ${root2.length} ${root2.length ? typeof first : ""} values`.replace(/  /g, " ");
  }
  if (root2 && typeof root2 === "object") return `the top level is an object with keys ${keyList(root2)}`;
  return `the top level is a ${root2 === null ? "null" : typeof root2}`;
}
function keyList(o) {
  const keys = Object.keys(o);
  return keys.length ? keys.slice(0, 8).map((k) => JSON.stringify(k)).join(", ") + (keys.length > 8 ? ", \u2026" : "") : "(none)";
}

// src/core/semantics/records.ts
var NO_MESSAGES = Object.freeze([]);
var LlmCallRecord = class {
  constructor(spanIndex, model, provider, input, output, usage, cost, outputRaw) {
    this.spanIndex = spanIndex;
    this.usage = usage;
    this.cost = cost;
    this.#outputRaw = outputRaw;
    if (model !== void 0) this.model = model;
    if (provider !== void 0) this.provider = provider;
    this.#input = input ?? NO_MESSAGES;
    this.#output = output ?? NO_MESSAGES;
  }
  spanIndex;
  usage;
  cost;
  model;
  provider;
  #input;
  #output;
  #outputRaw;
  get input() {
    if (typeof this.#input === "function") this.#input = this.#input();
    return this.#input;
  }
  get output() {
    if (typeof this.#output === "function") this.#output = this.#output();
    return this.#output;
  }
  /**
   * Whether the output asks for tool call `id`, answered from the raw JSON text while the
   * output is unparsed (a quoted id in it is taken as the request: ids are distinctive), so
   * linking tools to calls need not parse every output.
   */
  requestsCallId(id) {
    const raw = this.#outputRaw;
    if (typeof this.#output === "function" && typeof raw === "string") {
      if (!raw.includes(id)) return false;
      const quoted = JSON.stringify(id);
      return raw.includes(quoted) || raw.includes(JSON.stringify(quoted).slice(1, -1));
    }
    for (const m of this.output) for (const r of m.toolCalls) if (r.id === id) return true;
    return false;
  }
  toJSON() {
    return { spanIndex: this.spanIndex, model: this.model, provider: this.provider, input: this.input, output: this.output, usage: this.usage, cost: this.cost };
  }
};
var UNSET = /* @__PURE__ */ Symbol("unset");
var ToolExecutionRecord = class {
  constructor(spanIndex, name, args, result) {
    this.spanIndex = spanIndex;
    this.name = name;
    this.#argsThunk = args;
    this.#resultThunk = result;
  }
  spanIndex;
  name;
  callId;
  status = "unset";
  error;
  requestedBy;
  #args = UNSET;
  #argsThunk;
  #result = UNSET;
  #resultThunk;
  get arguments() {
    if (this.#args === UNSET) this.#args = this.#argsThunk ? this.#argsThunk() : void 0;
    return this.#args;
  }
  set arguments(v) {
    this.#args = v;
  }
  get result() {
    if (this.#result === UNSET) this.#result = this.#resultThunk ? this.#resultThunk() : void 0;
    return this.#result;
  }
  set result(v) {
    this.#result = v;
  }
  toJSON() {
    return {
      spanIndex: this.spanIndex,
      name: this.name,
      callId: this.callId,
      arguments: this.arguments,
      result: this.result,
      status: this.status,
      error: this.error,
      requestedBy: this.requestedBy
    };
  }
};
var IterationRecord = class {
  constructor(index, llmCall, toolExecutions, unexecuted2) {
    this.index = index;
    this.llmCall = llmCall;
    this.toolExecutions = toolExecutions;
    this.#unexecuted = unexecuted2;
  }
  index;
  llmCall;
  toolExecutions;
  #unexecuted;
  get unexecutedRequests() {
    if (typeof this.#unexecuted === "function") this.#unexecuted = this.#unexecuted();
    return this.#unexecuted;
  }
  toJSON() {
    return { index: this.index, llmCall: this.llmCall, toolExecutions: this.toolExecutions, unexecutedRequests: this.unexecutedRequests };
  }
};

// src/core/semantics/prices.ts
var PRICES_AS_OF = "2026-11-01";
var P = (input, output, cachedInput) => cachedInput === void 0 ? { input, output } : { input, output, cachedInput };
var PRICE_TABLE = Object.freeze({
  // OpenAI
  "gpt-4o": P(2.5, 10, 1.25),
  "gpt-4o-2024-05-13": P(5, 15),
  // the first gpt-4o snapshot kept its launch price
  "gpt-4o-mini": P(0.15, 0.6, 0.075),
  "gpt-4.1": P(2, 8, 0.5),
  "gpt-4.1-mini": P(0.4, 1.6, 0.1),
  "gpt-4.1-nano": P(0.1, 0.4, 0.025),
  "gpt-4-turbo": P(10, 30),
  "gpt-4": P(30, 60),
  "gpt-3.5-turbo": P(0.5, 1.5),
  o1: P(15, 60, 7.5),
  "o1-mini": P(1.1, 4.4, 0.55),
  o3: P(2, 8, 0.5),
  "o3-mini": P(1.1, 4.4, 0.55),
  "o3-pro": P(20, 80),
  "o4-mini": P(1.1, 4.4, 0.275),
  "gpt-5": P(1.25, 10, 0.125),
  "gpt-5-chat": P(1.25, 10, 0.125),
  "gpt-5-codex": P(1.25, 10, 0.125),
  "gpt-5-mini": P(0.25, 2, 0.025),
  "gpt-5-nano": P(0.05, 0.4, 5e-3),
  "gpt-5.1": P(1.25, 10, 0.125),
  "text-embedding-3-small": P(0.02, 0),
  "text-embedding-3-large": P(0.13, 0),
  "text-embedding-ada-002": P(0.1, 0),
  // Anthropic
  "claude-3-haiku": P(0.25, 1.25, 0.03),
  "claude-3-opus": P(15, 75, 1.5),
  "claude-3-5-haiku": P(0.8, 4, 0.08),
  "claude-3-5-sonnet": P(3, 15, 0.3),
  "claude-3-7-sonnet": P(3, 15, 0.3),
  "claude-sonnet-4": P(3, 15, 0.3),
  "claude-sonnet-4-5": P(3, 15, 0.3),
  "claude-haiku-4-5": P(1, 5, 0.1),
  "claude-opus-4": P(15, 75, 1.5),
  "claude-opus-4-1": P(15, 75, 1.5),
  "claude-opus-4-5": P(5, 25, 0.5),
  // Google
  "gemini-1.5-pro": P(1.25, 5, 0.3125),
  "gemini-1.5-flash": P(0.075, 0.3, 0.01875),
  "gemini-1.5-flash-8b": P(0.0375, 0.15, 0.01),
  "gemini-2.0-flash": P(0.1, 0.4, 0.025),
  "gemini-2.0-flash-lite": P(0.075, 0.3),
  "gemini-2.5-pro": P(1.25, 10, 0.125),
  "gemini-2.5-flash": P(0.3, 2.5, 0.03),
  "gemini-2.5-flash-lite": P(0.1, 0.4, 0.01),
  // Mistral
  "mistral-small": P(0.1, 0.3),
  "mistral-medium": P(0.4, 2),
  "mistral-large": P(2, 6)
});
var VERSION_SEGMENT = /^(latest|preview|exp|experimental|v\d+|\d{2,})$/;
var CATALOGUE_PREFIX = /^(?:[a-z]{2}\.)?(?:anthropic|meta|mistral|amazon|cohere|ai21|openai|google)\./;
function modelNameCandidates(model) {
  let name = model.trim().toLowerCase();
  const out = [name];
  name = name.slice(name.lastIndexOf("/") + 1);
  const at = name.indexOf("@");
  if (at > 0) name = name.slice(0, at);
  const colon = name.indexOf(":");
  if (colon > 0) name = name.slice(0, colon);
  name = name.replace(CATALOGUE_PREFIX, "");
  if (name.startsWith("claude")) name = name.replace(/(\d)\.(\d)/g, "$1-$2");
  for (; ; ) {
    if (out[out.length - 1] !== name) out.push(name);
    const dash = name.lastIndexOf("-");
    if (dash <= 0 || !VERSION_SEGMENT.test(name.slice(dash + 1))) break;
    name = name.slice(0, dash);
  }
  return out;
}
var NO_OVERRIDES = Object.freeze({});
var matchCache = /* @__PURE__ */ new WeakMap();
function findPrice(model, overrides) {
  const key = overrides ?? NO_OVERRIDES;
  let cache = matchCache.get(key);
  if (!cache) matchCache.set(key, cache = /* @__PURE__ */ new Map());
  let m = cache.get(model);
  if (m === void 0) {
    if (cache.size > 1e4) cache.clear();
    m = lookupPrice(model, overrides) ?? null;
    cache.set(model, m);
  }
  return m ?? void 0;
}
function lookupPrice(model, overrides) {
  const over = overrides ? normaliseOverrides(overrides) : void 0;
  for (const name of modelNameCandidates(model)) {
    const o = over?.get(name);
    if (o) return { key: name, price: o, date: "settings" };
    if (Object.prototype.hasOwnProperty.call(PRICE_TABLE, name)) return { key: name, price: PRICE_TABLE[name], date: PRICES_AS_OF };
  }
  return void 0;
}
var overrideCache = /* @__PURE__ */ new WeakMap();
function normaliseOverrides(overrides) {
  let m = overrideCache.get(overrides);
  if (!m) {
    m = /* @__PURE__ */ new Map();
    for (const k of Object.keys(overrides)) {
      const p = overrides[k];
      if (p && Number.isFinite(p.input) && Number.isFinite(p.output)) m.set(k.trim().toLowerCase(), p);
    }
    overrideCache.set(overrides, m);
  }
  return m;
}
function priceUsage(usage, price) {
  const output = usage.output ?? 0;
  const input = usage.input ?? (usage.total !== void 0 ? Math.max(0, usage.total - output) : 0);
  const cached = Math.min(usage.cachedInput ?? 0, input);
  return ((input - cached) * price.input + cached * (price.cachedInput ?? price.input) + output * price.output) / 1e6;
}
function hasTokens(usage) {
  return (usage.input ?? 0) > 0 || (usage.output ?? 0) > 0 || (usage.total ?? 0) > 0;
}
function costOf(usage, model, vendorUsd, overrides) {
  const tokens = hasTokens(usage);
  if (vendorUsd !== void 0 && vendorUsd >= 0 && (vendorUsd > 0 || !tokens)) return { usd: vendorUsd, source: "vendor" };
  if (!tokens) return { usd: null, source: "no-usage" };
  const match = model !== void 0 ? findPrice(model, overrides) : void 0;
  if (!match) return { usd: null, source: "unpriced" };
  return { usd: priceUsage(usage, match.price), source: "price-table", priceKey: match.key, priceDate: match.date };
}

// src/core/semantics/facts.ts
var Has = {
  genai: 1,
  // gen_ai.*
  llm: 2,
  // llm.* (OpenInference, Traceloop)
  vercel: 4,
  // ai.*
  openinference: 8,
  // openinference.*, input.*/output.*, tool.*, embedding.*
  traceloop: 16,
  // traceloop.*
  langfuse: 32,
  // langfuse.*
  pydantic: 64,
  // pydantic_ai.*, agent_name, tool_arguments, tool_response, final_result, logfire.msg
  operation: 128,
  // operation.name / operation.cost
  // Sub-families, so readers need not scan keys again:
  genaiUsage: 256,
  // gen_ai.usage.*
  flatPrompt: 512,
  // gen_ai.prompt.<i>.*
  flatCompletion: 1024,
  // gen_ai.completion.<i>.*
  oiInputMessages: 2048,
  // llm.input_messages.*
  oiOutputMessages: 4096,
  // llm.output_messages.*
  oiTokens: 8192,
  // llm.token_count.*
  lfUsage: 16384,
  // langfuse.observation.usage_details.*
  lfCost: 32768
  // langfuse.observation.cost_details.*
};
var SpanFacts = class {
  constructor(span, flags) {
    this.span = span;
    this.flags = flags;
  }
  span;
  flags;
  /** The value of `key` (the last one when the key repeats, as OTLP says). */
  get(key) {
    return this.span.attributes.get(key);
  }
  /** Attributes whose key starts with `prefix`, in attribute order. */
  withPrefix(prefix) {
    return this.span.attributes.withPrefix(prefix);
  }
};
function readSpanFacts(span) {
  let flags = 0;
  for (const key of span.attributes.keys()) {
    const bit = familyOf(key);
    if (bit !== 0) flags |= bit | subFamilyOf(bit, key);
  }
  return new SpanFacts(span, flags);
}
function familyOf(key) {
  switch (key.charCodeAt(0)) {
    case 103:
      return key.startsWith("gen_ai.") ? Has.genai : 0;
    case 108:
      if (key.startsWith("llm.")) return Has.llm;
      if (key.startsWith("langfuse.")) return Has.langfuse;
      return key === "logfire.msg" ? Has.pydantic : 0;
    case 97:
      if (key.startsWith("ai.")) return Has.vercel;
      return key === "agent_name" || key === "agent.name" ? Has.pydantic : 0;
    case 111:
      if (key.startsWith("openinference.") || key.startsWith("output.")) return Has.openinference;
      return key === "operation.name" || key === "operation.cost" ? Has.operation : 0;
    case 116:
      if (key.startsWith("traceloop.")) return Has.traceloop;
      if (key.startsWith("tool.")) return Has.openinference;
      return key === "tool_arguments" || key === "tool_response" ? Has.pydantic : 0;
    case 105:
      return key.startsWith("input.") ? Has.openinference : 0;
    case 101:
      if (key === "error.type") return Has.genai;
      return key.startsWith("embedding.") ? Has.openinference : 0;
    case 112:
      return key.startsWith("pydantic_ai.") ? Has.pydantic : 0;
    case 102:
      return key === "final_result" ? Has.pydantic : 0;
    case 109:
      return key === "model_name" ? Has.pydantic : 0;
    default:
      return 0;
  }
}
function subFamilyOf(bit, key) {
  if (bit === Has.genai) {
    if (key.startsWith("gen_ai.usage.")) return Has.genaiUsage;
    if (key.startsWith("gen_ai.prompt.")) return isDigit(key, 14) ? Has.flatPrompt : 0;
    if (key.startsWith("gen_ai.completion.")) return isDigit(key, 18) ? Has.flatCompletion : 0;
  } else if (bit === Has.llm) {
    if (key.startsWith("llm.input_messages.")) return Has.oiInputMessages;
    if (key.startsWith("llm.output_messages.")) return Has.oiOutputMessages;
    if (key.startsWith("llm.token_count.")) return Has.oiTokens;
  } else if (bit === Has.langfuse) {
    if (key.startsWith("langfuse.observation.usage_details.")) return Has.lfUsage;
    if (key.startsWith("langfuse.observation.cost_details.")) return Has.lfCost;
  }
  return 0;
}
function isDigit(key, at) {
  const c = key.charCodeAt(at);
  return c >= 48 && c <= 57;
}
function str2(f, key) {
  const v = f.get(key);
  return typeof v === "string" && v !== "" ? v : void 0;
}
function num(f, key) {
  return toNumber2(f.get(key));
}
function toNumber2(v) {
  if (typeof v === "number") return Number.isFinite(v) ? v : void 0;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v);
    return Number.isFinite(n) ? n : void 0;
  }
  return void 0;
}

// src/core/semantics/json.ts
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}
function parseJsonText(s) {
  let i2 = 0;
  while (i2 < s.length && s.charCodeAt(i2) <= 32) i2++;
  const c = s[i2];
  if (c !== "{" && c !== "[" && c !== '"') return void 0;
  try {
    return JSON.parse(s);
  } catch {
    return void 0;
  }
}
function decodeJsonLayers(v, maxLayers = 3) {
  for (let i2 = 0; i2 < maxLayers && typeof v === "string"; i2++) {
    const parsed = parseJsonText(v);
    if (parsed === void 0) return v;
    v = parsed;
  }
  return v;
}
function parseMaybeJson(v) {
  if (typeof v !== "string") return v === null ? void 0 : plain(v);
  const t = v.trim();
  if (t === "") return v;
  if (t === "null") return null;
  if (t === "true") return true;
  if (t === "false") return false;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return Number(t);
  const parsed = parseJsonText(t);
  return parsed === void 0 ? v : parsed;
}
function plain(v) {
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Uint8Array) return `<${v.length} bytes>`;
  if (Array.isArray(v)) return v.map((x2) => plain(x2));
  return v;
}
function textOf(v) {
  if (typeof v === "string") return v;
  if (v === void 0) return "";
  try {
    return JSON.stringify(v, (_k, x2) => typeof x2 === "bigint" ? x2.toString() : x2) ?? String(v);
  } catch {
    return String(v);
  }
}

// src/core/semantics/messages.ts
function messagesFrom(value, defaultRole) {
  const v = decodeJsonLayers(value);
  const out = [];
  collect(v, defaultRole, out, 0);
  if (out.length === 0 && typeof value === "string" && value.trim() !== "") out.push({ role: defaultRole, text: value, toolCalls: [] });
  return out;
}
var MESSAGE_KEYS = ["role", "content", "parts", "tool_calls", "text", "function_call", "kwargs"];
var MAX_DEPTH = 6;
function collect(v, role, out, depth) {
  if (depth > MAX_DEPTH || v === null || v === void 0) return;
  if (typeof v === "string") {
    if (v !== "") out.push({ role, text: v, toolCalls: [] });
    return;
  }
  if (Array.isArray(v)) {
    const calls = toolCallList(v);
    if (calls) {
      out.push({ role: "assistant", text: "", toolCalls: calls });
      return;
    }
    for (const m of v) collect(m, role, out, depth + 1);
    return;
  }
  if (!isRecord(v)) return;
  if (v.object === "response" && Array.isArray(v.output)) return collect(v.output, "assistant", out, depth + 1);
  if (Array.isArray(v.choices)) {
    for (const c of v.choices) if (isRecord(c)) messageInto(isRecord(c.message) ? { finish_reason: c.finish_reason, ...c.message } : c, "assistant", out);
    return;
  }
  if (Array.isArray(v.messages) || Array.isArray(v.contents) || typeof v.prompt === "string" && v.role === void 0) {
    const system = typeof v.system === "string" ? v.system : isRecord(v.config) ? v.config.system_instruction : void 0;
    if (typeof system === "string" && system !== "") out.push({ role: "system", text: system, toolCalls: [] });
    if (Array.isArray(v.messages)) collect(v.messages, role, out, depth + 1);
    else if (Array.isArray(v.contents)) collect(v.contents, role, out, depth + 1);
    else out.push({ role: "user", text: v.prompt, toolCalls: [] });
    return;
  }
  if (isRecord(v.content) && (Array.isArray(v.content.parts) || v.content.role !== void 0)) {
    messageInto({ finish_reason: v.finish_reason, ...v.content }, role, out);
    return;
  }
  messageInto(v, role, out);
}
function toolCallList(list) {
  if (list.length === 0) return void 0;
  const calls = [];
  for (const x2 of list) {
    if (isRecord(x2) && typeof x2["tool.name"] === "string") calls.push(request(void 0, x2["tool.name"], x2["tool.args"]));
    else if (isRecord(x2) && typeof x2.toolName === "string" && x2.role === void 0 && x2.type === void 0) {
      calls.push(request(typeof x2.toolCallId === "string" ? x2.toolCallId : void 0, x2.toolName, x2.input ?? x2.args));
    } else return void 0;
  }
  return calls;
}
var ROLE_ALIASES = {
  model: "assistant",
  ai: "assistant",
  aimessage: "assistant",
  aimessagechunk: "assistant",
  human: "user",
  humanmessage: "user",
  systemmessage: "system",
  toolmessage: "tool",
  function: "tool",
  developer: "system"
};
function normRole(r, fallback) {
  if (typeof r !== "string" || r === "") return fallback;
  const l = r.toLowerCase();
  return Object.prototype.hasOwnProperty.call(ROLE_ALIASES, l) ? ROLE_ALIASES[l] : l;
}
var Draft = class {
  texts = [];
  reasoning = [];
  toolCalls = [];
  results = [];
};
function messageInto(m0, defaultRole, out) {
  if (!MESSAGE_KEYS.some((k) => m0[k] !== void 0) && m0.type !== "function_call" && m0.type !== "function_call_output" && m0.type !== "reasoning") return;
  let m = m0;
  let roleHint = m.role;
  if (isRecord(m.kwargs) && Array.isArray(m.id)) {
    roleHint = m.id[m.id.length - 1];
    m = m.kwargs;
  } else if (roleHint === void 0 && typeof m.type === "string" && /^(human|ai|system|tool)$/.test(m.type)) {
    roleHint = m.type;
  }
  if (m.type === "function_call" && typeof m.name === "string") {
    out.push({ role: "assistant", text: "", toolCalls: [request(str3(m.call_id) ?? str3(m.id), m.name, m.arguments)] });
    return;
  }
  if (m.type === "function_call_output") {
    out.push(toolMessage(str3(m.call_id), void 0, m.output));
    return;
  }
  let role = normRole(roleHint, defaultRole);
  const d = new Draft();
  if (m.type === "reasoning" && Array.isArray(m.summary)) {
    role = "assistant";
    for (const s of m.summary) if (isRecord(s) && typeof s.text === "string") d.reasoning.push(s.text);
  }
  const content = m.content;
  if (typeof content === "string") {
    const koog = role === "assistant" ? koogToolCalls(content) : void 0;
    if (koog) d.toolCalls.push(...koog);
    else if (content !== "") d.texts.push(content);
  } else if (Array.isArray(content)) {
    partsInto(content, d);
  } else if (isRecord(content)) {
    if (Array.isArray(content.parts)) partsInto(content.parts, d);
    else partsInto([content], d);
  } else if (typeof m.text === "string" && m.text !== "") {
    d.texts.push(m.text);
  }
  if (Array.isArray(m.parts)) partsInto(m.parts, d);
  toolCallsInto(m.tool_calls, d);
  if (isRecord(m.additional_kwargs) && d.toolCalls.length === 0) toolCallsInto(m.additional_kwargs.tool_calls, d);
  if (isRecord(m.function_call) && typeof m.function_call.name === "string") {
    d.toolCalls.push(request(void 0, m.function_call.name, m.function_call.arguments));
  }
  const toolCallId = str3(m.tool_call_id) ?? str3(m.toolCallId) ?? (role === "tool" ? str3(m.id) : void 0);
  if (d.texts.length || d.reasoning.length || d.toolCalls.length || d.results.length === 0) {
    const msg = { role, text: d.texts.join("\n\n"), toolCalls: d.toolCalls };
    if (d.reasoning.length) msg.reasoning = d.reasoning.join("\n\n");
    if (toolCallId !== void 0) msg.toolCallId = toolCallId;
    if (typeof m.name === "string" && m.name !== "") msg.name = m.name;
    const fr = str3(m.finish_reason) ?? str3(m.finishReason) ?? str3(m.stop_reason);
    if (fr !== void 0) msg.finishReason = fr;
    out.push(msg);
  }
  out.push(...d.results);
}
function partsInto(parts, d) {
  for (const p of parts) {
    if (typeof p === "string") {
      if (p !== "") d.texts.push(p);
      continue;
    }
    if (!isRecord(p)) continue;
    const type = typeof p.type === "string" ? p.type : void 0;
    switch (type) {
      case void 0:
      case "text":
      case "output_text":
      case "input_text": {
        const call = p.function_call ?? p.functionCall;
        const resp = p.function_response ?? p.functionResponse;
        if (isRecord(call) && typeof call.name === "string") d.toolCalls.push(request(str3(call.id), call.name, call.args ?? call.arguments));
        else if (isRecord(resp)) d.results.push(toolMessage(str3(resp.id), str3(resp.name), resp.response));
        else {
          const t = typeof p.content === "string" ? p.content : typeof p.text === "string" ? p.text : void 0;
          if (t !== void 0 && t !== "") (p.thought === true ? d.reasoning : d.texts).push(t);
        }
        break;
      }
      case "reasoning":
      case "thinking": {
        const t = p.content ?? p.thinking ?? p.text;
        if (typeof t === "string" && t !== "") d.reasoning.push(t);
        break;
      }
      case "tool_call":
      case "function_call":
        if (typeof p.name === "string") d.toolCalls.push(request(str3(p.id) ?? str3(p.call_id), p.name, p.arguments));
        break;
      case "tool-call":
        if (typeof p.toolName === "string") d.toolCalls.push(request(str3(p.toolCallId), p.toolName, p.input ?? p.args));
        break;
      case "tool_use":
        if (typeof p.name === "string") d.toolCalls.push(request(str3(p.id), p.name, p.input));
        break;
      case "tool_call_response":
        d.results.push(toolMessage(str3(p.id), void 0, p.response ?? p.result));
        break;
      case "tool-result":
        d.results.push(toolMessage(str3(p.toolCallId), str3(p.toolName), p.output ?? p.result));
        break;
      case "tool_result":
        d.results.push(toolMessage(str3(p.tool_use_id), void 0, p.content));
        break;
      default:
        if (/reason|thought/i.test(type)) {
          const c = p.content ?? p.text;
          const t = typeof c === "string" ? c : isRecord(c) && typeof c.text === "string" ? c.text : "";
          if (t !== "") d.reasoning.push(t);
        } else if (/^(image|image_url|input_image|blob|uri|file|audio|input_audio|video|document)$/.test(type)) {
          d.texts.push(`[${typeof p.modality === "string" ? p.modality : type}]`);
        }
    }
  }
}
function toolCallsInto(list, d) {
  if (!Array.isArray(list)) return;
  for (const tc of list) {
    if (!isRecord(tc)) continue;
    const fn = isRecord(tc.function) ? tc.function : tc;
    const name = str3(fn.name) ?? str3(tc.name);
    if (name !== void 0) d.toolCalls.push(request(str3(tc.id), name, fn.arguments ?? tc.args ?? tc.arguments));
  }
}
function koogToolCalls(content) {
  if (!content.startsWith("[{") || !content.includes('"function"')) return void 0;
  const list = parseJsonText(content);
  if (!Array.isArray(list) || list.length === 0) return void 0;
  const d = new Draft();
  if (!list.every((x2) => isRecord(x2) && isRecord(x2.function))) return void 0;
  toolCallsInto(list, d);
  return d.toolCalls;
}
function toolMessage(id, name, result) {
  const msg = { role: "tool", text: resultText(result), toolCalls: [] };
  if (id !== void 0) msg.toolCallId = id;
  if (name !== void 0) msg.name = name;
  return msg;
}
function resultText(v) {
  if (Array.isArray(v) && v.every((b) => isRecord(b) && typeof b.text === "string")) {
    return v.map((b) => b.text).join("\n\n");
  }
  return textOf(v);
}
function request(id, name, args) {
  const r = { name };
  if (id !== void 0) r.id = id;
  const a = parseMaybeJson(args);
  if (a !== void 0) r.arguments = a;
  return r;
}
function str3(v) {
  return typeof v === "string" && v !== "" ? v : void 0;
}
function lastAssistantText(messages) {
  for (let i2 = messages.length - 1; i2 >= 0; i2--) if (messages[i2].role === "assistant" && messages[i2].text !== "") return messages[i2].text;
  return void 0;
}

// src/core/semantics/flattened.ts
function groupByIndex(entries, prefix) {
  const groups = /* @__PURE__ */ new Map();
  for (const [key, value] of entries) {
    if (!key.startsWith(prefix)) continue;
    const dot = key.indexOf(".", prefix.length);
    if (dot < 0) continue;
    const idx = Number(key.slice(prefix.length, dot));
    if (!Number.isInteger(idx) || idx < 0) continue;
    let g = groups.get(idx);
    if (!g) groups.set(idx, g = newAttrMap());
    g[key.slice(dot + 1)] = value;
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}
function flattenedGenAiMessages(f, prefix) {
  const records = groupByIndex(f.withPrefix(prefix), prefix).map((g) => {
    const m = /* @__PURE__ */ Object.create(null);
    m.role = g.role;
    const content = g.content;
    if (typeof content === "string") {
      const parsed = content.startsWith("[") ? parseJsonText(content) : void 0;
      m.content = Array.isArray(parsed) && !parsed.some((x2) => isRecord(x2) && x2.function !== void 0) ? parsed : content;
    } else m.content = content;
    if (g.name !== void 0) m.name = g.name;
    if (g.tool_call_id !== void 0) m.tool_call_id = g.tool_call_id;
    if (g.finish_reason !== void 0) m.finish_reason = g.finish_reason;
    const calls = groupByIndex(Object.entries(g), "tool_calls.");
    if (calls.length) m.tool_calls = calls.map((c) => ({ id: c.id, function: { name: c.name, arguments: c.arguments } }));
    if (typeof g["function_call.name"] === "string") m.function_call = { name: g["function_call.name"], arguments: g["function_call.arguments"] };
    return m;
  });
  return messagesFrom(records, prefix === "gen_ai.prompt." ? "user" : "assistant");
}

// src/core/semantics/genaiEvents.ts
var INPUT_EVENT_ROLES = {
  "gen_ai.system.message": "system",
  "gen_ai.user.message": "user",
  "gen_ai.assistant.message": "assistant",
  "gen_ai.tool.message": "tool"
};
var DETAILS = "gen_ai.client.inference.operation.details";
function hasContentEvents(events) {
  for (const e of events) if (e.name.startsWith("gen_ai.")) return true;
  return false;
}
function contentEventSource(events, side) {
  const names = /* @__PURE__ */ new Set();
  for (const e of events) {
    if (side === "input" ? e.name in INPUT_EVENT_ROLES || e.name === "gen_ai.content.prompt" : e.name === "gen_ai.choice" || e.name === "gen_ai.content.completion") names.add(e.name);
    if (e.name === DETAILS && e.attributes.get(side === "input" ? "gen_ai.input.messages" : "gen_ai.output.messages") !== void 0) names.add(DETAILS);
  }
  return names.size ? [...names].join(", ") + " event" + (names.size > 1 ? "s" : "") : "";
}
function eventMessages(events, side) {
  const out = [];
  for (const e of events) {
    if (e.name === DETAILS) {
      const v = e.attributes.get(side === "input" ? "gen_ai.input.messages" : "gen_ai.output.messages");
      if (v !== void 0) out.push(...messagesFrom(v, side === "input" ? "user" : "assistant"));
      if (side === "input") {
        const sys = e.attributes.get("gen_ai.system_instructions");
        if (sys !== void 0) out.unshift(...systemMessages(sys));
      }
    } else if (side === "input" && e.name in INPUT_EVENT_ROLES) {
      const body = eventBody(e);
      if (isRecord(body) && body.role === void 0) out.push(...messagesFrom({ ...body, role: INPUT_EVENT_ROLES[e.name] }, "user"));
      else out.push(...messagesFrom(body, "user"));
    } else if (side === "output" && e.name === "gen_ai.choice") {
      const body = eventBody(e);
      if (isRecord(body) && body.message !== void 0) {
        const msg = decodeJsonLayers(body.message);
        out.push(...messagesFrom(isRecord(msg) ? { finish_reason: body.finish_reason, ...msg } : msg, "assistant"));
      } else out.push(...messagesFrom(body, "assistant"));
    } else if (e.name === (side === "input" ? "gen_ai.content.prompt" : "gen_ai.content.completion")) {
      const v = e.attributes.get(side === "input" ? "gen_ai.prompt" : "gen_ai.completion");
      if (v !== void 0) out.push(...messagesFrom(v, side === "input" ? "user" : "assistant"));
    }
  }
  return out;
}
function eventBody(e) {
  for (const k of ["gen_ai.event.content", "body", "event.body"]) {
    const v = e.attributes.get(k);
    if (v !== void 0) return decodeJsonLayers(v);
  }
  const body = /* @__PURE__ */ Object.create(null);
  for (const [k, v] of e.attributes.entries()) {
    if (k === "gen_ai.system" || k === "gen_ai.provider.name") continue;
    body[k] = k === "tool_calls" || k === "message" || k === "content" ? decodeJsonLayers(v) : v;
  }
  return body;
}
function systemMessages(v) {
  const parts = decodeJsonLayers(v);
  if (typeof parts === "string") return parts === "" ? [] : [{ role: "system", text: parts, toolCalls: [] }];
  if (Array.isArray(parts)) return messagesFrom({ role: "system", parts }, "user");
  if (isRecord(parts)) return messagesFrom({ role: "system", ...parts }, "user");
  return [];
}

// src/core/semantics/reading.ts
function newReading(convention, looked) {
  return { convention, looked };
}
function firstStr(f, k1, k2, k3, k4) {
  let v = str2(f, k1);
  if (v !== void 0) return { value: v, from: k1 };
  if (k2 === void 0) return void 0;
  if ((v = str2(f, k2)) !== void 0) return { value: v, from: k2 };
  if (k3 === void 0) return void 0;
  if ((v = str2(f, k3)) !== void 0) return { value: v, from: k3 };
  if (k4 !== void 0 && (v = str2(f, k4)) !== void 0) return { value: v, from: k4 };
  return void 0;
}
function firstNum(f, k1, k2, k3) {
  let v = num(f, k1);
  if (v !== void 0) return { value: v, from: k1 };
  if (k2 === void 0) return void 0;
  if ((v = num(f, k2)) !== void 0) return { value: v, from: k2 };
  if (k3 !== void 0 && (v = num(f, k3)) !== void 0) return { value: v, from: k3 };
  return void 0;
}
function firstAny(f, k1, k2) {
  let v = f.get(k1);
  if (v !== void 0 && v !== null) return { value: v, from: k1 };
  if (k2 === void 0) return void 0;
  v = f.get(k2);
  if (v !== void 0 && v !== null) return { value: v, from: k2 };
  return void 0;
}
function nameAfter(spanName, op) {
  if (!spanName.startsWith(op + " ")) return void 0;
  const rest = spanName.slice(op.length + 1).trim();
  return rest === "" ? void 0 : rest;
}

// src/core/semantics/genai.ts
var OPERATION_CATEGORY = {
  chat: "llm",
  generate_content: "llm",
  text_completion: "llm",
  call_llm: "llm",
  // any-agent
  completion: "llm",
  // Latitude
  llm_request: "llm",
  // OpenLLMetry
  embeddings: "embedding",
  retrieval: "retriever",
  search_memory: "retriever",
  vector_db_retrieve: "retriever",
  // OpenLLMetry
  execute_tool: "tool",
  invoke_agent: "agent",
  invoke_workflow: "chain",
  plan: "chain",
  chain: "chain",
  // LangSmith
  execute_task: "chain",
  // OpenLLMetry
  create_agent: "other",
  create_memory_store: "other",
  delete_memory_store: "other",
  create_memory: "other",
  update_memory: "other",
  upsert_memory: "other",
  delete_memory: "other"
};
var NAME_CATEGORY = {
  chat: "llm",
  generate_content: "llm",
  text_completion: "llm",
  embeddings: "embedding",
  retrieval: "retriever",
  execute_tool: "tool",
  invoke_agent: "agent",
  invoke_workflow: "chain"
};
var GENAI_LOOKED = Object.freeze({
  category: "gen_ai.operation.name, span name",
  model: "gen_ai.response.model, gen_ai.request.model",
  provider: "gen_ai.provider.name, gen_ai.system",
  usage: "gen_ai.usage.input_tokens / output_tokens (or prompt_tokens / completion_tokens)",
  cost: "gen_ai.usage.input_cost / output_cost",
  "tool.name": 'gen_ai.tool.name, span name "execute_tool <name>"',
  "tool.callId": "gen_ai.tool.call.id",
  "tool.arguments": "gen_ai.tool.call.arguments (opt-in)",
  "tool.result": "gen_ai.tool.call.result (opt-in)",
  "agent.name": 'gen_ai.agent.name, span name "invoke_agent <name>"',
  input: "gen_ai.input.messages, gen_ai.*.message events and gen_ai.prompt.<i>.*",
  output: "gen_ai.output.messages, gen_ai.choice events and gen_ai.completion.<i>.*"
});
function readGenAi(f) {
  const span = f.span;
  const events = span.events.length > 0 && hasContentEvents(span.events);
  const space = span.name.indexOf(" ");
  const firstWord = space < 0 ? span.name : span.name.slice(0, space);
  const byName = Object.prototype.hasOwnProperty.call(NAME_CATEGORY, firstWord) ? NAME_CATEGORY[firstWord] : void 0;
  if (!(f.flags & Has.genai) && !events && (byName === void 0 || firstWord === "chat")) return void 0;
  const r = newReading("genai", GENAI_LOOKED);
  const op = str2(f, "gen_ai.operation.name");
  const opCategory = op !== void 0 && Object.prototype.hasOwnProperty.call(OPERATION_CATEGORY, op) ? OPERATION_CATEGORY[op] : void 0;
  if (opCategory) r.category = { value: opCategory, from: `gen_ai.operation.name = ${op}` };
  else if (op === void 0 && byName) r.weakCategory = { value: byName, from: `span name "${span.name}"` };
  else if (op === void 0 && (str2(f, "gen_ai.tool.name") || str2(f, "gen_ai.tool.call.id"))) r.weakCategory = { value: "tool", from: "gen_ai.tool.name / gen_ai.tool.call.id" };
  else if (op === void 0 && str2(f, "gen_ai.request.model")) r.weakCategory = { value: "llm", from: "gen_ai.request.model" };
  if (op !== void 0 && !opCategory) r.categoryNote = `gen_ai.operation.name = ${op} is not a known operation`;
  const cat = (r.category ?? r.weakCategory)?.value;
  const any = cat === void 0;
  if (any || cat === "llm" || cat === "embedding") {
    r.model = firstStr(f, "gen_ai.response.model", "gen_ai.request.model");
    r.provider = firstStr(f, "gen_ai.provider.name", "gen_ai.system");
    r.usage = readUsage(f);
    const inCost = num(f, "gen_ai.usage.input_cost");
    const outCost = num(f, "gen_ai.usage.output_cost");
    if (inCost !== void 0 || outCost !== void 0) r.costUsd = { value: (inCost ?? 0) + (outCost ?? 0), from: "gen_ai.usage.input_cost + gen_ai.usage.output_cost" };
    else r.costUsd = firstNum(f, "gen_ai.usage.cost");
  }
  if (cat !== "tool") readContent(f, r, events);
  if (any || cat === "tool") {
    const toolName = firstStr(f, "gen_ai.tool.name");
    const nameFromSpan = nameAfter(span.name, "execute_tool");
    r.toolName = toolName ?? (nameFromSpan ? { value: nameFromSpan, from: "span name" } : void 0);
    r.toolCallId = firstStr(f, "gen_ai.tool.call.id");
    const args = firstAny(f, "gen_ai.tool.call.arguments", "gen_ai.tool.args");
    if (args) r.toolArguments = { from: args.from, get: () => parseMaybeJson(args.value) };
    const result = firstAny(f, "gen_ai.tool.call.result", "gen_ai.output");
    if (result) r.toolResult = { from: result.from, get: () => parseMaybeJson(result.value) };
  }
  r.error = firstStr(f, "error.type");
  if (any || cat === "agent" || cat === "chain" || cat === "other") {
    const agentName = firstStr(f, "gen_ai.agent.name");
    const agentFromSpan = nameAfter(span.name, "invoke_agent");
    r.agentName = agentName ?? (agentFromSpan ? { value: agentFromSpan, from: "span name" } : void 0);
    if (r.output) {
      const out = r.output;
      r.answer = { from: out.from, get: () => lastAssistantText(out.get()) };
    }
  }
  return r;
}
function readUsage(f) {
  if (!(f.flags & Has.genaiUsage)) return void 0;
  const u = {
    input: firstNum(f, "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"),
    output: firstNum(f, "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"),
    cachedInput: firstNum(f, "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"),
    reasoning: firstNum(f, "gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens"),
    total: firstNum(f, "gen_ai.usage.total_tokens")
  };
  return u;
}
function readContent(f, r, events) {
  const sys = f.get("gen_ai.system_instructions");
  const withSystem = (msgs) => sys === void 0 ? msgs : [...systemMessages(sys), ...msgs];
  const evIn = events ? contentEventSource(f.span.events, "input") : "";
  const evOut = events ? contentEventSource(f.span.events, "output") : "";
  if (f.get("gen_ai.input.messages") !== void 0) {
    r.input = { from: "gen_ai.input.messages", get: () => withSystem(messagesFrom(f.get("gen_ai.input.messages"), "user")) };
  } else if (evIn) {
    r.input = { from: evIn, get: () => withSystem(eventMessages(f.span.events, "input")) };
  } else if (f.flags & Has.flatPrompt) {
    r.input = { from: "gen_ai.prompt.<i>.*", get: () => withSystem(flattenedGenAiMessages(f, "gen_ai.prompt.")) };
  } else if (f.get("gen_ai.prompt") !== void 0) {
    r.input = { from: "gen_ai.prompt", get: () => withSystem(messagesFrom(f.get("gen_ai.prompt"), "user")) };
  } else if (sys !== void 0) {
    r.input = { from: "gen_ai.system_instructions", get: () => systemMessages(sys) };
  }
  const isLlm = (r.category ?? r.weakCategory)?.value === "llm";
  if (f.get("gen_ai.output.messages") !== void 0) {
    r.output = { from: "gen_ai.output.messages", get: () => messagesFrom(f.get("gen_ai.output.messages"), "assistant"), raw: f.get("gen_ai.output.messages") };
  } else if (evOut) {
    r.output = { from: evOut, get: () => eventMessages(f.span.events, "output") };
  } else if (f.flags & Has.flatCompletion) {
    r.output = { from: "gen_ai.completion.<i>.*", get: () => flattenedGenAiMessages(f, "gen_ai.completion.") };
  } else if (f.get("gen_ai.completion") !== void 0) {
    r.output = { from: "gen_ai.completion", get: () => messagesFrom(f.get("gen_ai.completion"), "assistant"), raw: f.get("gen_ai.completion") };
  } else if (isLlm && f.get("gen_ai.output") !== void 0) {
    r.output = { from: "gen_ai.output", get: () => messagesFrom(f.get("gen_ai.output"), "assistant"), raw: f.get("gen_ai.output") };
  }
}

// src/core/semantics/langfuse.ts
var TYPE_CATEGORY = {
  GENERATION: "llm",
  AGENT: "agent",
  TOOL: "tool",
  CHAIN: "chain",
  RETRIEVER: "retriever",
  EMBEDDING: "embedding",
  EVALUATOR: "other",
  GUARDRAIL: "other"
};
var P2 = "langfuse.observation.";
var LANGFUSE_LOOKED = Object.freeze({
  category: `${P2}type`,
  model: `${P2}model.name`,
  usage: `${P2}usage_details.*`,
  cost: `${P2}cost_details.*`,
  input: P2 + "input",
  output: P2 + "output",
  "tool.name": "span name (Langfuse TOOL observation)",
  "tool.arguments": P2 + "input",
  "tool.result": P2 + "output"
});
function readLangfuse(f) {
  if (!(f.flags & Has.langfuse)) return void 0;
  const type = str2(f, P2 + "type")?.toUpperCase();
  const r = newReading("langfuse", LANGFUSE_LOOKED);
  if (type !== void 0 && Object.prototype.hasOwnProperty.call(TYPE_CATEGORY, type)) {
    r.category = { value: TYPE_CATEGORY[type], from: `${P2}type = ${type}` };
  }
  r.model = firstStr(f, P2 + "model.name");
  r.usage = readUsage2(f);
  r.costUsd = readCost(f);
  const input = f.get(P2 + "input");
  const output = f.get(P2 + "output");
  if (input !== void 0) r.input = { from: P2 + "input", get: () => messagesFrom(input, "user") };
  if (output !== void 0) r.output = { from: P2 + "output", get: () => messagesFrom(output, "assistant"), raw: output };
  if (str2(f, P2 + "level")?.toUpperCase() === "ERROR") {
    r.error = { value: str2(f, P2 + "status_message") ?? "level ERROR", from: str2(f, P2 + "status_message") ? P2 + "status_message" : P2 + "level" };
  }
  const category = r.category?.value;
  if (category === "tool") {
    r.toolName = { value: f.span.name, from: "span name" };
    if (input !== void 0) r.toolArguments = { from: P2 + "input", get: () => unwrapInput(parseMaybeJson(input)) };
    if (output !== void 0) r.toolResult = { from: P2 + "output", get: () => parseMaybeJson(output) };
  }
  if (category === "agent") r.agentName = { value: f.span.name, from: "span name" };
  const answerSource = output !== void 0 ? P2 + "output" : f.get("langfuse.trace.output") !== void 0 ? "langfuse.trace.output" : void 0;
  if (answerSource !== void 0 && category !== "llm") {
    const v = f.get(answerSource);
    r.answer = { from: answerSource, get: () => lastAssistantText(messagesFrom(v, "assistant")) };
  }
  return r;
}
function unwrapInput(v) {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === "input") return v.input;
  }
  return v;
}
function readUsage2(f) {
  if (!(f.flags & Has.lfUsage)) return void 0;
  const entries = f.withPrefix(P2 + "usage_details.");
  let input;
  let output;
  let cached;
  let reasoning;
  let total;
  let prompt;
  let completion;
  const add = (acc, n) => (acc ?? 0) + n;
  for (const [key, value] of entries) {
    const n = toNumber2(value);
    if (n === void 0) continue;
    const k = key.slice(P2.length + "usage_details.".length);
    if (k.startsWith("input")) input = add(input, n);
    else if (k.startsWith("output")) output = add(output, n);
    else if (k === "total") total = n;
    else if (k === "prompt_tokens") prompt = n;
    else if (k === "completion_tokens") completion = n;
    if (/cache_read|cached/.test(k)) cached = add(cached, n);
    if (/reasoning/.test(k)) reasoning = add(reasoning, n);
  }
  const from = `${P2}usage_details`;
  const s = (n, what) => n === void 0 ? void 0 : { value: n, from: `${from}${what}` };
  return {
    input: input !== void 0 ? s(input, ".input*") : s(prompt, ".prompt_tokens"),
    output: output !== void 0 ? s(output, ".output*") : s(completion, ".completion_tokens"),
    cachedInput: s(cached, " (cache read keys)"),
    reasoning: s(reasoning, " (reasoning keys)"),
    total: s(total, ".total")
  };
}
function readCost(f) {
  if (!(f.flags & Has.lfCost)) return void 0;
  const entries = f.withPrefix(P2 + "cost_details.");
  let sum;
  for (const [key, value] of entries) {
    const n = toNumber2(value);
    if (n === void 0) continue;
    if (key.endsWith(".total")) return { value: n, from: key };
    sum = (sum ?? 0) + n;
  }
  return sum === void 0 ? void 0 : { value: sum, from: `${P2}cost_details.* (sum)` };
}

// src/core/semantics/openinference.ts
var KIND_CATEGORY = {
  LLM: "llm",
  EMBEDDING: "embedding",
  CHAIN: "chain",
  RETRIEVER: "retriever",
  RERANKER: "retriever",
  TOOL: "tool",
  AGENT: "agent",
  GUARDRAIL: "other",
  EVALUATOR: "other",
  PROMPT: "other"
};
var OPENINFERENCE_LOOKED = Object.freeze({
  category: "openinference.span.kind",
  model: "llm.model_name",
  provider: "llm.provider, llm.system",
  usage: "llm.token_count.prompt / completion",
  cost: "llm.cost.total",
  input: "llm.input_messages.<i>.message.*, input.value",
  output: "llm.output_messages.<i>.message.*, output.value",
  "tool.name": "tool.name",
  "tool.callId": "tool.id",
  "tool.arguments": "input.value, tool.parameters",
  "tool.result": "output.value",
  "agent.name": "agent.name"
});
function readOpenInference(f) {
  if (!(f.flags & (Has.openinference | Has.llm))) return void 0;
  const kind = str2(f, "openinference.span.kind")?.toUpperCase();
  const hasMessages = (f.flags & (Has.oiInputMessages | Has.oiOutputMessages)) !== 0;
  const hasTokens2 = (f.flags & Has.oiTokens) !== 0;
  if (kind === void 0 && !hasMessages && !hasTokens2 && str2(f, "llm.model_name") === void 0 && str2(f, "tool.name") === void 0) return void 0;
  const r = newReading("openinference", OPENINFERENCE_LOOKED);
  const category = kind !== void 0 && Object.prototype.hasOwnProperty.call(KIND_CATEGORY, kind) ? KIND_CATEGORY[kind] : void 0;
  if (category) r.category = { value: category, from: `openinference.span.kind = ${kind}` };
  else if (hasMessages || hasTokens2) r.weakCategory = { value: "llm", from: hasMessages ? "llm.*_messages" : "llm.token_count.*" };
  r.model = firstStr(f, "llm.response.model_name", "llm.model_name", "llm.request.model_name", "embedding.model_name");
  r.provider = firstStr(f, "llm.provider", "llm.system");
  if (hasTokens2) {
    const u = {
      input: firstNum(f, "llm.token_count.prompt"),
      output: firstNum(f, "llm.token_count.completion"),
      cachedInput: firstNum(f, "llm.token_count.prompt_details.cache_read"),
      reasoning: firstNum(f, "llm.token_count.completion_details.reasoning"),
      total: firstNum(f, "llm.token_count.total")
    };
    r.usage = u;
  }
  const total = num(f, "llm.cost.total");
  const prompt = num(f, "llm.cost.prompt");
  const completion = num(f, "llm.cost.completion");
  if (total !== void 0) r.costUsd = { value: total, from: "llm.cost.total" };
  else if (prompt !== void 0 || completion !== void 0) r.costUsd = { value: (prompt ?? 0) + (completion ?? 0), from: "llm.cost.prompt + llm.cost.completion" };
  const isLlm = (r.category ?? r.weakCategory)?.value === "llm";
  if (f.flags & Has.oiInputMessages) r.input = { from: "llm.input_messages.<i>.message.*", get: () => flattenedMessages(f, "llm.input_messages.", "user") };
  else if (isLlm && f.get("input.value") !== void 0) r.input = { from: "input.value", get: () => messagesFrom(f.get("input.value"), "user") };
  if (f.flags & Has.oiOutputMessages) r.output = { from: "llm.output_messages.<i>.message.*", get: () => flattenedMessages(f, "llm.output_messages.", "assistant") };
  else if (isLlm && f.get("output.value") !== void 0) r.output = { from: "output.value", get: () => messagesFrom(f.get("output.value"), "assistant"), raw: f.get("output.value") };
  r.toolName = firstStr(f, "tool.name");
  r.toolCallId = firstStr(f, "tool.id", "tool_call.id");
  if (!isLlm) {
    const args = firstAny(f, "input.value", "tool.parameters");
    if (args && args.value !== "null") r.toolArguments = { from: args.from, get: () => parseMaybeJson(args.value) };
    const result = firstAny(f, "output.value");
    if (result) r.toolResult = { from: result.from, get: () => parseMaybeJson(result.value) };
  }
  r.agentName = firstStr(f, "agent.name", "graph.node.name");
  const out = f.get("output.value");
  if (!isLlm && out !== void 0) r.answer = { from: "output.value", get: () => answerText(out) };
  return r;
}
function answerText(v) {
  return lastAssistantText(messagesFrom(v, "assistant")) ?? (typeof v === "string" && v !== "" ? v : void 0);
}
function flattenedMessages(f, prefix, defaultRole) {
  const records = groupByIndex(f.withPrefix(prefix), prefix).map((g) => {
    const m = /* @__PURE__ */ Object.create(null);
    m.role = g["message.role"];
    const content = g["message.content"];
    if (content !== void 0) m.content = content;
    else {
      const parts = groupByIndex(Object.entries(g), "message.contents.").map((c) => ({ type: c["message_content.type"], text: c["message_content.text"] }));
      if (parts.length) m.content = parts;
    }
    if (g["message.name"] !== void 0) m.name = g["message.name"];
    if (g["message.tool_call_id"] !== void 0) m.tool_call_id = g["message.tool_call_id"];
    const calls = groupByIndex(Object.entries(g), "message.tool_calls.");
    if (calls.length) {
      m.tool_calls = calls.map((c) => ({ id: c["tool_call.id"], function: { name: c["tool_call.function.name"], arguments: c["tool_call.function.arguments"] } }));
    }
    return m;
  });
  return messagesFrom(records, defaultRole);
}

// src/core/semantics/pydanticAi.ts
function categoryOf(name, f) {
  if (name === "agent run" || name.endsWith(" run") && f.get("agent_name") !== void 0) return "agent";
  if (name === "running tool" || name.startsWith("running tool: ")) return "tool";
  if (/^running (\d+ )?tools$/.test(name) || name === "running output function") return "chain";
  return void 0;
}
var PYDANTIC_LOOKED = Object.freeze({
  category: "span name (agent run, running tool)",
  cost: "operation.cost (Logfire)",
  "agent.name": "agent_name",
  "tool.arguments": "tool_arguments",
  "tool.result": "tool_response"
});
function readPydanticAi(f) {
  const name = f.span.name;
  if (!(f.flags & (Has.pydantic | Has.operation)) && !name.startsWith("running ") && name !== "agent run") return void 0;
  const category = categoryOf(name, f);
  const cost = firstNum(f, "operation.cost");
  if (category === void 0 && cost === void 0 && !(f.flags & Has.pydantic)) return void 0;
  const r = newReading("pydantic-ai", PYDANTIC_LOOKED);
  if (category) r.category = { value: category, from: `span name "${name}"` };
  r.costUsd = cost;
  r.agentName = firstStr(f, "agent_name", "gen_ai.agent.name");
  const final = f.get("final_result");
  const all = f.get("pydantic_ai.all_messages");
  if (final !== void 0) r.answer = { from: "final_result", get: () => (typeof final === "string" ? final : textOf(decodeJsonLayers(final))) || void 0 };
  else if (all !== void 0) r.answer = { from: "pydantic_ai.all_messages", get: () => lastAssistantText(messagesFrom(all, "user")) };
  if (category === "tool") {
    const toolName = firstStr(f, "gen_ai.tool.name");
    const fromName = name.startsWith("running tool: ") ? name.slice("running tool: ".length) : void 0;
    r.toolName = toolName ?? (fromName ? { value: fromName, from: "span name" } : void 0);
    const args = firstAny(f, "tool_arguments");
    if (args) r.toolArguments = { from: args.from, get: () => parseMaybeJson(args.value) };
    const result = firstAny(f, "tool_response");
    if (result) r.toolResult = { from: result.from, get: () => parseMaybeJson(result.value) };
  }
  return r;
}

// src/core/semantics/traceloop.ts
var SPAN_KIND_CATEGORY = {
  workflow: "chain",
  task: "chain",
  agent: "agent",
  tool: "tool",
  unknown: "other"
};
var REQUEST_TYPE_CATEGORY = {
  chat: "llm",
  completion: "llm",
  embedding: "embedding",
  rerank: "retriever"
};
var TRACELOOP_LOOKED = Object.freeze({
  category: "traceloop.span.kind, llm.request.type",
  usage: "gen_ai.usage.prompt_tokens / completion_tokens, llm.usage.total_tokens",
  input: "gen_ai.prompt.<i>.*",
  output: "gen_ai.completion.<i>.*",
  "tool.name": "traceloop.entity.name",
  "tool.arguments": "traceloop.entity.input",
  "tool.result": "traceloop.entity.output"
});
function readTraceloop(f) {
  if (!(f.flags & (Has.traceloop | Has.llm))) return void 0;
  const kind = str2(f, "traceloop.span.kind")?.toLowerCase();
  const requestType = str2(f, "llm.request.type")?.toLowerCase();
  const total = firstNum(f, "llm.usage.total_tokens");
  if (kind === void 0 && requestType === void 0 && total === void 0 && !(f.flags & Has.traceloop)) return void 0;
  const r = newReading("traceloop", TRACELOOP_LOOKED);
  if (kind !== void 0 && Object.prototype.hasOwnProperty.call(SPAN_KIND_CATEGORY, kind)) {
    r.category = { value: SPAN_KIND_CATEGORY[kind], from: `traceloop.span.kind = ${kind}` };
  } else if (requestType !== void 0 && Object.prototype.hasOwnProperty.call(REQUEST_TYPE_CATEGORY, requestType)) {
    r.category = { value: REQUEST_TYPE_CATEGORY[requestType], from: `llm.request.type = ${requestType}` };
  }
  const legacy = {
    input: firstNum(f, "gen_ai.usage.prompt_tokens"),
    output: firstNum(f, "gen_ai.usage.completion_tokens"),
    cachedInput: firstNum(f, "gen_ai.usage.cache_read_input_tokens"),
    reasoning: firstNum(f, "gen_ai.usage.reasoning_tokens"),
    total
  };
  if (legacy.input || legacy.output || total) r.usage = legacy;
  if (f.flags & Has.flatPrompt) r.input = { from: "gen_ai.prompt.<i>.*", get: () => flattenedGenAiMessages(f, "gen_ai.prompt.") };
  if (f.flags & Has.flatCompletion) r.output = { from: "gen_ai.completion.<i>.*", get: () => flattenedGenAiMessages(f, "gen_ai.completion.") };
  const entity = firstStr(f, "traceloop.entity.name");
  const category = r.category?.value;
  if (category === "tool") {
    r.toolName = entity;
    const input = f.get("traceloop.entity.input");
    if (input !== void 0) r.toolArguments = { from: "traceloop.entity.input", get: () => entityInputArgs(input) };
    const output = f.get("traceloop.entity.output");
    if (output !== void 0) r.toolResult = { from: "traceloop.entity.output", get: () => parseMaybeJson(output) };
  }
  if (category === "agent" || category === "chain") {
    r.agentName = entity ?? firstStr(f, "traceloop.workflow.name");
    const output = f.get("traceloop.entity.output");
    if (output !== void 0) r.answer = { from: "traceloop.entity.output", get: () => entityOutputText(output) };
  }
  return r;
}
function entityInputArgs(v) {
  const parsed = decodeJsonLayers(v);
  if (isRecord(parsed)) {
    if (parsed.inputs !== void 0 && (!isRecord(parsed.kwargs) || Object.keys(parsed.kwargs).length === 0)) return parsed.inputs;
    if (isRecord(parsed.kwargs) && Object.keys(parsed.kwargs).length) return parsed.kwargs;
  }
  return parseMaybeJson(v);
}
function entityOutputText(v) {
  const parsed = decodeJsonLayers(v);
  if (typeof parsed === "string") return parsed || void 0;
  if (isRecord(parsed) && typeof parsed.outputs === "string") return parsed.outputs || void 0;
  return typeof v === "string" && v !== "" ? v : void 0;
}

// src/core/semantics/vercelAi.ts
function operationOf(f) {
  const id = str2(f, "ai.operationId");
  if (id !== void 0) return id;
  const name = f.span.name;
  return name.startsWith("ai.") ? name.split(" ", 1)[0] : void 0;
}
function categoryOf2(op) {
  if (op.endsWith(".doGenerate") || op.endsWith(".doStream")) return "llm";
  if (op === "ai.toolCall") return "tool";
  if (op.startsWith("ai.embed")) return "embedding";
  if (/^ai\.(generate|stream)(Text|Object)$/.test(op)) return "agent";
  return "other";
}
var VERCEL_LOOKED = Object.freeze({
  category: "ai.operationId",
  model: "ai.response.model, ai.model.id",
  provider: "ai.model.provider",
  usage: "ai.usage.promptTokens / completionTokens (v5+: inputTokens / outputTokens)",
  input: "ai.prompt.messages, ai.prompt (recordInputs)",
  output: "ai.response.text, ai.response.object, ai.response.toolCalls (recordOutputs)",
  "tool.name": "ai.toolCall.name",
  "tool.callId": "ai.toolCall.id",
  "tool.arguments": "ai.toolCall.args",
  "tool.result": "ai.toolCall.result",
  "agent.name": "ai.telemetry.functionId"
});
function readVercelAi(f) {
  if (!(f.flags & Has.vercel) && !f.span.name.startsWith("ai.")) return void 0;
  const op = operationOf(f);
  if (op === void 0) return void 0;
  const r = newReading("vercel-ai", VERCEL_LOOKED);
  const category = categoryOf2(op);
  r.category = { value: category, from: str2(f, "ai.operationId") !== void 0 ? `ai.operationId = ${op}` : "span name" };
  r.model = firstStr(f, "ai.response.model", "ai.model.id");
  r.provider = firstStr(f, "ai.model.provider");
  const usage = {
    input: firstNum(f, "ai.usage.promptTokens", "ai.usage.inputTokens", category === "embedding" ? "ai.usage.tokens" : void 0),
    output: firstNum(f, "ai.usage.completionTokens", "ai.usage.outputTokens"),
    cachedInput: firstNum(f, "ai.usage.cachedInputTokens"),
    reasoning: firstNum(f, "ai.usage.reasoningTokens"),
    total: firstNum(f, "ai.usage.totalTokens")
  };
  if (usage.input || usage.output || usage.total) r.usage = usage;
  if (f.get("ai.prompt.messages") !== void 0) r.input = { from: "ai.prompt.messages", get: () => messagesFrom(f.get("ai.prompt.messages"), "user") };
  else if (f.get("ai.prompt") !== void 0) r.input = { from: "ai.prompt", get: () => messagesFrom(f.get("ai.prompt"), "user") };
  const text = f.get("ai.response.text");
  const object = f.get("ai.response.object");
  const calls = f.get("ai.response.toolCalls");
  if (text !== void 0 || object !== void 0 || calls !== void 0) {
    r.output = {
      from: [text !== void 0 && "ai.response.text", object !== void 0 && "ai.response.object", calls !== void 0 && "ai.response.toolCalls"].filter(Boolean).join(" + "),
      get: () => responseMessages(text ?? object, calls, str2(f, "ai.response.finishReason")),
      raw: calls ?? ""
    };
  }
  if (category === "agent" && (text !== void 0 || object !== void 0)) {
    const answer = text ?? object;
    r.answer = { from: text !== void 0 ? "ai.response.text" : "ai.response.object", get: () => typeof answer === "string" && answer !== "" ? answer : void 0 };
  }
  if (category === "tool") {
    r.toolName = firstStr(f, "ai.toolCall.name");
    r.toolCallId = firstStr(f, "ai.toolCall.id");
    const args = firstAny(f, "ai.toolCall.args", "ai.toolCall.input");
    if (args) r.toolArguments = { from: args.from, get: () => parseMaybeJson(args.value) };
    const result = firstAny(f, "ai.toolCall.result", "ai.toolCall.output");
    if (result) r.toolResult = { from: result.from, get: () => parseMaybeJson(result.value) };
  }
  r.agentName = firstStr(f, "ai.telemetry.functionId", "resource.name");
  return r;
}
function responseMessages(text, calls, finishReason) {
  const toolCalls = [];
  const list = decodeJsonLayers(calls);
  if (Array.isArray(list)) {
    for (const c of list) {
      const call = decodeJsonLayers(c);
      if (isRecord(call) && typeof call.toolName === "string") toolCalls.push(request(typeof call.toolCallId === "string" ? call.toolCallId : void 0, call.toolName, call.input ?? call.args));
    }
  }
  const msg = { role: "assistant", text: text === void 0 ? "" : textOf(text), toolCalls };
  if (finishReason !== void 0) msg.finishReason = finishReason;
  return [msg];
}

// src/core/semantics/spanInfo.ts
var CATEGORY_ORDER = ["vercel-ai", "genai", "openinference", "traceloop", "pydantic-ai", "langfuse"];
var PLAIN_SPAN_INFO = Object.freeze({ category: "other", convention: "none", readings: Object.freeze([]) });
var CATEGORY_RANK = Object.freeze(
  Object.fromEntries([...CATEGORY_ORDER.map((c, i2) => [c, i2]), ["none", CATEGORY_ORDER.length]])
);
function readSpan3(span) {
  const f = readSpanFacts(span);
  const readings = [];
  let r = readVercelAi(f);
  if (r) readings.push(r);
  if (r = readPydanticAi(f)) readings.push(r);
  if (r = readOpenInference(f)) readings.push(r);
  if (r = readTraceloop(f)) readings.push(r);
  if (r = readGenAi(f)) readings.push(r);
  if (r = readLangfuse(f)) readings.push(r);
  if (readings.length === 0) return PLAIN_SPAN_INFO;
  let best;
  for (const x2 of readings) if (x2.category && (!best || CATEGORY_RANK[x2.convention] < CATEGORY_RANK[best.convention])) best = x2;
  if (best) return { category: best.category.value, convention: best.convention, categoryFrom: best.category.from, readings };
  for (const x2 of readings) if (x2.weakCategory) return { category: x2.weakCategory.value, convention: x2.convention, categoryFrom: x2.weakCategory.from, readings };
  return { category: "other", convention: readings[0].convention, readings };
}
function pick(info, key) {
  for (const r of info.readings) {
    const v = r[key];
    if (v !== void 0) return v;
  }
  return void 0;
}
function pickUsage(info) {
  let base;
  for (const r of info.readings) {
    const u = r.usage;
    if (u && (u.input !== void 0 || u.output !== void 0 || u.total !== void 0)) {
      base = { ...u };
      break;
    }
  }
  if (!base) return void 0;
  for (const r of info.readings) {
    const u = r.usage;
    if (!u) continue;
    base.cachedInput ??= u.cachedInput;
    base.reasoning ??= u.reasoning;
    base.total ??= u.total;
  }
  return base;
}
function lookedFor(info, field) {
  const parts = [];
  for (const r of info.readings) {
    const l = r.looked[field];
    if (l) parts.push(l);
  }
  return parts.length ? `no ${parts.join("; no ")}` : "no convention that carries it matched";
}

// src/core/semantics/extract.ts
function buildLlmCall(span, info, prices) {
  const model = pick(info, "model")?.value;
  const u = pickUsage(info);
  const usage = {};
  if (u?.input) usage.input = u.input.value;
  if (u?.output) usage.output = u.output.value;
  if (u?.cachedInput) usage.cachedInput = u.cachedInput.value;
  if (u?.reasoning) usage.reasoning = u.reasoning.value;
  if (u?.total) usage.total = u.total.value;
  const cost = costOf(usage, model, pick(info, "costUsd")?.value, prices);
  const output = pick(info, "output");
  return new LlmCallRecord(span.index, model, pick(info, "provider")?.value, pick(info, "input")?.get, output?.get, usage, cost, output?.raw);
}
function buildToolExecution(span, info) {
  const t = new ToolExecutionRecord(span.index, pick(info, "toolName")?.value ?? span.name, pick(info, "toolArguments")?.get, pick(info, "toolResult")?.get);
  const callId = pick(info, "toolCallId")?.value;
  if (callId !== void 0) t.callId = callId;
  const err2 = pick(info, "error")?.value;
  const code = span.status.code;
  t.status = code === StatusCode.Error || err2 !== void 0 ? "error" : code === StatusCode.Ok ? "ok" : "unset";
  if (t.status === "error") {
    const message = span.status.message || err2 || exceptionMessage(span);
    if (message) t.error = message;
  }
  return t;
}
function exceptionMessage(span) {
  for (let i2 = span.events.length - 1; i2 >= 0; i2--) {
    const e = span.events[i2];
    if (e.name !== "exception") continue;
    const m = e.attributes.getString("exception.message") || e.attributes.getString("exception.type");
    if (m) return m;
  }
  return void 0;
}

// src/core/semantics/inferTools.ts
var INPUT_KEYS = ["langfuse.observation.input", "input.value", "traceloop.entity.input"];
var OUTPUT_KEYS = ["langfuse.observation.output", "output.value", "traceloop.entity.output"];
function inferUnmarkedTools(trace, infos, calls, tools, llmBelow) {
  const changed = /* @__PURE__ */ new Map();
  const spans = trace.spans;
  const n = spans.length;
  const treeRoot = new Int32Array(n);
  for (let i2 = 0; i2 < n; i2++) treeRoot[i2] = spans[i2].parentIndex < 0 ? i2 : treeRoot[spans[i2].parentIndex];
  const treesWithTools = /* @__PURE__ */ new Set();
  for (const i2 of tools.keys()) treesWithTools.add(treeRoot[i2]);
  const candidates = [];
  for (let i2 = 0; i2 < n; i2++) {
    const info = infos[i2];
    if (info === PLAIN_SPAN_INFO || llmBelow[i2] || treesWithTools.has(treeRoot[i2])) continue;
    if (info.category === "other" || info.category === "chain") candidates.push(i2);
  }
  if (candidates.length === 0) return changed;
  const callsByTree = /* @__PURE__ */ new Map();
  for (const c of calls.values()) {
    const r = treeRoot[c.spanIndex];
    if (treesWithTools.has(r)) continue;
    let list = callsByTree.get(r);
    if (!list) callsByTree.set(r, list = []);
    list.push(c);
  }
  const start = (i2) => spans[i2].startNs;
  for (const list of callsByTree.values()) list.sort((a, b) => start(a.spanIndex) < start(b.spanIndex) ? -1 : start(a.spanIndex) > start(b.spanIndex) ? 1 : 0);
  candidates.sort((a, b) => start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : a - b);
  const consumed = /* @__PURE__ */ new Map();
  for (const i2 of candidates) {
    const list = callsByTree.get(treeRoot[i2]);
    if (!list) continue;
    let k = list.length - 1;
    while (k >= 0 && start(list[k].spanIndex) > start(i2)) k--;
    if (k < 0) continue;
    const call = list[k];
    const reqs = call.output.flatMap((m) => m.toolCalls);
    let used = consumed.get(call);
    const j = reqs.findIndex((r, idx) => r.name === spans[i2].name && !used?.has(idx));
    if (j < 0) continue;
    if (!used) consumed.set(call, used = /* @__PURE__ */ new Set());
    used.add(j);
    infos[i2] = { ...infos[i2], category: "tool", categoryFrom: `span name matches the tool call "${reqs[j].name}" requested by LLM span #${call.spanIndex}` };
    tools.set(i2, inferredTool(trace, i2, infos[i2], reqs[j].id));
    changed.set(i2, infos[i2]);
  }
  return changed;
}
function inferredTool(trace, i2, info, requestId) {
  const span = trace.spans[i2];
  const t = buildToolExecution(span, info);
  const input = INPUT_KEYS.map((k) => span.attributes.get(k)).find((v) => v !== void 0);
  const output = OUTPUT_KEYS.map((k) => span.attributes.get(k)).find((v) => v !== void 0);
  if (t.arguments === void 0 && input !== void 0) t.arguments = parseMaybeJson(input);
  let callId = requestId;
  if (t.result === void 0 && output !== void 0) {
    const msg = decodeJsonLayers(output);
    const kw = isRecord(msg) && isRecord(msg.kwargs) ? msg.kwargs : void 0;
    if (kw && kw.content !== void 0) {
      t.result = kw.content;
      if (typeof kw.tool_call_id === "string") callId = kw.tool_call_id;
    } else t.result = parseMaybeJson(output);
  }
  if (t.callId === void 0 && callId !== void 0) t.callId = callId;
  return t;
}

// src/core/semantics/lazy.ts
function defineLazy(obj, key, compute) {
  Object.defineProperty(obj, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    }
  });
}

// src/core/semantics/report.ts
function buildFieldReport(ctx, i2) {
  const info = ctx.infoOf(i2);
  const span = ctx.trace.spans[i2];
  const out = [];
  const from = (field, source, missing) => out.push(source !== void 0 ? { field, from: source } : { field, missing });
  const sourced = (field, key, readingKey) => {
    const v = pick(info, readingKey);
    from(field, v?.from, lookedFor(info, key));
  };
  const notes = info.readings.map((r) => r.categoryNote).filter(Boolean).join("; ");
  from("category", info.categoryFrom, info.readings.length ? `${notes || lookedFor(info, "category")}: no convention says what this span is` : "no GenAI attributes (gen_ai.*, llm.*, ai.*, openinference.*, traceloop.*, langfuse.*)");
  const adoptedBy = ctx.runs.adopted.get(i2);
  if (adoptedBy !== void 0) {
    out.push({ field: "run", from: `parent ${span.parentSpanId} is missing; placed under agent span #${adoptedBy} "${ctx.trace.spans[adoptedBy].name}", whose time span contains this span's start` });
  }
  if (ctx.runs.implicitRuns.has(i2)) out.push({ field: "run", from: "implicit run: LLM calls or tools below this root are outside every agent span" });
  switch (info.category) {
    case "llm":
      if (ctx.llmWrappers.has(i2)) {
        out.push({ field: "usage", missing: "not counted as an LLM call: an LLM span inside it is the call (counting both would count its tokens twice)" });
        break;
      }
      llmFields(ctx, info, i2, out, sourced, from);
      break;
    case "tool": {
      if (ctx.toolWrappers.has(i2)) {
        out.push({ field: "tool.name", missing: "not counted as a tool execution: it wraps a tool span of the same name" });
        break;
      }
      const t = ctx.tools.get(i2);
      from("tool.name", pick(info, "toolName")?.from, `${lookedFor(info, "tool.name")}; the span name is used`);
      sourced("tool.callId", "tool.callId", "toolCallId");
      sourced("tool.arguments", "tool.arguments", "toolArguments");
      sourced("tool.result", "tool.result", "toolResult");
      if (t?.requestedBy !== void 0) {
        const byId = t.callId !== void 0 && ctx.calls.get(t.requestedBy)?.output.some((m) => m.toolCalls.some((r) => r.id === t.callId));
        out.push({ field: "requestedBy", from: byId ? `tool call id ${t.callId} in the output of LLM span #${t.requestedBy}` : `most recent LLM call before it in its run (span #${t.requestedBy})` });
      } else out.push({ field: "requestedBy", missing: "no LLM call starts before it in its run" });
      break;
    }
    case "agent": {
      sourced("agent.name", "agent.name", "agentName");
      if (!ctx.runs.explicitRuns.has(i2)) out.push({ field: "run", missing: "no LLM call below this agent span, so it is not shown as an agent run" });
      const answer = pick(info, "answer");
      out.push(answer ? { field: "finalAnswer", from: answer.from } : { field: "finalAnswer", from: "text of the run's last LLM call" });
      break;
    }
    default:
      break;
  }
  return out;
}
function llmFields(ctx, info, i2, out, sourced, from) {
  sourced("model", "model", "model");
  sourced("provider", "provider", "provider");
  const u = pickUsage(info);
  const noUsage = lookedFor(info, "usage");
  from("usage.input", u?.input?.from, noUsage);
  from("usage.output", u?.output?.from, noUsage);
  if (u?.cachedInput) out.push({ field: "usage.cachedInput", from: u.cachedInput.from });
  if (u?.reasoning) out.push({ field: "usage.reasoning", from: u.reasoning.from });
  const call = ctx.calls.get(i2);
  if (call) out.push(costSource(info, call));
  const capture = ": content capture was probably off (OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT, recordInputs/recordOutputs\u2026)";
  from("input", pick(info, "input")?.from, lookedFor(info, "input") + capture);
  from("output", pick(info, "output")?.from, lookedFor(info, "output") + capture);
}
function costSource(info, call) {
  const c = call.cost;
  const vendor = pick(info, "costUsd");
  switch (c.source) {
    case "vendor":
      return { field: "cost", from: vendor?.from ?? "vendor cost attribute" };
    case "price-table":
      return {
        field: "cost",
        from: `${c.priceDate === "settings" ? "price from settings" : `built-in price table (prices as of ${c.priceDate})`}: ${c.priceKey}${vendor ? ` (the trace's ${vendor.from} = 0 was ignored: it has tokens)` : ""}`
      };
    case "unpriced":
      return {
        field: "cost",
        missing: call.model === void 0 ? "no model name and no cost attribute" : `model "${call.model}" is not in the price table (prices as of ${PRICES_AS_OF}) and the trace has no cost attribute; add it in settings`
      };
    case "no-usage":
      return { field: "cost", missing: "no token counts" };
  }
}

// src/core/semantics/runs.ts
var CALL_ID_LOOKBACK = 8;
function buildRuns(trace, infos, calls, tools, llmBelow) {
  const spans = trace.spans;
  const n = spans.length;
  const effParent = new Int32Array(n);
  for (let i2 = 0; i2 < n; i2++) effParent[i2] = spans[i2].parentIndex;
  const adopted = adoptOrphans(trace, infos, effParent);
  for (const [root2, agent] of adopted) {
    if (!(infos[root2].category === "llm" || llmBelow[root2])) continue;
    for (let a = agent; a >= 0 && !llmBelow[a]; a = effParent[a]) llmBelow[a] = 1;
  }
  const isRun = (i2) => infos[i2].category === "agent" && llmBelow[i2] === 1;
  const enclosing = new Int32Array(n).fill(-2);
  const chain = [];
  const enclosingOf = (i2) => {
    if (enclosing[i2] !== -2) return enclosing[i2];
    chain.length = 0;
    let j = i2;
    let result = -1;
    for (; ; ) {
      const p = effParent[j];
      if (p < 0) break;
      if (isRun(p)) {
        result = p;
        break;
      }
      if (enclosing[p] !== -2) {
        result = enclosing[p];
        break;
      }
      chain.push(p);
      j = p;
    }
    for (const c of chain) enclosing[c] = result;
    enclosing[i2] = result;
    return result;
  };
  const treeRoot = new Int32Array(n);
  for (let i2 = 0; i2 < n; i2++) treeRoot[i2] = spans[i2].parentIndex < 0 ? i2 : treeRoot[spans[i2].parentIndex];
  const effRootOf = (i2) => {
    const r = treeRoot[i2];
    const a = adopted.get(r);
    return a === void 0 ? r : treeRoot[a];
  };
  const drafts = /* @__PURE__ */ new Map();
  const draftFor = (i2, explicit) => {
    let d = drafts.get(i2);
    if (!d) drafts.set(i2, d = { spanIndex: i2, explicit, calls: [], tools: [], subRuns: [] });
    return d;
  };
  const runOf = new Int32Array(n).fill(-1);
  const implicitRuns = /* @__PURE__ */ new Set();
  const placeItem = (i2) => {
    const e = enclosingOf(i2);
    if (e >= 0) return draftFor(e, true);
    const root2 = effRootOf(i2);
    implicitRuns.add(root2);
    return draftFor(root2, false);
  };
  for (let i2 = 0; i2 < n; i2++) {
    if (isRun(i2)) draftFor(i2, true);
    const call = calls.get(i2);
    if (call) placeItem(i2).calls.push(call);
    const tool = tools.get(i2);
    if (tool) placeItem(i2).tools.push(tool);
  }
  const topLevel = [];
  for (const d of drafts.values()) {
    if (!d.explicit) {
      topLevel.push(d);
      continue;
    }
    const e = enclosingOf(d.spanIndex);
    const parent = e >= 0 ? drafts.get(e) : implicitRuns.has(effRootOf(d.spanIndex)) ? drafts.get(effRootOf(d.spanIndex)) : void 0;
    if (parent && parent !== d) parent.subRuns.push(d);
    else topLevel.push(d);
  }
  for (let i2 = 0; i2 < n; i2++) {
    const e = enclosingOf(i2);
    const root2 = effRootOf(i2);
    runOf[i2] = e >= 0 ? e : root2 !== i2 && implicitRuns.has(root2) ? root2 : -1;
  }
  let iterationCount = 0;
  const finish = (d) => {
    const run = finishRun(d, spans, infos, finish);
    iterationCount += run.iterations.length;
    return run;
  };
  const runs = sortByStart(topLevel, spans).map(finish);
  const explicitRuns = /* @__PURE__ */ new Set();
  for (const d of drafts.values()) if (d.explicit) explicitRuns.add(d.spanIndex);
  return { runs, iterationCount, adopted, runOf, explicitRuns, implicitRuns };
}
function sortByStart(list, spans) {
  const cmp = (a, b) => {
    const x2 = spans[a.spanIndex].startNs;
    const y = spans[b.spanIndex].startNs;
    return x2 < y ? -1 : x2 > y ? 1 : a.spanIndex - b.spanIndex;
  };
  for (let i2 = 1; i2 < list.length; i2++) if (cmp(list[i2 - 1], list[i2]) > 0) return list.sort(cmp);
  return list;
}
function finishRun(d, spans, infos, finish) {
  const calls = sortByStart(d.calls, spans);
  const tools = sortByStart(d.tools, spans);
  const perCall = calls.map(() => []);
  const consumed = new Array(calls.length);
  const loose = [];
  let k = 0;
  for (const t of tools) {
    const start = spans[t.spanIndex].startNs;
    while (k < calls.length && spans[calls[k].spanIndex].startNs <= start) k++;
    if (k === 0) {
      loose.push(t);
      continue;
    }
    const chosen = requestingCall(t, calls, k - 1, consumed);
    t.requestedBy = calls[chosen].spanIndex;
    perCall[chosen].push(t);
  }
  const iterations = calls.map((llmCall, index) => {
    return new IterationRecord(index, llmCall, perCall[index], () => unexecuted(requests(llmCall), perCall[index]));
  });
  const subAgents = sortByStart(d.subRuns, spans).map(finish);
  const info = infos[d.spanIndex];
  const name = (d.explicit ? pick(info, "agentName")?.value : void 0) ?? spans[d.spanIndex].name;
  const run = { spanIndex: d.spanIndex, name, iterations, looseToolExecutions: loose, subAgents };
  defineLazy(run, "finalAnswer", () => finalAnswer(info, calls, subAgents));
  return run;
}
function requestingCall(t, calls, last, consumed) {
  const stop = Math.max(0, last - CALL_ID_LOOKBACK);
  const take = (j, r) => {
    (consumed[j] ??= /* @__PURE__ */ new Set()).add(r);
    return j;
  };
  if (t.callId !== void 0) {
    for (let j = last; j >= stop; j--) if (calls[j].requestsCallId(t.callId)) return j;
    return last;
  }
  const args = t.arguments === void 0 ? void 0 : stableJson(t.arguments);
  for (const sameArgs of args === void 0 ? [false] : [true, false]) {
    for (let j = last; j >= stop; j--) {
      const r = requests(calls[j]).findIndex((x2, idx) => x2.name === t.name && !consumed[j]?.has(idx) && (!sameArgs || stableJson(x2.arguments) === args));
      if (r >= 0) return take(j, r);
    }
  }
  return last;
}
function stableJson(v) {
  return JSON.stringify(
    v,
    (_k, x2) => x2 && typeof x2 === "object" && !Array.isArray(x2) ? Object.fromEntries(Object.entries(x2).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) : x2
  ) ?? "";
}
var requestCache = /* @__PURE__ */ new WeakMap();
function requests(call) {
  let out = requestCache.get(call);
  if (!out) {
    out = [];
    for (const m of call.output) for (const r of m.toolCalls) out.push(r);
    requestCache.set(call, out);
  }
  return out;
}
function unexecuted(reqs, execs) {
  if (reqs.length === 0) return [];
  const left = reqs.filter((r) => !FINAL_ANSWER_TOOLS.has(r.name));
  const unmatched = [];
  for (const e of execs) {
    const i2 = e.callId !== void 0 ? left.findIndex((r) => r.id === e.callId) : -1;
    if (i2 >= 0) left.splice(i2, 1);
    else unmatched.push(e);
  }
  for (const e of unmatched) {
    const i2 = left.findIndex((r) => r.name === e.name);
    if (i2 >= 0) left.splice(i2, 1);
  }
  return left;
}
var FINAL_ANSWER_TOOLS = /* @__PURE__ */ new Set(["final_answer", "final_output", "final_result"]);
function textOfCalls(calls) {
  for (let i2 = calls.length - 1; i2 >= 0; i2--) {
    const text = lastAssistantText(calls[i2].output);
    if (text) return text;
  }
  return void 0;
}
function finalToolAnswer(calls) {
  const last = calls[calls.length - 1];
  if (last) {
    for (const r of requests(last)) if (FINAL_ANSWER_TOOLS.has(r.name) && r.arguments !== void 0) return argumentsText(r.arguments);
  }
  return void 0;
}
function argumentsText(args) {
  if (args !== null && typeof args === "object" && !Array.isArray(args)) {
    const keys = Object.keys(args);
    if (keys.length === 1) {
      const v = args[keys[0]];
      if (typeof v === "string") return v;
    }
  }
  return textOf(args);
}
function finalAnswer(info, calls, subAgents) {
  const answer = textOfCalls(calls) ?? pick(info, "answer")?.get() ?? finalToolAnswer(calls);
  if (answer) return answer;
  for (let i2 = subAgents.length - 1; i2 >= 0; i2--) {
    const a = subAgents[i2].finalAnswer;
    if (a) return a;
  }
  return void 0;
}
function adoptOrphans(trace, infos, effParent) {
  const spans = trace.spans;
  const adopted = /* @__PURE__ */ new Map();
  const orphans = trace.rootIndices.filter((r) => spans[r].parentSpanId !== void 0 && spans[r].parentSpanId !== "");
  if (orphans.length === 0) return adopted;
  const orphanRoot = new Set(orphans);
  const agents = [];
  for (const r of trace.rootIndices) {
    if (orphanRoot.has(r)) continue;
    const root2 = spans[r];
    for (let i2 = r; i2 < root2.subtreeEnd; i2++) if (infos[i2].category === "agent") agents.push(i2);
  }
  if (agents.length === 0) return adopted;
  agents.sort((a, b) => spans[a].startNs < spans[b].startNs ? -1 : spans[a].startNs > spans[b].startNs ? 1 : a - b);
  for (const o of orphans) {
    const start = spans[o].startNs;
    let lo = 0;
    let hi = agents.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (spans[agents[mid]].startNs <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1, steps = 0; j >= 0 && steps < 64; j--, steps++) {
      if (spans[agents[j]].endNs >= start) {
        adopted.set(o, agents[j]);
        effParent[o] = agents[j];
        break;
      }
    }
  }
  return adopted;
}

// src/core/semantics/agentView.ts
var PLAIN_SPAN = Object.freeze({
  category: "other",
  convention: "none",
  fields: Object.freeze([{ field: "category", missing: "no GenAI attributes (gen_ai.*, llm.*, ai.*, openinference.*, traceloop.*, langfuse.*)" }])
});
function deriveAgentView(trace, opts = {}) {
  const spans = trace.spans;
  const n = spans.length;
  const infos = new Array(n);
  for (let i2 = 0; i2 < n; i2++) infos[i2] = readSpan3(spans[i2]);
  const llmBelow = new Uint8Array(n);
  for (let i2 = n - 1; i2 >= 0; i2--) {
    const p = spans[i2].parentIndex;
    if (p >= 0 && (llmBelow[i2] || infos[i2].category === "llm")) llmBelow[p] = 1;
  }
  const calls = /* @__PURE__ */ new Map();
  const tools = /* @__PURE__ */ new Map();
  const llmWrappers = /* @__PURE__ */ new Set();
  const toolWrappers = /* @__PURE__ */ new Set();
  for (let i2 = 0; i2 < n; i2++) {
    const info = infos[i2];
    if (info.category === "llm") {
      if (llmBelow[i2]) llmWrappers.add(i2);
      else calls.set(i2, buildLlmCall(spans[i2], info, opts.prices));
    } else if (info.category === "tool") {
      const t = buildToolExecution(spans[i2], info);
      tools.set(i2, t);
      const p = spans[i2].parentIndex;
      const parent = p >= 0 ? tools.get(p) : void 0;
      if (parent && parent.name === t.name) toolWrappers.add(p);
    }
  }
  for (const w of toolWrappers) tools.delete(w);
  const inferred = inferUnmarkedTools(trace, infos, calls, tools, llmBelow);
  const runs = buildRuns(trace, infos, calls, tools, llmBelow);
  const llmCalls = [...calls.values()];
  const toolExecutions = [...tools.values()].sort((a, b) => a.spanIndex - b.spanIndex);
  const infoOf = (i2) => inferred.get(i2) ?? readSpan3(spans[i2]);
  const ctx = { trace, infoOf, calls, tools, runs, llmWrappers, toolWrappers };
  const semantics = new Array(n);
  for (let i2 = 0; i2 < n; i2++) {
    const info = infos[i2];
    if (info === PLAIN_SPAN_INFO) {
      semantics[i2] = PLAIN_SPAN;
      continue;
    }
    semantics[i2] = new SpanSemanticsRecord(info, ctx, i2);
  }
  const { tokens, costUsd, unpricedModels } = totals(llmCalls);
  const view = { spans: semantics, llmCalls, toolExecutions, runs: runs.runs, iterationCount: runs.iterationCount, tokens, costUsd, unpricedModels };
  defineLazy(view, "finalAnswer", () => {
    const calls2 = byStart(llmCalls, trace);
    return textOfCalls(calls2) ?? lastAnswer(runs.runs) ?? finalToolAnswer(calls2);
  });
  return view;
}
var SpanSemanticsRecord = class {
  constructor(info, ctx, index) {
    this.index = index;
    this.category = info.category;
    this.convention = info.convention;
    this.#ctx = ctx;
  }
  index;
  category;
  convention;
  #fields;
  #ctx;
  get fields() {
    if (this.#fields === void 0) {
      this.#fields = buildFieldReport(this.#ctx, this.index);
      this.#ctx = void 0;
    }
    return this.#fields;
  }
  toJSON() {
    return { category: this.category, convention: this.convention, fields: this.fields };
  }
};
function totals(llmCalls) {
  const tokens = { input: 0, output: 0 };
  let cost = 0;
  let unknown = false;
  const unpriced = /* @__PURE__ */ new Set();
  for (const c of llmCalls) {
    const u = c.usage;
    tokens.input += u.input ?? (u.total !== void 0 ? Math.max(0, u.total - (u.output ?? 0)) : 0);
    tokens.output += u.output ?? 0;
    if (u.cachedInput !== void 0) tokens.cachedInput = (tokens.cachedInput ?? 0) + u.cachedInput;
    if (u.reasoning !== void 0) tokens.reasoning = (tokens.reasoning ?? 0) + u.reasoning;
    if (c.cost.usd !== null) cost += c.cost.usd;
    else if (c.cost.source === "unpriced") {
      unknown = true;
      unpriced.add(c.model ?? "(no model name)");
    }
  }
  tokens.total = tokens.input + tokens.output;
  return { tokens, costUsd: unknown ? null : cost, unpricedModels: [...unpriced].sort() };
}
function byStart(calls, trace) {
  const spans = trace.spans;
  return [...calls].sort((a, b) => {
    const x2 = spans[a.spanIndex].startNs;
    const y = spans[b.spanIndex].startNs;
    return x2 < y ? -1 : x2 > y ? 1 : a.spanIndex - b.spanIndex;
  });
}
function lastAnswer(runs) {
  for (let i2 = runs.length - 1; i2 >= 0; i2--) {
    const a = runs[i2].finalAnswer;
    if (a) return a;
  }
  return void 0;
}

// scripts/eval/claimsEval.ts
var KINDS4 = ["claimed-not-executed", "claimed-success-but-failed", "argument-mismatch", "requested-not-executed", "unmentioned-action", "silent-tool-failure"];
function labelFiles(root2) {
  const dirs = [(0, import_node_path.join)(root2, "test/fixtures/claims/set"), (0, import_node_path.join)(root2, "test/fixtures/claims/corpus")];
  return dirs.flatMap((d) => (0, import_node_fs.readdirSync)(d).filter((f) => f.endsWith(".labels.json")).sort().map((f) => (0, import_node_path.join)(d, f)));
}
function evaluateClaims(root2) {
  const cases = [];
  const byKind = new Map(KINDS4.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  for (const file of labelFiles(root2)) {
    const label = JSON.parse((0, import_node_fs.readFileSync)(file, "utf8"));
    const tracePath = (0, import_node_path.resolve)((0, import_node_path.dirname)(file), label.trace);
    const set = importTrace((0, import_node_fs.readFileSync)(tracePath), { fileName: tracePath });
    const findings = [];
    for (const trace of set.traces) {
      const view = deriveAgentView(trace);
      const byId = new Map(trace.spans.map((s) => [s.spanId, s.index]));
      const toolAt = new Map(view.toolExecutions.map((e) => [e.spanIndex, e.name]));
      for (const f of analyzeClaims(trace, view)) {
        const idx = f.spanIds.map((id) => byId.get(id)).filter((i2) => i2 !== void 0);
        findings.push({ ...f, spanNames: idx.map((i2) => trace.spans[i2].name), toolNames: idx.flatMap((i2) => toolAt.has(i2) ? [toolAt.get(i2)] : []) });
      }
    }
    const unmatched = [...findings];
    const missed = [];
    let matched = 0;
    for (const e of label.expected) {
      const i2 = unmatched.findIndex((f) => matches(e, f));
      if (i2 < 0) {
        missed.push(e);
        count(byKind, e.kind).fn++;
      } else {
        unmatched.splice(i2, 1);
        matched++;
        count(byKind, e.kind).tp++;
      }
    }
    for (const f of unmatched) count(byKind, f.kind).fp++;
    const name = file.slice(root2.length + 1).replace(/\.labels\.json$/, "");
    cases.push({ name, honest: label.expected.length === 0, findings, matched, falseFindings: unmatched, missed });
  }
  const overall = { tp: 0, fp: 0, fn: 0 };
  for (const c of byKind.values()) {
    overall.tp += c.tp;
    overall.fp += c.fp;
    overall.fn += c.fn;
  }
  const honestFalseFindings = cases.filter((c) => c.honest).flatMap((c) => c.findings.map((finding) => ({ name: c.name, finding })));
  return { cases, byKind, overall, honestFalseFindings };
}
function matches(e, f) {
  if (e.kind !== f.kind) return false;
  if (e.tool !== void 0 && !f.toolNames.includes(e.tool) && !f.message.includes(e.tool)) return false;
  if (e.spanName !== void 0 && !f.spanNames.includes(e.spanName)) return false;
  if (e.claim !== void 0 && !(f.claim ?? "").toLowerCase().includes(e.claim.toLowerCase())) return false;
  return true;
}
function count(m, k) {
  let c = m.get(k);
  if (!c) m.set(k, c = { tp: 0, fp: 0, fn: 0 });
  return c;
}
var precision = (c) => c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
var recall = (c) => c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
function formatEvaluation(ev2) {
  const pct = (x2) => x2.toFixed(3);
  const row = (name, c) => `${name.padEnd(28)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}   ${pct(precision(c))}   ${pct(recall(c))}`;
  const honest = ev2.cases.filter((c) => c.honest).length;
  const lines = [
    `claimed-vs-executed evaluation: ${ev2.cases.length} labelled traces (${honest} honest, ${ev2.cases.length - honest} with expected findings)`,
    "",
    `${"category".padEnd(28)}   tp   fp   fn   precision recall`,
    ...[...ev2.byKind].map(([k, c]) => row(k, c)),
    row("overall", ev2.overall),
    "",
    `false findings on honest runs: ${ev2.honestFalseFindings.length}`,
    ...ev2.honestFalseFindings.map(({ name, finding }) => `  ${name}: ${finding.kind}: ${finding.message}`)
  ];
  const wrong = ev2.cases.filter((c) => c.missed.length || !c.honest && c.falseFindings.length);
  if (wrong.length) {
    lines.push("", "misses and unexpected findings on labelled runs:");
    for (const c of wrong) {
      for (const m of c.missed) lines.push(`  ${c.name}: missed ${m.kind} (${m.tool ?? m.spanName ?? m.claim ?? ""})`);
      if (!c.honest) for (const f of c.falseFindings) lines.push(`  ${c.name}: unexpected ${f.kind}: ${f.message}`);
    }
  }
  return lines.join("\n");
}

// scripts/eval/runClaimsEval.ts
var root = process.argv[2] ?? process.cwd();
var ev = evaluateClaims(root);
process.stdout.write(formatEvaluation(ev) + "\n");
var ok = precision(ev.overall) >= 0.95 && recall(ev.overall) >= 0.85 && ev.honestFalseFindings.length === 0;
process.stdout.write(`
targets (precision >= 0.95, recall >= 0.85, no false findings on honest runs): ${ok ? "met" : "NOT met"}
`);
process.exitCode = ok ? 0 : 1;
