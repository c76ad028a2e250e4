/**
 * Cost of collectives on the alpha-beta model (Hockney 1994; Thakur, Rabenseifner & Gropp 2005, "Optimization of Collective
 * Communication Operations in MPICH", §3): a step costs a latency alpha plus bytes over the link's bandwidth.
 * Ring all-reduce moves 2(n-1)/n of the buffer per rank in 2(n-1) steps; a (double binary) tree moves the whole buffer
 * twice in 2·log2(n) steps (Sanders et al. 2009; NCCL 2.4 release notes) at 92% of the link bandwidth (NCCL's tuning model);
 * NCCL picks the faster, so we do too: the tree for small buffers on many ranks, the ring for large ones.
 * Reduce-scatter and all-gather are each half a ring all-reduce (ZeRO §7: a ZeRO-3 step costs 1.5x DDP's volume).
 */
import type { LinkSpec } from './topology.ts';

/** Seconds and algorithm of one collective. */
export interface CollectiveCost {
  /** Seconds. */
  seconds: number;
  /** Algorithm chosen. */
  algorithm: 'ring' | 'tree' | 'p2p' | 'none';
}

const NONE: CollectiveCost = { seconds: 0, algorithm: 'none' };

/**
 * Share of the link bandwidth NCCL's cost model grants a tree all-reduce: busBw x 0.92 (NCCL src/graph/tuning.cc,
 * ncclTopoTuneModel, "Various model refinements"), so a large buffer goes by ring even on many nodes (NVIDIA/nccl issue
 * #946: only on 2 nodes does the tree win at large sizes).
 */
const TREE_BANDWIDTH_SHARE = 0.92;

/**
 * All-reduce of `bytes` per rank over n ranks: min(ring, tree).
 * @example allReduce(1e9, 64, infiniband).algorithm //=> "ring"
 */
export function allReduce(bytes: number, n: number, link: LinkSpec): CollectiveCost {
  if (n <= 1 || bytes <= 0) return NONE;
  const ring = (2 * (n - 1) * bytes) / n / link.bytesPerSecond + 2 * (n - 1) * link.latencySeconds;
  const tree = (2 * bytes) / (link.bytesPerSecond * TREE_BANDWIDTH_SHARE) + 2 * Math.ceil(Math.log2(n)) * link.latencySeconds;
  return ring <= tree ? { seconds: ring, algorithm: 'ring' } : { seconds: tree, algorithm: 'tree' };
}

/**
 * Reduce-scatter (or all-gather) of a `bytes` buffer over n ranks: each rank sends (n-1)/n of it in n-1 steps.
 * @example reduceScatter(1e9, 2, link).seconds //=> 0.5e9 / link.bytesPerSecond + link.latencySeconds
 */
export function reduceScatter(bytes: number, n: number, link: LinkSpec): CollectiveCost {
  if (n <= 1 || bytes <= 0) return NONE;
  return { seconds: ((n - 1) * bytes) / n / link.bytesPerSecond + (n - 1) * link.latencySeconds, algorithm: 'ring' };
}

/** All-gather costs what reduce-scatter costs (the same ring, run the other way). */
export const allGather = reduceScatter;

/** Point-to-point send of `bytes` (pipeline stages passing activations). */
export function sendRecv(bytes: number, link: LinkSpec): CollectiveCost {
  if (bytes <= 0) return NONE;
  return { seconds: bytes / link.bytesPerSecond + link.latencySeconds, algorithm: 'p2p' };
}
