/**
 * Records every Content-Security-Policy violation in this page on `<html>`: `data-csp-violations`
 * holds the count, `data-csp-violation-details` a JSON array of the first few
 * `{ directive, blocked, sample }`. The page's CSP (src/panel/webviewHtml.ts) allows no inline
 * styles or scripts; a control that tried them would otherwise fail quietly (an unstyled part, a
 * dropped script), so the end-to-end tests read these attributes and expect zero.
 *
 * Imported first by main.ts, for its side effect: ES modules run in import order, so the listener
 * is in place before any other module (or the component library) runs. Violations inside shadow
 * roots reach it too (the event is composed).
 */
const MAX_DETAILS = 20;

const details: { directive: string; blocked: string; sample: string }[] = [];
let count = 0;

document.addEventListener(
  'securitypolicyviolation',
  (ev) => {
    count++;
    if (details.length < MAX_DETAILS) details.push({ directive: ev.effectiveDirective, blocked: ev.blockedURI, sample: ev.sample.slice(0, 80) });
    const root = document.documentElement;
    root.dataset.cspViolations = String(count);
    root.dataset.cspViolationDetails = JSON.stringify(details);
  },
  true,
);
document.documentElement.dataset.cspViolations = '0';
