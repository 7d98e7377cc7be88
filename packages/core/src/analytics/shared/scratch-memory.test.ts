import { describe, expect, it } from 'vitest';
import { openScratch, scratchFloat64, scratchInt32, withScratch } from './scratch-memory.ts';

describe('scratch memory', () => {
  it('without a lease, every request is fresh memory', () => {
    const a = scratchFloat64(4);
    const b = scratchFloat64(4);
    expect(a.buffer).not.toBe(b.buffer);
  });

  it('is handed out again once the lease closes, from the size the last leases asked for', () => {
    // First lease: the buffer is too small, so the request is fresh, and sizes the next buffer.
    withScratch(() => scratchFloat64(1000));
    const first = withScratch(() => scratchFloat64(1000));
    const second = withScratch(() => scratchFloat64(1000));
    expect(second.buffer).toBe(first.buffer);
    expect(second.byteOffset).toBe(first.byteOffset);
  });

  it('never hands out overlapping memory while any lease is open', () => {
    withScratch(() => scratchFloat64(10_000)); // make the buffer big enough for what follows
    const closeOuter = openScratch();
    const outer = scratchFloat64(3000);
    outer.fill(1);
    // A second report runs while the first is still reading its memory (e.g. awaiting a worker).
    withScratch(() => {
      const inner = scratchFloat64(3000);
      inner.fill(2);
    });
    const later = scratchFloat64(3000); // the outer lease is still open: no reuse
    later.fill(3);
    expect(outer.every((x) => x === 1)).toBe(true);
    closeOuter();
    // Every lease closed: the memory starts over.
    const again = withScratch(() => scratchFloat64(3000));
    expect(again.byteOffset).toBe(outer.byteOffset);
    expect(again.buffer).toBe(outer.buffer);
  });

  it('closing a lease twice does not close another', () => {
    withScratch(() => scratchFloat64(100));
    const closeA = openScratch();
    const closeB = openScratch();
    const a = scratchFloat64(10);
    a.fill(7);
    closeA();
    closeA();
    const b = scratchFloat64(10); // B is still open: the next slice of the same memory, after a
    b.fill(8);
    expect(b.buffer).toBe(a.buffer);
    expect(b.byteOffset).toBe(a.byteOffset + a.byteLength);
    expect(a.every((x) => x === 7)).toBe(true);
    closeB();
  });
});

describe('scratch integers', () => {
  it('come from their own memory, reused the same way', () => {
    withScratch(() => scratchInt32(500));
    const [ints, doubles] = withScratch(() => [scratchInt32(500), scratchFloat64(500)] as const);
    expect(ints.buffer).not.toBe(doubles.buffer);
    const again = withScratch(() => scratchInt32(500));
    expect(again.buffer).toBe(ints.buffer);
  });
});
