/** Showing resolved candidates: open the decisive one beside the trace, or let the user pick. */
import * as vscode from 'vscode';
import { decisiveCandidate, type SourceCandidate } from '../core/analyze/source/candidates';
import type { SourceJumpResult } from '../core/protocol';
import { joinNative, nativeText, nt } from '../core/text/nativeText';
import { showPick } from '../nativeUi/surfaces';
import type { Resolution } from './locate';

const MAX_PICKS = 50;

function displayPath(c: SourceCandidate): string {
  const uri = vscode.Uri.parse(c.path);
  return `${vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1)}:${c.line + 1}`;
}

/** Opens `c` in the editor group beside the active one (the trace), cursor at its line. */
export async function openCandidate(c: SourceCandidate): Promise<void> {
  const uri = vscode.Uri.parse(c.path);
  const pos = new vscode.Position(c.line, c.column);
  const editor = await vscode.window.showTextDocument(uri, {
    viewColumn: vscode.ViewColumn.Beside,
    preserveFocus: false,
    selection: new vscode.Range(pos, pos),
  });
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function lineText(c: SourceCandidate): Promise<string> {
  try {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(c.path));
    return c.line < doc.lineCount ? doc.lineAt(c.line).text.trim().slice(0, 160) : '';
  } catch {
    return '';
  }
}

/**
 * Opens the resolution's candidate (asking when several are equally likely); `subject` names
 * what was looked for in the messages ("the handler of tool get_weather"). It quotes trace text:
 * plain in the result (shown by the webview through textContent, and in the log), neutralised
 * for the quick pick.
 */
export async function showResolution(res: Resolution, subject: string): Promise<SourceJumpResult> {
  const nativeSubject = nativeText(subject);
  const ranked = res.candidates;
  if (ranked.length === 0) {
    return { outcome: 'not-found', message: `Could not find ${subject}. Tried: ${res.tried.join('; ')}.` };
  }
  let chosen = decisiveCandidate(ranked);
  if (!chosen) {
    const shown = ranked.slice(0, MAX_PICKS);
    const items = await Promise.all(
      shown.map(async (c) => ({
        label: nt`$(symbol-function) ${displayPath(c)}`,
        description: nativeText(c.reason),
        detail: nativeText(await lineText(c), 160),
        candidate: c,
      })),
    );
    const pick = await showPick(items, {
      title: joinNative([nt`Go to `, nativeSubject], ''),
      placeHolder: joinNative([nt`${ranked.length} places may be `, nativeSubject, nt`; pick one`], ''),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!pick) return { outcome: 'cancelled', message: 'No place was picked.' };
    chosen = pick.candidate;
  }
  try {
    await openCandidate(chosen);
  } catch (e) {
    return { outcome: 'not-found', message: `Could not open ${displayPath(chosen)}: ${e instanceof Error ? e.message : String(e)}` };
  }
  return { outcome: 'opened', message: `Opened ${displayPath(chosen)} (${chosen.reason}).` };
}
