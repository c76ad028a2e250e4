/**
 * Cluster topology: how many cards share a node, what links them inside the node (NVSwitch, an NVLink bridge, PCIe with or
 * without peer-to-peer) and between nodes (InfiniBand or RoCE, per card), and where each parallel group lands when tensor
 * parallelism is placed innermost, then context, pipeline and data parallelism (Megatron-LM's rank order, Narayanan et al.
 * 2021 §3.3: "tensor parallelism within a server, pipeline and data parallelism across servers").
 */
import type { GpuSpec } from '../types.ts';
import { GB } from '../units.ts';

/** How the cards inside one node talk to each other. */
export const INTRA_NODE_LINKS = ['auto', 'nvswitch', 'nvlink-bridge', 'pcie-p2p', 'pcie-host'] as const;
/** An intra-node link kind. */
export type IntraNodeLink = (typeof INTRA_NODE_LINKS)[number];
/** Labels of the intra-node link kinds. */
export const INTRA_NODE_LINK_LABELS: Readonly<Record<IntraNodeLink, string>> = {
  auto: 'From the card',
  nvswitch: 'NVSwitch',
  'nvlink-bridge': 'NVLink bridge',
  'pcie-p2p': 'PCIe, peer-to-peer',
  'pcie-host': 'PCIe via host memory',
};

/** Power-capped or otherwise altered boards a scenario can name, on top of a card record. */
export const BOARD_VARIANTS = ['stock', 'h100-sxm-96gb-500w'] as const;
/** A board variant id. */
export type BoardVariant = (typeof BOARD_VARIANTS)[number];
/** Labels of the board variants. */
export const BOARD_VARIANT_LABELS: Readonly<Record<BoardVariant, string>> = {
  stock: 'As sold',
  'h100-sxm-96gb-500w': 'H100 SXM 96 GB, 500 W',
};

/** What a board variant changes on the card record: board power limit (W), memory (GB) and memory bandwidth (GB/s). */
interface BoardVariantSpec {
  boardPowerW: number;
  memoryGB: number;
  memoryBandwidthGBs: number;
}

const VARIANT_SPECS: Readonly<Record<Exclude<BoardVariant, 'stock'>, BoardVariantSpec>> = {
  // pytorch/torchtitan benchmarks/llama3_h100_202412_torchtitan.md, "Hardware": 96GB HBM2e, 2.4 TB/s, default 500W power limit.
  'h100-sxm-96gb-500w': { boardPowerW: 500, memoryGB: 96, memoryBandwidthGBs: 2400 },
};

/**
 * A card record with a board variant applied: a lower power limit lowers the sustained clock through the estimator's
 * power-per-TFLOPS rule (compute.ts sustainedClockFactor), and the memory size and bandwidth follow the variant.
 * @example applyBoardVariant(h100Sxm, 'h100-sxm-96gb-500w').boardPowerW //=> 500
 */
export function applyBoardVariant<T extends GpuSpec>(gpu: T, variant: BoardVariant): T {
  if (variant === 'stock') return gpu;
  const v = VARIANT_SPECS[variant];
  return { ...gpu, boardPowerW: v.boardPowerW, memoryGB: v.memoryGB, memoryBandwidthGBs: v.memoryBandwidthGBs, name: `${gpu.name} (${BOARD_VARIANT_LABELS[variant]})` };
}

/** PCIe throughput per lane per direction in GB/s, by generation: 8, 16, 32, 64 GT/s with 128b/130b (242b/256b for gen 6) coding (PCI-SIG base specifications). */
export const PCIE_GBS_PER_LANE: Record<number, number> = { 3: 0.985, 4: 1.969, 5: 3.938, 6: 7.563 };

/**
 * Share of a link's peak a large NCCL collective reaches ("busbw" in nccl-tests against the link's peak): NVLink/NVSwitch
 * about 80% (DGX A100 all-reduce busbw ~230 GB/s of 300; NVIDIA nccl-tests PERFORMANCE.md), PCIe 70%, a NIC about 90%.
 */
const EFFICIENCY = { nvlink: 0.8, pcie: 0.7, host: 0.5, network: 0.9 } as const;

/**
 * Per-message latency of one step of a collective (the alpha of Hockney's alpha-beta model; Thakur et al. 2005,
 * "Optimization of Collective Communication Operations in MPICH", §2): ~5 us over NVLink or PCIe peer-to-peer,
 * ~10 us through host memory or across the network.
 */
