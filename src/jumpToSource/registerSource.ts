/** Wiring of jump-to-source: the service for the webviews, the commands and the CodeLens. */
import * as vscode from 'vscode';
import type { OpenTraces } from '../session/openTraces';
import { createSourceService, GO_TO_HANDLER_COMMAND, GO_TO_PROMPT_COMMAND, runJumpCommand, type SourceService } from './sourceJumper';
import { LENS_LANGUAGES, REVEAL_TOOL_CALLS_COMMAND, ToolLensProvider } from './toolLenses';

export function registerSource(context: vscode.ExtensionContext, openTraces: OpenTraces, log: vscode.LogOutputChannel): SourceService {
  const source = createSourceService(log);
  const lenses = new ToolLensProvider(openTraces, log);
  context.subscriptions.push(
    lenses,
    vscode.languages.registerCodeLensProvider(
      LENS_LANGUAGES.map((language) => ({ language })),
      lenses,
    ),
    vscode.commands.registerCommand(GO_TO_HANDLER_COMMAND, (arg: unknown) => runJumpCommand('handler', arg, openTraces, source, log)),
    vscode.commands.registerCommand(GO_TO_PROMPT_COMMAND, (arg: unknown) => runJumpCommand('prompt', arg, openTraces, source, log)),
    vscode.commands.registerCommand(REVEAL_TOOL_CALLS_COMMAND, (arg: unknown) => lenses.revealCalls(arg)),
  );
  return source;
}
