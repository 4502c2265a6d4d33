/** Showing resolved candidates: open the decisive one beside the trace, or let the user pick. */
import * as vscode from 'vscode';
import { decisiveCandidate, type SourceCandidate } from '../core/analyze/source/candidates';
import type { SourceJumpResult } from '../core/protocol';
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
 * what was looked for in the messages ("the handler of tool get_weather").
 */
export async function showResolution(res: Resolution, subject: string): Promise<SourceJumpResult> {
  const ranked = res.candidates;
  if (ranked.length === 0) {
    return { outcome: 'not-found', message: `Could not find ${subject}. Tried: ${res.tried.join('; ')}.` };
  }
  let chosen = decisiveCandidate(ranked);
  if (!chosen) {
    const shown = ranked.slice(0, MAX_PICKS);
    const items = await Promise.all(
      shown.map(async (c) => ({ label: `$(symbol-function) ${displayPath(c)}`, description: c.reason, detail: await lineText(c), candidate: c })),
    );
    const pick = await vscode.window.showQuickPick(items, {
      title: `Go to ${subject}`,
      placeHolder: `${ranked.length} places may be ${subject}; pick one`,
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
