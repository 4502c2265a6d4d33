import * as vscode from 'vscode';
import type { NativeText } from '../core/text/nativeText';
import type { NativePickItem } from './surfaces';

/**
 * The multi-select quick pick and the modal question, on the same terms as surfaces.ts: every
 * visible string is `NativeText` (neutralised trace text or our own words).
 */

/** A multi-select pick item; separators group them (`kind: Separator`). */
export interface NativeManyItem extends NativePickItem {
  readonly picked?: boolean;
  readonly kind?: vscode.QuickPickItemKind;
}

/** A quick pick with check boxes: the picked items, or undefined when the user cancelled. */
export function showPickMany<T extends NativeManyItem>(
  items: readonly T[],
  options: { readonly title: NativeText; readonly placeHolder: NativeText; readonly matchOnDetail?: boolean },
): Thenable<T[] | undefined> {
  return vscode.window.showQuickPick(items, { ...options, canPickMany: true, ignoreFocusOut: true });
}

/** A modal warning with actions; the chosen action, or undefined (Cancel, Escape). */
export function askModal<T extends NativeText>(message: NativeText, detail: NativeText, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
}
