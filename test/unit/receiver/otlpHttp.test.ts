import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { describe, expect, it } from 'vitest';
import {
  encodeExportResponse,
  encodeStatus,
  encodingOfContentType,
  isAllowedHostHeader,
  isLoopbackHost,
  parseHostHeader,
} from '../../../src/core/receiver/otlpHttp';
import { readStatusProto } from './requests';

describe('content types', () => {
  it.each([
    ['application/x-protobuf', 'protobuf'],
    ['application/x-protobuf; charset=utf-8', 'protobuf'],
    ['Application/X-Protobuf', 'protobuf'],
    ['application/protobuf', 'protobuf'],
    ['application/json', 'json'],
    ['application/json; charset=UTF-8', 'json'],
    ['text/plain', undefined],
    ['', undefined],
    [undefined, undefined],
    ['application/jsonl', 'json'],
  ])('%s → %s', (ct, enc) => {
    expect(encodingOfContentType(ct)).toBe(enc);
  });
});

describe('ExportTraceServiceResponse', () => {
  it('full success: an empty protobuf message and {} in JSON', () => {
    expect(encodeExportResponse('protobuf', 0)).toEqual(new Uint8Array(0));
    expect(new TextDecoder().decode(encodeExportResponse('json', 0))).toBe('{}');
  });

  it('partial success reads back with the OpenTelemetry deserializers', () => {
    const pb = ProtobufTraceSerializer.deserializeResponse(encodeExportResponse('protobuf', 300, '300 spans rejected: no trace id ✓'));
    expect(Number(pb.partialSuccess?.rejectedSpans)).toBe(300);
    expect(pb.partialSuccess?.errorMessage).toBe('300 spans rejected: no trace id ✓');
    const js = JsonTraceSerializer.deserializeResponse(encodeExportResponse('json', 2, 'two'));
    expect(js.partialSuccess).toEqual({ rejectedSpans: '2', errorMessage: 'two' });
    const warn = ProtobufTraceSerializer.deserializeResponse(encodeExportResponse('protobuf', 0, 'just a warning'));
    expect(warn.partialSuccess?.errorMessage).toBe('just a warning');
  });

  it('google.rpc.Status in both encodings', () => {
    expect(readStatusProto(encodeStatus('protobuf', 3, 'bad request: ü'))).toEqual({ code: 3, message: 'bad request: ü' });
    expect(readStatusProto(encodeStatus('protobuf', 300, 'big code'))).toEqual({ code: 300, message: 'big code' });
    expect(JSON.parse(new TextDecoder().decode(encodeStatus('json', 14, 'busy')))).toEqual({ code: 14, message: 'busy' });
  });
});

describe('Host header checks (DNS rebinding)', () => {
  it('parses host and port', () => {
    expect(parseHostHeader('localhost:4318')).toEqual({ host: 'localhost', port: 4318 });
    expect(parseHostHeader('[::1]:4318')).toEqual({ host: '::1', port: 4318 });
    expect(parseHostHeader('[::1]')).toEqual({ host: '::1' });
    expect(parseHostHeader('127.0.0.1')).toEqual({ host: '127.0.0.1' });
    for (const bad of ['::1', '[::1', '[::1]x', 'a b', 'x:99999', 'x:', 'user@host', 'host/path', '']) expect(parseHostHeader(bad), bad).toBeUndefined();
  });

  it('accepts only this machine on our port', () => {
    for (const ok of ['localhost:4318', 'LocalHost:4318', '127.0.0.1:4318', '127.1.2.3:4318', '[::1]:4318', 'localhost', '127.0.0.1'])
      expect(isAllowedHostHeader(ok, 4318), ok).toBe(true);
    for (const bad of [
      undefined,
      '',
      'evil.example:4318',
      'localhost:4319',
      '127.0.0.1.evil.example',
      '127.0.0.256',
      'localhost.',
      '0.0.0.0:4318',
      '[::]:4318',
      '192.168.0.2:4318',
    ]) {
      expect(isAllowedHostHeader(bad, 4318), String(bad)).toBe(false);
    }
    expect(isAllowedHostHeader('devbox:4318', 4318, ['devbox'])).toBe(true);
  });

  it('loopback addresses for binding', () => {
    for (const h of ['127.0.0.1', '::1', 'localhost', '127.0.0.2']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.1', 'example.com', '128.0.0.1']) expect(isLoopbackHost(h), h).toBe(false);
  });
});
