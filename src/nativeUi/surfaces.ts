import * as vscode from 'vscode';
import type { NativeText } from '../core/text/nativeText';

/**
 * The only place that hands text to VS Code surfaces which render markup (notifications: links
 * that run commands; quick picks, CodeLens titles, status bar: `$(codicons)`; tree items and
 * tooltips). Each takes `NativeText` (src/core/text/nativeText.ts), so trace text must have been
 * neutralised to get here; ESLint forbids the raw calls everywhere else in src/.
 */

export function showInfo<T extends NativeText>(message: NativeText, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(message, ...items);
}

export function showWarning<T extends NativeText>(message: NativeText, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(message, ...items);
}

export function showError<T extends NativeText>(message: NativeText, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showErrorMessage(message, ...items);
}

/** A quick pick item whose visible strings are all neutralised. */
export interface NativePickItem extends vscode.QuickPickItem {
  readonly label: NativeText;
  readonly description?: NativeText;
  readonly detail?: NativeText;
}

export interface NativePickOptions extends vscode.QuickPickOptions {
  readonly title?: NativeText;
  readonly placeHolder?: NativeText;
}

export function showPick<T extends NativePickItem>(items: readonly T[], options: NativePickOptions, token?: vscode.CancellationToken): Thenable<T | undefined> {
  return vscode.window.showQuickPick(items, options, token);
}

export interface NativeTreeText {
  readonly label: NativeText;
  readonly description?: NativeText;
  /** Plain text, or Markdown built only from neutralised text (`appendText` escapes markup). */
  readonly tooltip?: NativeText | readonly NativeText[];
}

/** A tree item; `tooltip` lines become one plain-text Markdown tooltip (no links, no codicons). */
export function treeItem(text: NativeTreeText, collapsible: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const item = new vscode.TreeItem(text.label, collapsible);
  if (text.description !== undefined) item.description = text.description;
  if (typeof text.tooltip === 'string') item.tooltip = text.tooltip;
  else if (text.tooltip !== undefined) {
    const md = new vscode.MarkdownString();
    md.appendText(text.tooltip.join('\n\n'));
    item.tooltip = md;
  }
  return item;
}

export function codeLens(range: vscode.Range, title: NativeText, command: string, args: readonly unknown[], tooltip?: NativeText): vscode.CodeLens {
  return new vscode.CodeLens(range, { title, command, arguments: [...args], ...(tooltip !== undefined ? { tooltip } : {}) });
}

export function setStatusText(item: vscode.StatusBarItem, text: NativeText, tooltip: NativeText): void {
  item.text = text;
  item.tooltip = tooltip;
}

export function withNativeProgress<R>(
  options: { readonly location: vscode.ProgressLocation; readonly title: NativeText; readonly cancellable?: boolean },
  task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>,
): Thenable<R> {
  return vscode.window.withProgress(options, task);
}
