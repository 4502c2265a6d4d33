/**
 * Lazily computed fields. Message lists can be megabytes of JSON per span and most are never
 * looked at, so they are parsed on first read. The field is an own, enumerable accessor that
 * replaces itself with a plain (writable) value after the first read, so `JSON.stringify`, structured
 * clone (postMessage) and deep equality in tests all see an ordinary property.
 */
export function defineLazy<T extends object, K extends string>(obj: T, key: K, compute: () => unknown): void {
  Object.defineProperty(obj, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}
