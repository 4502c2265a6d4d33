import { describe, expect, it } from 'vitest';
import { durationMs, offsetMs, type DurationMs, type OffsetMs } from '../../../src/core/protocol/units';

describe('branded time units', () => {
  it('keep offsets, durations and plain numbers apart at compile time (check-types fails if a brand is lost)', () => {
    const d = durationMs(5);
    // @ts-expect-error a duration is not an offset
    const fromDuration: OffsetMs = d;
    // @ts-expect-error a plain number is not an offset
    const fromNumber: OffsetMs = 2;
    // @ts-expect-error an offset is not a duration
    const fromOffset: DurationMs = offsetMs(1);
    // Reading one as a number is free, and the constructors do not change the value.
    expect(fromDuration + fromNumber + fromOffset).toBe(8);
  });
});
