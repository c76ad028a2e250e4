import { describe, expect, it } from 'vitest';
import { applyBoardVariant, defaultIntraNodeLink, placeGroups, resolveTopology } from '../../../src/lib/cluster/topology.ts';
import { sustainedClockFactor } from '../../../src/lib/estimator/compute.ts';
import { H100_SXM, RTX_4090 } from '../fixtures.ts';

const RTX_3090 = { ...RTX_4090, id: 'rtx-3090', name: 'GeForce RTX 3090', architecture: 'ampere', series: 'geforce-30', nvlink: { bandwidthGBs: 112.5, convention: 'bidirectional' as const, maxCards: 2 } };
const RTX_4090_40 = { ...RTX_4090, series: 'geforce-40' };
const cluster = (gpuCount: number, extra: Partial<{ gpusPerNode: number | null; interNodeGbps: number | null }> = {}) => ({ gpuCount, gpusPerNode: null, intraNodeLink: 'auto' as const, interNodeGbps: null, ...extra });

describe('resolveTopology', () => {
  it('gives an H100 node NVSwitch at 450 GB/s per direction and a 400 Gb/s network per card', () => {
    const t = resolveTopology(cluster(16), H100_SXM);
    expect(t.intraKind).toBe('nvswitch');
    expect(t.intra.label).toContain('450 GB/s');
    expect(t.nodes).toBe(2);
    expect(t.inter.bytesPerSecond).toBeCloseTo(50e9 * 0.9, -6);
  });

  it('gives a 3090 pair its NVLink bridge: 56.25 GB/s per direction, 1.8x PCIe 4.0 x16 and below PCIe 5.0 x16', () => {
    const t = resolveTopology(cluster(2), RTX_3090);
    expect(t.intraKind).toBe('nvlink-bridge');
    expect(t.intra.label).toContain('56.3 GB/s');
    const pcie4 = 16 * 1.969;
    expect(56.25 / pcie4).toBeGreaterThan(1.7);
    expect(56.25 / pcie4).toBeLessThan(1.9);
    expect(56.25).toBeLessThan(16 * 3.938);
  });

  it('sends 40-series GeForce traffic through host memory: half the PCIe link, slower than peer-to-peer', () => {
    expect(defaultIntraNodeLink(RTX_4090_40, 2)).toBe('pcie-host');
    const host = resolveTopology(cluster(2), RTX_4090_40);
    const p2p = resolveTopology({ ...cluster(2), intraNodeLink: 'pcie-p2p' }, RTX_4090_40);
    expect(host.intra.bytesPerSecond).toBeCloseTo(p2p.intra.bytesPerSecond / 2, -3);
    expect(host.intra.latencySeconds).toBeGreaterThan(p2p.intra.latencySeconds);
  });
});

describe('placeGroups', () => {
  const topo = resolveTopology(cluster(64, { gpusPerNode: 8 }), H100_SXM);

  it('keeps tensor parallelism of 8 inside a node and sends data parallelism across nodes', () => {
    const p = placeGroups({ tensorParallel: 8, contextParallel: 1, pipelineParallel: 1, dataParallel: 8 }, topo);
    expect(p.tensor.crossesNodes).toBe(false);
    expect(p.tensor.link.bytesPerSecond).toBe(topo.intra.bytesPerSecond);
    expect(p.data.crossesNodes).toBe(true);
    expect(p.data.link.bytesPerSecond).toBe(topo.inter.bytesPerSecond);
  });

  it('lets a data-parallel group with 8 ranks per node use all 8 network cards of the node', () => {
    const p = placeGroups({ tensorParallel: 1, contextParallel: 1, pipelineParallel: 1, dataParallel: 64 }, topo);
    expect(p.data.link.bytesPerSecond).toBeCloseTo(Math.min(topo.intra.bytesPerSecond, 8 * topo.inter.bytesPerSecond), -3);
  });
});

describe('applyBoardVariant', () => {
  it('runs a 500 W H100 at the cube root of the power ratio of the 700 W part', () => {
    const capped = applyBoardVariant(H100_SXM, 'h100-sxm-96gb-500w');
    expect(capped.boardPowerW).toBe(500);
    expect(capped.memoryGB).toBe(96);
    expect(sustainedClockFactor(capped)).toBeCloseTo(Math.cbrt(500 / 700), 6);
    expect(applyBoardVariant(H100_SXM, 'stock')).toBe(H100_SXM);
  });
});
