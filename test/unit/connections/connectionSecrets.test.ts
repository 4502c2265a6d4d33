import { describe, expect, it } from 'vitest';
import { ConnectionSecrets, parseCredentials, secretKeyOf, serialiseCredentials, type SecretStore } from '../../../src/connections/connectionSecrets';

function memoryStore(): SecretStore & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: (k) => Promise.resolve(map.get(k)),
    store: (k, v) => Promise.resolve(void map.set(k, v)),
    delete: (k) => Promise.resolve(void map.delete(k)),
  };
}

describe('connection secrets', () => {
  it('keeps credentials under the connection id and reads them back', async () => {
    const store = memoryStore();
    const secrets = new ConnectionSecrets(store);
    await secrets.set('c-1', { basic: { username: 'pk-lf-1', password: 'sk-lf-2' } });
    expect([...store.map.keys()]).toEqual([secretKeyOf('c-1')]);
    expect(await secrets.get('c-1')).toEqual({ basic: { username: 'pk-lf-1', password: 'sk-lf-2' } });
    expect(await secrets.get('c-2')).toBeUndefined();
  });

  it('deletes the entry when there is nothing secret, and on delete', async () => {
    const store = memoryStore();
    const secrets = new ConnectionSecrets(store);
    await secrets.set('c-1', { bearer: 'tok' });
    await secrets.set('c-1', { bearer: '', headers: { 'x-a': '' } });
    expect(store.map.size).toBe(0);
    await secrets.set('c-1', { headers: { api_key: 'k' } });
    await secrets.delete('c-1');
    expect(store.map.size).toBe(0);
  });

  it('reads malformed entries as no credentials', () => {
    expect(parseCredentials('not json')).toBeUndefined();
    expect(parseCredentials('{"basic":{"username":1}}')).toBeUndefined();
    expect(parseCredentials(serialiseCredentials({ bearer: 'b', headers: { 'x-scope-orgid': 't' } })!)).toEqual({
      bearer: 'b',
      headers: { 'x-scope-orgid': 't' },
    });
  });
});
