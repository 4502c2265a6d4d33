import { describe, expect, it } from 'vitest';
import { lookalikeNames } from '../../../src/core/analyze/lookalikeNames';
import { lookalikeMark, lookalikeReason } from '../../../src/core/text/lookalikes';
import { nativeText, nt } from '../../../src/core/text/nativeText';
import { blockText, inlineText } from '../../../src/core/text/visibleText';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace } from '../semantics/buildTrace';

/** VS Code's notification link syntax (parseLinkedText): `[label](https:|command:|file:…)`. */
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)/;
/** Codicon syntax in quick picks, CodeLens titles and the status bar. */
const CODICON = /\$\([a-z0-9-~]+\)/;

describe('nativeText: trace text made inert for VS Code surfaces', () => {
  const payloads = [
    'lookup2 [Retry](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%5Cn%22%7D)',
    '[Reload the trace](command:workbench.action.reloadWindow)',
    '[docs](https://evil.example/x) and [f](file:///etc/passwd)',
    '$(alert) urgent $(sync~spin)',
    'a]( command:x',
  ];

  it.each(payloads)('breaks link and codicon syntax in %s', (p) => {
    const out = nativeText(p, 1000);
    expect(out).not.toMatch(LINK);
    expect(out).not.toMatch(CODICON);
    // the reader still sees what the trace says, with look-alike brackets
    expect(out.replace(/］/g, ']').replace(/＄/g, '$')).toBe(p);
  });

  it('leaves brackets that make no link alone', () => {
    expect(nativeText('invoke_agent [any_agent]')).toBe('invoke_agent [any_agent]');
    expect(nativeText('[a] (b)')).toBe('[a] (b)');
  });

  it('shows bidi, control and zero-width characters as markers on one line, clipped', () => {
    expect(nativeText('get_weather\u202Etxt.exe')).toBe('get_weather⟦RLO⟧txt.exe');
    expect(nativeText('a\nb\u0007c')).toBe('a ⏎ b⟦BEL⟧c');
    expect(nativeText('book\u200b_hotel')).toBe('book⟦ZWSP⟧_hotel');
    expect(nativeText('x'.repeat(50), 10)).toBe('x'.repeat(10) + '…');
  });

  it('nt keeps our literal codicons and neutralises every interpolated value', () => {
    const tool = '[Retry](command:evil)';
    const s = nt`$(error) Could not find the handler of "${tool}" (${3} tries)`;
    expect(s.startsWith('$(error) Could not find')).toBe(true);
    expect(s).toContain('"[Retry］(command:evil)"');
    expect(s).toContain('(3 tries)');
    expect(s).not.toMatch(LINK);
  });
});

describe('visible text marks zero-width characters', () => {
  it('inline text marks ZWSP, ZWJ, ZWNJ, WJ, BOM and soft hyphen', () => {
    expect(inlineText('a\u200bb\u200cc\u200dd\u2060e\ufefff\u00adg')).toBe('a⟦ZWSP⟧b⟦ZWNJ⟧c⟦ZWJ⟧d⟦WJ⟧e⟦ZWNBSP⟧f⟦SHY⟧g');
  });
  it('block text keeps ZWJ and ZWNJ (emoji sequences and scripts need them) but marks ZWSP', () => {
    const family = '👨\u200d👩\u200d👧';
    expect(blockText(`${family} x\u200by`)).toBe(`${family} x⟦ZWSP⟧y`);
  });
});

describe('look-alike names', () => {
  it('names the scripts a name mixes', () => {
    expect(lookalikeReason('bооk_hotel')).toBe('mixes Latin and Cyrillic letters'); // two Cyrillic о
    expect(lookalikeReason('get_weаtherΩ')).toBe('mixes Latin, Cyrillic and Greek letters');
    expect(lookalikeReason('get_weаther_Ω')).toBe('mixes Latin and Cyrillic letters');
    expect(lookalikeReason('book\u200b_hotel')).toBe('contains zero-width characters');
  });
  it('leaves single-script names, digits and punctuation alone', () => {
    for (const ok of ['book_hotel', 'get-weather.v2', 'поиск_отеля', 'λ_step', 'search_поиск', '天気を調べる', 'tool_42'])
      expect(lookalikeReason(ok)).toBeUndefined();
    expect(lookalikeMark('book_hotel')).toBe('');
    expect(lookalikeMark('bооk_hotel')).toBe(' ⚠ look-alike');
  });
  it('lists one diagnostic per look-alike tool name, at its first span', () => {
    const trace = buildTrace([
      { id: 1, name: 'invoke_agent travel', start: 0, end: 100, attrs: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'travel' } },
      {
        id: 2,
        parent: 1,
        name: 'execute_tool book_hotel',
        start: 10,
        end: 20,
        attrs: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'book_hotel' },
      },
      {
        id: 3,
        parent: 1,
        name: 'execute_tool bооk_hotel',
        start: 30,
        end: 40,
        attrs: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'bооk_hotel' },
      },
      {
        id: 4,
        parent: 1,
        name: 'execute_tool bооk_hotel',
        start: 50,
        end: 60,
        attrs: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'bооk_hotel' },
      },
    ]);
    const d = lookalikeNames(trace, deriveAgentView(trace));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'lookalike-name', severity: 'warning', message: 'tool name "bооk_hotel" mixes Latin and Cyrillic letters' });
    expect(d[0].spanId).toBe(trace.spans.find((s) => s.name === 'execute_tool bооk_hotel')!.spanId);
  });
});
