import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * test/fixtures/backends, found from this file (vitest) or, when bundled elsewhere (the bench
 * runs from bench/tmp), from the working directory upwards.
 */
export function fixturesDir(): string {
  const near = join(__dirname, '..', 'fixtures', 'backends');
  if (existsSync(near)) return near;
  for (let d = process.cwd(); ; d = dirname(d)) {
    const candidate = join(d, 'test', 'fixtures', 'backends');
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) throw new Error('test/fixtures/backends not found (run from the repository)');
  }
}
