import type { Checked } from '../../../src/core/protocol/validate/kit';

/** The error of a rejected check; undefined when it passed (so `toMatch`/`toBe` on it fails). */
export const errorOf = (c: Checked<unknown>): string | undefined => (c.ok ? undefined : c.error);

/** The value of a passed check; undefined when it was rejected. */
export const valueOf = <T>(c: Checked<T>): T | undefined => (c.ok ? c.value : undefined);
