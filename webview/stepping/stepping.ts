// PLACEHOLDER: replaced by the stepping work (keyboard and host-driven stepping).
import type { StepAction, TimelineIndex, TraceStructure } from '../../src/core/protocol';
import type { TreeModel } from '../tree/treeModel';

export interface StepContext {
  readonly structure: TraceStructure;
  readonly tree: TreeModel;
  readonly timeline: TimelineIndex;
}

/** The step a key press asks for, or undefined (the key is not a stepping key). */
export function stepKeyAction(_ev: KeyboardEvent): StepAction | undefined {
  return undefined;
}

/** The span to select after `action` from `selected`, or -1 to stay. */
export function stepTarget(_action: StepAction, _selected: number, _ctx: StepContext): number {
  return -1;
}
