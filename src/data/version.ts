/**
 * Version of the GPU spec database and the log of corrections made to it. Shown on every spec page and written into
 * `/gpus.json` and `/gpus.csv`, so a citation names the exact data it quotes.
 * Bump the version (year.month.patch) whenever a published value changes, and add a CHANGELOG entry saying which
 * card, which field, the old and new value and why.
 */

/** Current version of the spec data. */
export const DATA_VERSION = '2026.12.2';

/** Who publishes the data, as a citation names the author. */
export const DATA_PUBLISHER = 'GPUs for Large Models';

/** Licence of the spec data (the numbers, sources and notes). */
export const DATA_LICENSE = 'CC BY 4.0';
/** Where the licence text lives. */
export const DATA_LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
/** One line a download carries about its licence. */
export const DATA_LICENSE_LINE = `GPU spec data by GPUs for Large Models, licensed under ${DATA_LICENSE} (${DATA_LICENSE_URL}); cite the card page and the data version.`;

/** One published version and what it corrected. */
export interface ChangelogEntry {
  /** Data version, e.g. "2026.11.0". */
  version: string;
  /** Release date, ISO yyyy-mm-dd. */
  date: string;
  /** Plain sentences: one per correction or addition. */
  changes: string[];
}

/** Newest first. */
export const CHANGELOG: readonly ChangelogEntry[] = [
  {
    version: '2026.12.2',
    date: '2026-12-07',
    changes: [
      'Second sources added (no stored value changed): peak-throughput and spec tables in public source code, each cited at the commit read with its table and entry (gpumap\'s NVIDIA tables for 25 Ampere/Ada/Hopper/Blackwell cards; Lightning\'s and llm.c\'s MFU tables; ml-engineering\'s accelerator tables; torchtitan\'s BF16 peaks; PrimeIntellect\'s RTX 50 entries), NVIDIA\'s Turing in-depth blog table, and reviews and launch coverage (KitGuru, AnandTech, Tom\'s Hardware, HotHardware, gamezoom and others). Composer\'s and Lightning\'s tables for the T4, RTX 2080 SUPER, RTX 2070 SUPER and TITAN RTX, llm.c\'s for the V100s. Values confirmed by two independent documents: 941 → 1,143 of 1,406 (66.9% → 81.3%).',
      'Differing figures recorded beside NVIDIA\'s (NVIDIA\'s kept): gpumap\'s Blackwell FP4, Ada GeForce FP8, H200 bus width and swapped RTX 3060/3060 Ti clocks; ml-engineering\'s H100/H200 TF32 494.5 and A100 80 GB 2.00 TB/s; Lightning\'s RTX 4080 SUPER INT8 417.6; base-clock FP32 for the RTX 2080 and 2070 (GameGPU); TITAN V FP32/FP16 13.8/27.6 (Tom\'s Hardware, AnandTech); V100 PCIe 32 GB clock 1,530 MHz (llm.c) beside 1,380.',
      'L40S dense FP16/BF16 tensor: the page now shows three figures, NVIDIA\'s datasheet 362.05, ml-engineering\'s 362 and NVIDIA\'s product page 366.5 (used).',
      'A publisher counts once per value: TechPowerUp\'s reviews no longer count beside its database entry (GTX 1650 SUPER, RTX 2060 SUPER, RTX 2070 SUPER; the 2070 SUPER launch price is single-source again), a duplicated CPUTronic entry on the RTX 3060 8 GB is merged, and copies of other documents (a reseller copy of Ars Technica\'s review, a feed copy of KitGuru\'s table, an AI-written blog post) are dropped or replaced by their originals.',
    ],
  },
  {
    version: '2026.12.1',
    date: '2026-12-07',
    changes: [
      'Second sources added (no stored value changed), read in the documents and cited per card with table and row: the hmc-tech GPU database (tensor rates by accumulate type, FP16, clocks) for the A100 SXM 40 GB, T4, L40S, V100 PCIe 32 GB, H200, RTX 4090 D, 4060, 5060 Ti 8/16 GB, 2060 12 GB, 2060 Super and GTX 1650/1650 Super/1660/1660 Super; spec tables from Club386, Tom\'s Hardware, Hardware Times, Govindhtech, Scan TekSpek, bit-tech, Hardwareluxx and launch coverage for host links (PCIe generation and lanes), Tensor Cores, L2 and prices; T3, Neowin, PC-Specs, Geektopia and TechTaks for NVIDIA\'s recommended PSU on the RTX 4090, 4080, 3090, 3080, 3070, 3060 and 3050.',
      'RTX 4090 D board power: NVIDIA\'s 425 W and the hmc-tech database\'s 450 W (the RTX 4090\'s figure) are both shown; 425 W stays in use.',
      'V100 PCIe 32 GB tensor FP16: NVIDIA\'s datasheet 112 TFLOPS and the hmc-tech database\'s unrounded 113.05 are both shown; 112 stays in use.',
      'L40S board power: the hmc-tech database\'s 300 W is added beside NVIDIA\'s 350 W and TechPowerUp\'s 300 W; 350 W stays in use.',
      'Four copies that are not independent documents (a personal gist, a web story, a shop listing and a reseller\'s comparison page) no longer count as second sources; the values only they confirmed are marked single-source again: GTX 1060 6 GB boost clock and Tensor Cores, L4 PCIe lanes, RTX 3060 12 GB PCIe lanes, RTX 4060 PCIe generation and lanes, RTX 5060 PCIe generation, lanes and Tensor Cores, TITAN Xp Tensor Cores. No stored value changed.',
    ],
  },
  {
    version: '2026.12.0',
    date: '2026-12-02',
    changes: [
      'Audit against NVIDIA whitepapers, datasheets and product pages: every value lists the documents that confirm it, and a value only one document supports carries a visible "one source" mark with the reason. Every value the estimator reads is now two-source or marked.',
      'L40S tensor FP16 and BF16 (dense): NVIDIA\'s datasheet table prints 362.05 TFLOPS, its product page 733 with sparsity (366.5 dense). Both figures are shown with their sources; 366.5 stays in use, as it agrees with the sparse figure, TF32 and the Tensor Core count.',
      'L40S board power: NVIDIA\'s 350 W and TechPowerUp\'s 300 W (the L40\'s figure) are both shown; 350 W stays in use.',
      'T4 memory bandwidth: NVIDIA\'s datasheet prints 300 GB/s; NVIDIA\'s board product brief, 256 bits at 10 Gbit/s and TechPowerUp give 320 GB/s. Both figures are shown; 320 stays in use. The product brief is a new source for memory, bus, data rate, power and host link.',
      'H100 SXM bandwidth (3,000 GB/s in NVIDIA\'s preliminary Hopper table, 3,350 in the datasheet), H100 PCIe bandwidth (2,000 NVIDIA, 2,039 TechPowerUp), V100 PCIe board power (250 W NVIDIA, 300 W TechPowerUp) and Tesla P40 bandwidth (346 NVIDIA, 347.1 TechPowerUp): both figures are now shown with their sources; the stored values are unchanged.',
      'RTX 3060 8 GB: a second source (CPUTronic) for CUDA cores, boost clock, memory, board power and host link; its 3 MB L2 listing is shown beside the 2 MB in use (128-bit GA106).',
      'PCIe lane count is now a sourced field, read from TechPowerUp\'s bus interface and the datasheets that state it; H200 SXM\'s x16 from NVIDIA\'s 128 GB/s PCIe Gen5 figure.',
      'RTX 5070 Ti L2 checked against the RTX Blackwell whitepaper: 48 MB (64 MB is the RTX 5080\'s); the stored value was already 48 MB.',
    ],
  },
  {
    version: '2026.11.0',
    date: '2026-11-01',
    changes: [
      'First published version of the spec database: every value dense (no 2:4 sparsity) at the reference boost clock, each with its sources.',
    ],
  },
];
