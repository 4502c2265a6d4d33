import { describe, expect, it } from 'vitest';
import { newSummary } from '../../../src/core/receiver/traceSummary';
import {
  describeStartFailure,
  exporterSettingsText,
  receivedTraceDescription,
  receivedTraceLabel,
  receiverStatusText,
  shellKindOf,
  sortNewestFirst,
} from '../../../src/receiver/vscode/receiverText';
import { NonLoopbackBindError, PortInUseError } from '../../../src/receiver/server/ports';
import { StoreLockedError } from '../../../src/receiver/server/storeFiles';

describe('receiver status text', () => {
  it('names the port and the number of traces, singular for one', () => {
    expect(receiverStatusText(4318, 0)).toBe('$(broadcast) OTLP :4318 · 0 traces');
    expect(receiverStatusText(4318, 1)).toBe('$(broadcast) OTLP :4318 · 1 trace');
    expect(receiverStatusText(43181, 1234)).toBe('$(broadcast) OTLP :43181 · 1,234 traces');
  });
});

describe('exporter settings text', () => {
  const base = 'http://127.0.0.1:4318';
  const traces = 'http://127.0.0.1:4318/v1/traces';

  it('exports the base and traces endpoints and the protobuf protocol for a POSIX shell', () => {
    expect(exporterSettingsText(base, traces, 'posix')).toBe(
      [
        'export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:4318"',
        'export OTEL_EXPORTER_OTLP_PROTOCOL="http/protobuf"',
        'export OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="http://127.0.0.1:4318/v1/traces"',
        'export OTEL_EXPORTER_OTLP_TRACES_PROTOCOL="http/protobuf"',
        'export OTEL_TRACES_EXPORTER="otlp"',
        '',
      ].join('\n'),
    );
  });

  it('uses $env: for PowerShell and set for cmd', () => {
    const ps = exporterSettingsText(base, traces, 'powershell').split('\n');
    expect(ps[0]).toBe('$env:OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:4318"');
    expect(ps[2]).toBe('$env:OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="http://127.0.0.1:4318/v1/traces"');
    expect(exporterSettingsText(base, traces, 'cmd').split('\n')[2]).toBe('set OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:4318/v1/traces');
  });

  it('picks the syntax from the default shell path', () => {
    expect(shellKindOf('/bin/bash', 'linux')).toBe('posix');
    expect(shellKindOf('/usr/bin/zsh', 'darwin')).toBe('posix');
    expect(shellKindOf('C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'win32')).toBe('powershell');
    expect(shellKindOf('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'win32')).toBe('powershell');
    expect(shellKindOf('C:\\WINDOWS\\System32\\cmd.exe', 'win32')).toBe('cmd');
    expect(shellKindOf('', 'win32')).toBe('powershell');
    expect(shellKindOf('', 'linux')).toBe('posix');
  });
});

describe('received traces in the side bar', () => {
  it('describes status, duration, spans, then tokens and cost once the figures are in', () => {
    const s = { ...newSummary('ab'.repeat(16), 'x.otlp.jsonl', 0), status: 'ok' as const, spanCount: 6, durationMs: 1500 };
    expect(receivedTraceDescription(s)).toBe('ok · 1.50 s · 6 spans');
    const withAgent = { ...s, agent: { llmCalls: 3, toolCalls: 2, inputTokens: 620, outputTokens: 119, costUsd: null, analyzedBytes: 10 } };
    expect(receivedTraceDescription(withAgent)).toBe('ok · 1.50 s · 6 spans · 739 tokens · unpriced');
    expect(receivedTraceDescription({ ...s, status: 'unset' })).toBe('ok · 1.50 s · 6 spans');
    expect(receivedTraceDescription({ ...s, status: 'error', errorCount: 1 })).toBe('error · 1.50 s · 6 spans');
  });

  it('labels a trace whose root has not arrived by its id', () => {
    expect(receivedTraceLabel({ ...newSummary('0123456789abcdef0123456789abcdef', 'f', 0), rootName: '' })).toBe('trace 01234567… (root not received yet)');
    expect(receivedTraceLabel({ ...newSummary('0123456789abcdef0123456789abcdef', 'f', 0), rootName: 'ai.generateText' })).toBe('ai.generateText');
  });

  it('sorts newest first by the time spans were last received', () => {
    const a = { ...newSummary('aa', 'a', 100), lastReceivedMs: 100 };
    const b = { ...newSummary('bb', 'b', 100), lastReceivedMs: 300 };
    const c = { ...newSummary('cc', 'c', 100), lastReceivedMs: 200 };
    expect(sortNewestFirst([a, b, c]).map((s) => s.traceId)).toEqual(['bb', 'cc', 'aa']);
  });
});

describe('start failures in plain words', () => {
  it('offers the suggested port when the port is taken', () => {
    const f = describeStartFailure(new PortInUseError('127.0.0.1', 4318, 4319), 4318);
    expect(f).toMatchObject({ kind: 'portInUse', suggestedPort: 4319 });
    expect(f.message).toContain('Port 4318 is already in use');
  });

  it('says another window runs the receiver when the store is locked', () => {
    expect(describeStartFailure(new StoreLockedError('/s', 123), 4318).message).toContain('Another VS Code window is already running the Agent Trace receiver');
  });

  it('passes other errors through with the port', () => {
    expect(describeStartFailure(new NonLoopbackBindError('0.0.0.0'), 4318).message).toContain('refusing to listen on 0.0.0.0');
    expect(describeStartFailure(new Error('EACCES'), 80).message).toBe('The Agent Trace receiver could not start on port 80: EACCES');
  });
});
