import { describe, expect, it } from 'vitest';
import { describeFailure, redactSecrets } from '../../../src/connections/connectionErrors';
import { parseConnections } from '../../../src/connections/connectionSettings';
import { BackendError } from '../../../src/core/backends/types';

const [langfuse, tempo] = parseConnections([
  { id: 'lf', name: 'Langfuse EU', kind: 'langfuse', baseUrl: 'https://cloud.langfuse.com' },
  { id: 'tp', name: 'Tempo', kind: 'tempo', baseUrl: 'http://localhost:3200' },
]).connections;
const creds = { basic: { username: 'pk-lf-public', password: 'sk-lf-secret' } };

describe('backend failures in plain words', () => {
  it('401/403: the keys were refused, next step Edit Connection', () => {
    const f = describeFailure(new BackendError('auth', 'HTTP 401', { status: 401 }), langfuse, 'list traces', creds);
    expect(f.message).toBe('Langfuse EU: could not list traces: the Langfuse keys were refused (HTTP 401). Fix them with Edit Connection.');
    expect(f.action).toBe('edit');
    // Core's own words are not said twice.
    const worded = describeFailure(new BackendError('auth', 'the Langfuse keys were refused: check the public and secret key'), langfuse, 'connect');
    expect(worded.message).toBe(
      'Langfuse EU: could not connect: the Langfuse keys were refused: check the public and secret key. Fix them with Edit Connection.',
    );
  });

  it('404 mentions retention; 429 says when to retry', () => {
    expect(describeFailure(new BackendError('not-found', 'HTTP 404'), tempo, 'fetch trace 1').message).toContain("older than Tempo's retention");
    const limited = describeFailure(new BackendError('rate-limited', 'HTTP 429', { retryAfterMs: 12_500 }), langfuse, 'list traces');
    expect(limited.message).toContain('Try again in 13 s');
  });

  it('a server of another kind points at the kind and base URL', () => {
    const f = describeFailure(new BackendError('wrong-backend', 'no Tempo answer'), tempo, 'connect');
    expect(f).toMatchObject({ action: 'edit' });
    expect(f.message).toContain('does not answer like Tempo');
  });

  it('cancel shows nothing', () => {
    expect(describeFailure(new BackendError('cancelled', 'cancelled'), tempo, 'x').cancelled).toBe(true);
  });

  it('never quotes a credential, whatever the error text says', () => {
    const leaky = new Error('request with Authorization sk-lf-secret for pk-lf-public failed');
    const f = describeFailure(leaky, langfuse, 'connect', creds);
    expect(f.message).not.toContain('sk-lf-secret');
    expect(f.message).not.toContain('pk-lf-public');
    expect(redactSecrets('token abcd and abc', { bearer: 'abcd', headers: { 'x-k': 'abc' } })).toBe('token ••• and abc');
  });
});
