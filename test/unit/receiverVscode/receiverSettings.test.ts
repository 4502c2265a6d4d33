import { describe, expect, it } from 'vitest';
import { readReceiverSettings, RECEIVER_DEFAULTS, receiverOptionsFrom } from '../../../src/receiver/vscode/receiverSettings';

const from = (values: Record<string, unknown>) => readReceiverSettings((k) => values[k]);

describe('receiver settings', () => {
  it('defaults: off, port 4318, terminal variables on, no origins, 500 traces, 256 MB', () => {
    expect(from({})).toEqual({ autoStart: false, port: 4318, injectTerminalEnv: true, allowedOrigins: [], maxTraces: 500, maxStoreMB: 256 });
    expect(from({})).toEqual(RECEIVER_DEFAULTS);
  });

  it('takes valid values and replaces invalid ones with the default, field by field', () => {
    expect(
      from({ autoStart: true, port: 43180, injectTerminalEnv: false, allowedOrigins: ['http://localhost:3000', 7, ''], maxTraces: 20, maxStoreMB: 1.5 }),
    ).toEqual({
      autoStart: true,
      port: 43180,
      injectTerminalEnv: false,
      allowedOrigins: ['http://localhost:3000'],
      maxTraces: 20,
      maxStoreMB: 1.5,
    });
    expect(from({ autoStart: 'yes', port: 70000, maxTraces: 0, maxStoreMB: -1, allowedOrigins: 'x' })).toEqual(RECEIVER_DEFAULTS);
    expect(from({ port: 4318.5 }).port).toBe(4318);
  });

  it('always binds loopback and turns MB into bytes', () => {
    const o = receiverOptionsFrom(from({ maxStoreMB: 2, maxTraces: 3 }), '/store');
    expect(o).toMatchObject({ storeDir: '/store', host: '127.0.0.1', port: 4318, store: { maxTraces: 3, maxTotalBytes: 2 * 1024 * 1024 } });
    expect(o.allowNonLoopback).toBeUndefined();
    expect(receiverOptionsFrom(from({}), '/s', 4400).port).toBe(4400);
  });
});
