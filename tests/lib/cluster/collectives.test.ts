import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allGather, allReduce, reduceScatter, sendRecv } from '../../../src/lib/cluster/collectives.ts';

const link = { bytesPerSecond: 100e9, latencySeconds: 5e-6, label: 'test' };

describe('collectives', () => {
  it('charges a large ring all-reduce 2(n-1)/n of the buffer plus 2(n-1) latencies', () => {
    const r = allReduce(1e9, 8, link);
    expect(r.algorithm).toBe('ring');
    expect(r.seconds).toBeCloseTo((2 * 7 * 1e9) / 8 / 100e9 + 14 * 5e-6, 9);
  });

  it('picks the tree for small buffers on many ranks, where latency dominates', () => {
    const r = allReduce(1e3, 1024, link);
    expect(r.algorithm).toBe('tree');
    expect(r.seconds).toBeLessThan(2 * 1023 * 5e-6);
  });

  it('sends a 1 GB all-reduce over 64 ranks by ring: NCCL runs the tree at 92% of the bandwidth (tuning.cc)', () => {
    const net = { bytesPerSecond: 45e9, latencySeconds: 10e-6, label: 'network' };
    const r = allReduce(1e9, 64, net);
    expect(r.algorithm).toBe('ring');
    expect(r.seconds).toBeCloseTo((2 * 63 * 1e9) / 64 / 45e9 + 126 * 10e-6, 9);
    // Without the 0.92 the tree would win here: 2 GB at full speed plus 12 latencies is less than the ring's time.
    expect((2 * 1e9) / 45e9 + 12 * 10e-6).toBeLessThan(r.seconds);
    expect(allReduce(1e6, 64, net).algorithm).toBe('tree');
  });

  it('makes reduce-scatter plus all-gather cost one ring all-reduce (ZeRO §7)', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 512 }), fc.double({ min: 1e6, max: 1e11, noNaN: true }), (n, bytes) => {
      const ring = (2 * (n - 1) * bytes) / n / link.bytesPerSecond + 2 * (n - 1) * link.latencySeconds;
      return Math.abs(reduceScatter(bytes, n, link).seconds + allGather(bytes, n, link).seconds - ring) < 1e-9 * ring;
    }));
  });

  it('costs nothing on one rank and a latency plus bytes for a send', () => {
    expect(allReduce(1e9, 1, link).seconds).toBe(0);
    expect(sendRecv(1e9, link).seconds).toBeCloseTo(0.01 + 5e-6, 9);
  });
});
