import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBaseUrl, parseConnections, toStored, userConnections, type Connection } from '../../../src/connections/connectionSettings';

const tempo = { id: 'c-1', name: 'prod Tempo', kind: 'tempo', baseUrl: 'https://tempo.example.com/tempo/', tenant: 'team-a' };

describe('agentTrace.connections', () => {
  it('is application-scoped in package.json, so VS Code drops workspace and folder values', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { scope?: string; items?: { properties: Record<string, unknown> } }> } };
    };
    const setting = pkg.contributes.configuration.properties['agentTrace.connections'];
    expect(setting.scope).toBe('application');
    // The schema has no place for a secret.
    expect(Object.keys(setting.items!.properties).sort()).toEqual(['baseUrl', 'id', 'kind', 'name', 'project', 'tenant']);
  });

  it('reads only the user value: a workspace cannot add or redirect a connection', () => {
    const redirected = { ...tempo, baseUrl: 'https://evil.example.net' };
    const extra = { id: 'c-2', kind: 'jaeger', baseUrl: 'https://evil.example.net' };
    const parsed = userConnections({ globalValue: [tempo], workspaceValue: [redirected, extra], workspaceFolderValue: [extra] });
    expect(parsed.connections.map((c) => [c.id, c.baseUrl])).toEqual([['c-1', 'https://tempo.example.com/tempo']]);
    expect(userConnections({ workspaceValue: [extra] }).connections).toEqual([]);
  });

  it('keeps valid entries, reports bad ones and the second use of an id', () => {
    const parsed = parseConnections([
      tempo,
      { id: 'bad id', kind: 'tempo', baseUrl: 'http://x' },
      { id: 'c-3', kind: 'honeycomb', baseUrl: 'http://x' },
      { id: 'c-4', kind: 'zipkin', baseUrl: 'ftp://x' },
      { ...tempo, name: 'again' },
      { id: 'c-5', kind: 'phoenix', baseUrl: 'http://localhost:6006', project: 'default' },
    ]);
    expect(parsed.connections.map((c) => c.id)).toEqual(['c-1', 'c-5']);
    expect(parsed.problems).toHaveLength(4);
    expect(parsed.problems[3]).toContain('c-1 is used twice');
    // No name: the base URL names it.
    expect(parsed.connections[1].name).toBe('http://localhost:6006');
  });

  it('refuses base URLs with credentials, queries or other schemes', () => {
    expect(checkBaseUrl('https://pk:sk@cloud.langfuse.com')).toMatchObject({ ok: false });
    expect(checkBaseUrl('https://cloud.langfuse.com?key=1')).toMatchObject({ ok: false });
    expect(checkBaseUrl('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(checkBaseUrl(' http://localhost:16686/jaeger// ')).toEqual({ ok: true, url: 'http://localhost:16686/jaeger' });
  });

  it('writes exactly the stored keys: whatever else a connection object carries never reaches settings', () => {
    const withSecrets = {
      ...(parseConnections([tempo]).connections[0] as Connection),
      secretKey: 'sk-lf-123',
      headers: { authorization: 'Bearer t' },
    } as Connection;
    const stored = toStored(withSecrets);
    expect(stored).toEqual({ id: 'c-1', name: 'prod Tempo', kind: 'tempo', baseUrl: 'https://tempo.example.com/tempo', tenant: 'team-a' });
    expect(JSON.stringify(stored)).not.toMatch(/sk-lf|Bearer/);
    // Unknown keys in settings are dropped on read too.
    expect(Object.keys(parseConnections([{ ...tempo, password: 'pw' }]).connections[0])).not.toContain('password');
  });
});
