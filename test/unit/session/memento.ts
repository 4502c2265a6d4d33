/** An in-memory `vscode.Memento` (get/update only) for host tests. */
export function memento(initial: Record<string, unknown> = {}) {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    data,
    get<T>(key: string, fallback?: T): T | undefined {
      return data.has(key) ? (data.get(key) as T) : fallback;
    },
    update(key: string, value: unknown): Promise<void> {
      // Stored as JSON, like VS Code does: the store must not rely on object identity.
      data.set(key, JSON.parse(JSON.stringify(value)) as unknown);
      return Promise.resolve();
    },
  };
}
