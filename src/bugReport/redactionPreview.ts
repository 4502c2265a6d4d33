import * as vscode from 'vscode';
import type { RedactionOccurrence } from '../core/redact/redactTraces';
import { nativeText, nt } from '../core/text/nativeText';
import { formatCount } from '../core/view/format';
import { showPickMany, type NativeManyItem } from '../nativeUi/choiceSurfaces';

/** What the user decided in the preview. */
export interface PreviewChoice {
  /** Occurrence ids to leave in the bundle. */
  readonly keep: ReadonlySet<string>;
  readonly dropMessageBodies: boolean;
}

interface PreviewItem extends NativeManyItem {
  readonly occurrence?: RedactionOccurrence;
  readonly dropBodies?: true;
}

/** Occurrences listed one by one; beyond it only the counts say what else goes. */
const MAX_LISTED = 500;

/**
 * The redaction preview: one check box per occurrence (checked = keep it in the bundle), grouped
 * by type under a separator with the type's count and places, and one for dropping message bodies
 * entirely. The title carries the totals by type. Each line shows the marker, where it was found
 * and its masked context (never the value). Undefined when the user cancelled.
 */
export async function showRedactionPreview(occurrences: readonly RedactionOccurrence[]): Promise<PreviewChoice | undefined> {
  const byType = new Map<string, RedactionOccurrence[]>();
  for (const o of occurrences) byType.set(o.type, [...(byType.get(o.type) ?? []), o]);
  const counts = [...byType].map(([type, list]) => `${type} ${formatCount(list.length)}`).join(' · ');
  const items: PreviewItem[] = [
    {
      label: nt`$(trash) Drop message bodies entirely`,
      description: nt`prompts, answers and tool payloads become markers; roles, tool names and call ids stay`,
      dropBodies: true,
    },
  ];
  let listed = 0;
  for (const [type, list] of byType) {
    items.push({ label: nt`${type}: ${formatCount(list.length)} (${placeCounts(list)})`, kind: vscode.QuickPickItemKind.Separator });
    for (const o of list) {
      if (listed++ >= MAX_LISTED) break;
      items.push({
        label: nt`Keep ${o.marker}`,
        description: nativeText(`${o.place.where}${o.place.jsonPath ? ` ${o.place.jsonPath}` : ''} · span ${o.place.spanId}`),
        detail: nativeText(o.context, 200),
        occurrence: o,
      });
    }
  }
  const title =
    occurrences.length === 0
      ? nt`Create Bug Report: nothing to redact was found`
      : nt`Create Bug Report: ${formatCount(occurrences.length)} values will be redacted (${counts})`;
  const picked = await showPickMany(items, {
    title,
    placeHolder: nt`Check the values to keep in the report (default: redact all), then press Enter to write the bundle`,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  return {
    keep: new Set(picked.flatMap((p) => (p.occurrence ? [p.occurrence.id] : []))),
    dropMessageBodies: picked.some((p) => p.dropBodies),
  };
}

/** "attribute 3, span name 1": where one type's occurrences are, by the kind of place. */
function placeCounts(list: readonly RedactionOccurrence[]): string {
  const places = new Map<string, number>();
  for (const o of list) {
    const w = o.place.where;
    const kind = w === 'span name' || w === 'status message' || w === 'attribute key' ? w : w.replace(/ .*$/, '');
    places.set(kind, (places.get(kind) ?? 0) + 1);
  }
  return [...places].map(([p, n]) => `${p} ${n}`).join(', ');
}