const LATENCY_SECONDS = { nvlink: 5e-6, pcie: 5e-6, host: 10e-6, network: 10e-6 } as const;

/** One link: usable bytes per second per direction per card and a per-message latency. */
export interface LinkSpec {
  /** Usable bytes per second per direction per card, after collective efficiency. */
  bytesPerSecond: number;
  /** Per-message latency in seconds. */
  latencySeconds: number;
  /** Words, e.g. "NVSwitch, 450 GB/s per direction". */
  label: string;
}

/** The resolved topology of a job. */
export interface Topology {
  /** Cards per node. */
  gpusPerNode: number;
  /** Nodes in the job. */
  nodes: number;
  /** The link inside a node. */
  intra: LinkSpec;
  /** The intra-node link kind, after resolving "auto". */
  intraKind: Exclude<IntraNodeLink, 'auto'>;
  /** The link between nodes (per card). */
  inter: LinkSpec;
}

/** What a scenario says about its cluster. */
export interface ClusterFields {
  gpuCount: number;
  gpusPerNode: number | null;
  intraNodeLink: IntraNodeLink;
  interNodeGbps: number | null;
}

/**
 * GeForce 40-series cards have no peer-to-peer over PCIe: NCCL needs NCCL_P2P_DISABLE=1 on multi-4090 machines and
 * traffic is staged through host memory (NVIDIA/nccl-tests issue #117, "all_reduce_perf hangs with multiple RTX 4090";
 * NVIDIA/nccl issue #1127: "4090 does not support it").
 */
function lacksPeerToPeer(gpu: GpuSpec & { series?: string }): boolean {
  return gpu.series === 'geforce-40';
}

/** The link kind a card uses when the scenario says "auto". */
export function defaultIntraNodeLink(gpu: GpuSpec & { series?: string }, gpusPerNode: number): Exclude<IntraNodeLink, 'auto'> {
  if (gpu.nvlink && gpu.formFactor === 'sxm') return 'nvswitch';
  if (gpu.nvlink && gpusPerNode <= gpu.nvlink.maxCards) return 'nvlink-bridge';
  return lacksPeerToPeer(gpu) ? 'pcie-host' : 'pcie-p2p';
}

/**
 * Default network per card: 400 Gb/s (one NDR InfiniBand port per card, as on DGX H100) for Hopper and newer,
 * 200 Gb/s (HDR, DGX A100) for older data-centre cards, 100 Gb/s Ethernet for anything else (NVIDIA DGX H100 and
 * DGX A100 user guides, "Network ports").
 */
function defaultInterNodeGbps(gpu: GpuSpec & { architecture?: string }): number {
  if (gpu.formFactor !== 'sxm') return 100;
  return gpu.architecture === 'hopper' || gpu.architecture === 'blackwell' ? 400 : 200;
}

/** The PCIe link of a card, per direction, in GB/s. */
function pcieGBs(gpu: GpuSpec): number {
  return (PCIE_GBS_PER_LANE[gpu.pcieGen] ?? 0.985) * gpu.pcieLanes;
}

/**
 * Resolves a scenario's cluster fields on a card into links.
 * Without peer-to-peer, a transfer crosses PCIe twice (card to host, host to card), so a card gets half its PCIe link.
 * @example resolveTopology({ gpuCount: 2, gpusPerNode: null, intraNodeLink: 'auto', interNodeGbps: null }, rtx4090).intra.label
 * //=> "PCIe 4.0 x16 without peer-to-peer (through host memory), 15.8 GB/s per direction"
 */
