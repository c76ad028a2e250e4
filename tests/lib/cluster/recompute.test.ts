import { describe, expect, it } from 'vitest';
import { recomputePolicy } from '../../../src/lib/cluster/recompute.ts';

describe('recomputePolicy', () => {
  it('lets full checkpointing win over a selective mode', () => {
    expect(recomputePolicy({ gradientCheckpointing: true, selectiveCheckpointing: 'attention', checkpointEveryLayers: 2 })).toEqual({ recomputedBlockShare: 1, attentionOnly: false });
  });
  it('recomputes 1 of k blocks, or only attention', () => {
    expect(recomputePolicy({ gradientCheckpointing: false, selectiveCheckpointing: 'layers', checkpointEveryLayers: 4 }).recomputedBlockShare).toBe(0.25);
    expect(recomputePolicy({ gradientCheckpointing: false, selectiveCheckpointing: 'attention', checkpointEveryLayers: 4 }).attentionOnly).toBe(true);
    expect(recomputePolicy({ gradientCheckpointing: false, selectiveCheckpointing: 'off', checkpointEveryLayers: 4 })).toEqual({ recomputedBlockShare: 0, attentionOnly: false });
  });
});
