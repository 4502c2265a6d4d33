/**
 * The compare page's entry (bundled by esbuild into dist/webview/compare.js and compare.css,
 * loaded with the CSP nonce by src/compare/comparePanel.ts). Wiring only.
 */
import '../cspViolations';
import './compare.css';
import { connectCompareHost } from './compareHost';
import { markSelected, renderCompare } from './renderCompare';

const root = document.getElementById('app') ?? document.body;
root.classList.add('compare-page');
const host = connectCompareHost();
host.onMessage((msg) => {
  switch (msg.type) {
    case 'compareView':
      renderCompare(root, msg.view, {
        selectPair: (pair) => host.post({ type: 'pairSelected', pair }),
        openSide: (side) => host.post({ type: 'openSide', side }),
      });
      return;
    case 'selectPair':
      markSelected(root, msg.pair);
      return;
  }
});
host.post({ type: 'compareReady' });
