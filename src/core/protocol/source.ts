/** Result shape of the jump-to-source requests (`goToHandler`, `goToPrompt`). */
export interface SourceJumpResult {
  /**
   * `opened`: an editor was opened at the handler; `cancelled`: the user closed the quick pick of
   * several candidates; `not-found`: nothing matched (`message` says what was tried).
   */
  readonly outcome: 'opened' | 'cancelled' | 'not-found';
  readonly message: string;
}

/** Host-driven stepping (keybindings work while another editor has focus). */
export const STEP_ACTIONS = ['nextIteration', 'previousIteration', 'nextSpan', 'previousSpan', 'firstError', 'expand', 'collapse'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];