export function resolveTopology(c: ClusterFields, gpu: GpuSpec & { series?: string; architecture?: string }): Topology {
  const gpusPerNode = Math.max(1, Math.min(c.gpuCount, c.gpusPerNode ?? 8));
  const nodes = Math.ceil(c.gpuCount / gpusPerNode);
  const intraKind = c.intraNodeLink === 'auto' ? defaultIntraNodeLink(gpu, gpusPerNode) : c.intraNodeLink;
  const pcie = pcieGBs(gpu);
  const pcieName = `PCIe ${gpu.pcieGen}.0 x${gpu.pcieLanes}`;
  let intra: LinkSpec;
  if ((intraKind === 'nvswitch' || intraKind === 'nvlink-bridge') && gpu.nvlink) {
    // NVIDIA quotes NVLink summed over both directions; a ring uses one direction per hop.
    const perDirection = gpu.nvlink.bandwidthGBs * (gpu.nvlink.convention === 'bidirectional' ? 0.5 : 1);
    const name = intraKind === 'nvswitch' ? 'NVLink through NVSwitch' : 'NVLink bridge';
    intra = { bytesPerSecond: perDirection * GB * EFFICIENCY.nvlink, latencySeconds: LATENCY_SECONDS.nvlink, label: `${name}, ${fmt(perDirection)} GB/s per direction` };
  } else if (intraKind === 'pcie-host') {
    intra = { bytesPerSecond: (pcie / 2) * GB * EFFICIENCY.pcie, latencySeconds: LATENCY_SECONDS.host, label: `${pcieName} without peer-to-peer (through host memory), ${fmt(pcie / 2)} GB/s per direction` };
  } else {
    intra = { bytesPerSecond: pcie * GB * EFFICIENCY.pcie, latencySeconds: LATENCY_SECONDS.pcie, label: `${pcieName} peer-to-peer, ${fmt(pcie)} GB/s per direction` };
  }
  const gbps = c.interNodeGbps ?? defaultInterNodeGbps(gpu);
  const interGBs = gbps / 8;
  // A card reaches the network through its PCIe link (GPUDirect RDMA), so the slower of the two binds.
  const interBound = Math.min(interGBs, pcie);
  const inter: LinkSpec = { bytesPerSecond: interBound * GB * EFFICIENCY.network, latencySeconds: LATENCY_SECONDS.network, label: `${fmt(gbps)} Gb/s network per card (${fmt(interGBs)} GB/s)` };
  return { gpusPerNode, nodes, intra, intraKind: intraKind === 'nvswitch' || intraKind === 'nvlink-bridge' ? (gpu.nvlink ? intraKind : 'pcie-p2p') : intraKind, inter };
}

/** Degrees of the four parallel dimensions. */
export interface Layout {
  tensorParallel: number;
  contextParallel: number;
  pipelineParallel: number;
  dataParallel: number;
}

/** Where one parallel group runs: its size, whether it leaves the node, and the link that binds. */
export interface GroupPlacement {
  /** Ranks in the group. */
  size: number;
  /** Whether the group spans more than one node. */
  crossesNodes: boolean;
  /** The slowest link the group's collectives cross. */
  link: LinkSpec;
}

/** Placement of every group. */
export interface Placement {
  tensor: GroupPlacement;
  context: GroupPlacement;
  pipeline: GroupPlacement;
  data: GroupPlacement;
}

/**
 * Places the groups with tensor parallelism innermost (consecutive ranks), then context, pipeline and data parallelism:
 * a group whose ranks are `stride` apart and `size` long stays in one node when stride x size <= cards per node.
 * @example placeGroups({ tensorParallel: 8, contextParallel: 1, pipelineParallel: 2, dataParallel: 4 }, topo).tensor.crossesNodes //=> false
 */
export function placeGroups(layout: Layout, topo: Topology): Placement {
  const place = (size: number, stride: number): GroupPlacement => {
    const crossesNodes = size > 1 && stride * size > topo.gpusPerNode;
    if (!crossesNodes) return { size, crossesNodes, link: topo.intra };
    // A group with k ranks in each node leaves the node through k network cards at once: NCCL runs one ring per card and
    // shares the rest over NVLink, so the group's bus bandwidth is k x the per-card network, up to the intra-node link
    // (NVIDIA NCCL documentation, "rings and trees ... one NIC per GPU"; Jeaugey 2019, NCCL 2.4 double binary trees).
    const perNode = Math.max(1, Math.min(size, Math.floor(topo.gpusPerNode / stride)));
    const bytesPerSecond = Math.min(topo.intra.bytesPerSecond, topo.inter.bytesPerSecond * perNode);
    return { size, crossesNodes, link: { ...topo.inter, bytesPerSecond, label: perNode > 1 ? `${topo.inter.label}, ${perNode} cards per node` : topo.inter.label } };
  };
  const t = layout.tensorParallel;
  const c = layout.contextParallel;
  const p = layout.pipelineParallel;
  return {
    tensor: place(t, 1),
    context: place(c, t),
    // Megatron orders tp-cp-dp-pp: data parallelism before pipeline, so a pipeline group's ranks are t·c·d apart.
    data: place(layout.dataParallel, t * c),
    pipeline: place(p, t * c * layout.dataParallel),
  };
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1).replace(/\.0$/, '') : n.toFixed(2).replace(/0$/, '');
}
