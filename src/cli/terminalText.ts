import { blockText } from '../core/text/visibleText';

/**
 * Text for a terminal: trace text printed raw could clear the screen, set the window title or
 * reorder a line (ESC sequences, C1 controls, bidi overrides). Every control, bidi and
 * zero-width character but line feed and tab is shown as a marker (⟦ESC⟧, ⟦RLO⟧), as the
 * webview shows them. `--json` output is not passed through here: it stays exact.
 */
export function terminalText(text: string): string {
  return blockText(text);
}
