/**
 * Zod schemas for the GPU spec records in `src/data/gpus/` (one JSON file per card).
 * Kept out of what islands import: islands receive plain, already-validated props.
 */
import { z } from 'zod';

/** Product families; the order is the order the site lists them in. */
export const SERIES = ['geforce-10', 'geforce-16', 'geforce-20', 'geforce-30', 'geforce-40', 'geforce-50', 'reference'] as const;
/** GPU architectures from Pascal to Blackwell. */
export const ARCHITECTURES = ['pascal', 'volta', 'turing', 'ampere', 'ada', 'hopper', 'blackwell'] as const;

const positive = z.number().positive(); // zod 4 numbers reject Infinity and NaN by default
const nullablePositive = positive.nullable();

/** One document that supports some of a card's values. */
const sourceSchema = z.object({
  /** Document title, as the publisher gives it. */
  title: z.string().min(3),
  /** Where to read it. */
  url: z.url(),
  /** Table, page or section within the document that holds the values. */
  locator: z.string().min(1),
  /** The numeric (and some identity) fields of the record that this source supports. */
  fields: z.array(z.string()).min(1),
});

/** A note about a value: where sources disagree, or which edition (Founders vs reference) a number describes. */
const noteSchema = z.object({
  /** Field the note is about. */
  field: z.string(),
  /** One or two plain sentences. */
  text: z.string().min(10),
});

/** NVLink on a card: total bandwidth and whether the vendor quotes it per direction or summed over both. */
const nvlinkSchema = z.object({
  /** Bandwidth in GB/s as quoted by the vendor. */
  bandwidthGBs: positive,
  /** `bidirectional` when the quoted figure adds both directions (NVIDIA's usual convention). */
  convention: z.enum(['per-direction', 'bidirectional']),
  /** Number of cards one bridge or switch fabric joins (2 for consumer bridges, 8 for HGX boards). */
  maxCards: z.number().int().min(2),
});

/** Numeric spec fields that must carry a source when they are not null. */
export const SOURCED_FIELDS = [
  'launchPriceUsd', 'cudaCores', 'tensorCores', 'boostClockMHz', 'tensorClockMHz',
  'fp32Tflops', 'fp16Tflops', 'tensorFp16Fp16AccTflops', 'tensorFp16Fp32AccTflops', 'bf16Tflops', 'tf32Tflops',
  'int8Tops', 'fp8Tflops', 'fp4Tflops',
  'memoryGB', 'memoryBusBits', 'memoryDataRateGbps', 'memoryBandwidthGBs', 'l2CacheMB',
  'pcieGen', 'pcieLanes', 'nvlink', 'boardPowerW', 'recommendedPsuW',
] as const;

/** A field that must carry a source when it is not null. */
export type SourcedField = (typeof SOURCED_FIELDS)[number];

/**
 * Fields the estimator reads: each must be confirmed by two documents, or carry an explicit single-source mark
 * (`singleSource`) that the card page shows. Checked by `tests/data/gpus.test.ts`.
 */
export const ESTIMATOR_FIELDS = [
  'memoryGB', 'memoryBandwidthGBs', 'memoryBusBits', 'memoryDataRateGbps',
  'fp32Tflops', 'fp16Tflops', 'tensorFp16Fp16AccTflops', 'tensorFp16Fp32AccTflops', 'bf16Tflops', 'tf32Tflops',
  'int8Tops', 'fp8Tflops', 'fp4Tflops',
  'boardPowerW', 'launchPriceUsd', 'pcieGen', 'pcieLanes', 'nvlink',
] as const satisfies readonly SourcedField[];

/** A value that only one document supports, said openly: why no second document could be found. */
const singleSourceSchema = z.object({
  /** The field whose value rests on one document. */
  field: z.enum(SOURCED_FIELDS),
  /** Always true: the explicit mark the card page shows. */
  singleSource: z.literal(true),
  /** One sentence: why there is no second document (e.g. only the whitepaper publishes dense tensor rates). */
  why: z.string().min(10),
});

/** Where the vendor's own documents (or a vendor document and a second source) print different values for one field. */
const disagreementSchema = z.object({
  /** The field the documents disagree on. */
  field: z.enum(SOURCED_FIELDS),
  /** Each printed figure with the title of the source (as in `sources`) that prints it; at least two figures. */
  values: z.array(z.object({ value: positive, source: z.string().min(3) })).min(2),
  /** The figure the record stores and the estimator uses. */
  used: positive,
  /** One or two sentences: why that figure is used. */
  why: z.string().min(10),
});

/** One GPU's specification; every throughput is dense (no 2:4 sparsity) at the boost clock. */
export const gpuSpecSchema = z
  .object({
    /** Stable kebab-case id; never changes once published. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** Marketing name, e.g. "GeForce RTX 4090". */
    name: z.string().min(3),
    /** Product family. */
    series: z.enum(SERIES),
    /** Architecture. */
    architecture: z.enum(ARCHITECTURES),
    /** Die and variant, e.g. "AD102-300". */
    chip: z.string().min(2),
    /** CUDA compute capability, e.g. "8.9". */
    computeCapability: z.string().regex(/^\d+\.\d+$/),
    /** Launch (availability) date, ISO yyyy-mm-dd. */
    launchDate: z.iso.date(),
    /** Launch price in US dollars (MSRP); null where none was published. */
    launchPriceUsd: nullablePositive,
    /** Form factor. */
    formFactor: z.enum(['pcie', 'sxm', 'mezzanine']),
    /** CUDA cores (FP32 lanes). */
    cudaCores: z.number().int().positive(),
    /** Tensor Cores; 0 where the chip has none. */
    tensorCores: z.number().int().min(0),
    /** Tensor Core generation (1 = Volta ... 5 = Blackwell); null without Tensor Cores. */
    tensorCoreGeneration: z.number().int().min(1).max(5).nullable(),
    /** Reference boost clock in MHz. */
    boostClockMHz: positive,
    /**
     * Clock at which the vendor quotes the tensor figures, where it differs from the boost clock (Hopper: NVIDIA's H100
     * tensor TFLOPS assume 1830 MHz on SXM5 and 1620 MHz on PCIe, below their 1980/1755 MHz maximum boost). Null otherwise.
     */
    tensorClockMHz: nullablePositive.default(null),
    /** Dense FP32 (non-tensor) TFLOPS. */
    fp32Tflops: positive,
    /** Non-tensor FP16 TFLOPS (1/64 of FP32 on most Pascal, 2x FP32 on Turing and later, 1x on Ada/Blackwell GeForce). */
    fp16Tflops: nullablePositive,
    /** Dense tensor FP16 TFLOPS with FP16 accumulate; null without Tensor Cores. */
    tensorFp16Fp16AccTflops: nullablePositive,
    /** Dense tensor FP16 TFLOPS with FP32 accumulate (half rate on most GeForce cards). */
    tensorFp16Fp32AccTflops: nullablePositive,
    /** Dense tensor BF16 TFLOPS (FP32 accumulate); null before Ampere. */
    bf16Tflops: nullablePositive,
    /** Dense tensor TF32 TFLOPS; null before Ampere. */
    tf32Tflops: nullablePositive,
    /** Dense INT8 TOPS (tensor where present, else DP4A). */
    int8Tops: nullablePositive,
    /** Dense tensor FP8 TFLOPS (FP32 accumulate where quoted both ways); null before Ada/Hopper. */
    fp8Tflops: nullablePositive,
    /** Dense tensor FP4 TFLOPS; null before Blackwell. */
    fp4Tflops: nullablePositive,
    /** Whether 2:4 structured sparsity doubles the tensor figures above (Ampere and later). */
    sparsityDoubles: z.boolean(),
    /** Memory capacity in GB as marketed (GB = GiB for GPU memory sizes). */
    memoryGB: positive,
    /** Memory technology. */
    memoryType: z.enum(['GDDR5', 'GDDR5X', 'GDDR6', 'GDDR6X', 'GDDR7', 'HBM2', 'HBM2e', 'HBM3', 'HBM3e']),
    /** Memory bus width in bits. */
    memoryBusBits: z.number().int().positive(),
    /** Per-pin data rate in Gbit/s. */
    memoryDataRateGbps: positive,
    /** Peak memory bandwidth in GB/s (10^9 bytes per second). */
    memoryBandwidthGBs: positive,
    /** L2 cache in MB. */
    l2CacheMB: positive,
    /** PCIe generation of the host link. */
    pcieGen: z.number().int().min(3).max(5),
    /** PCIe lanes of the host link. */
    pcieLanes: z.number().int().min(4).max(16),
    /** NVLink, or null where the card has none. */
    nvlink: nvlinkSchema.nullable(),
    /** Board power (TDP/TGP) in watts. */
    boardPowerW: positive,
    /** Recommended system power supply in watts where NVIDIA states one; else null. */
    recommendedPsuW: nullablePositive,
    /** Documents supporting the values; footnotes are numbered in this order. */
    sources: z.array(sourceSchema).min(1),
    /** Notes on disagreements between sources or on which edition a value describes. */
    notes: z.array(noteSchema).default([]),
    /** Values only one document supports, each marked explicitly; the card page flags them. */
    singleSource: z.array(singleSourceSchema).default([]),
    /** Fields where documents print different figures; the card page shows every figure with its source. */
    disagreements: z.array(disagreementSchema).default([]),
  })
  .superRefine((gpu, ctx) => {
    const covered = new Set(gpu.sources.flatMap((s) => s.fields));
    for (const field of SOURCED_FIELDS) {
      if (gpu[field] !== null && !covered.has(field)) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${gpu.id}: ${field} has a value but no source lists it` });
      }
    }
    for (const field of covered) {
      if (!(field in gpu)) ctx.addIssue({ code: 'custom', path: ['sources'], message: `${gpu.id}: a source names unknown field "${field}"` });
    }
    for (const mark of gpu.singleSource) {
      const n = gpu.sources.filter((s) => s.fields.includes(mark.field)).length;
      if (n !== 1) ctx.addIssue({ code: 'custom', path: ['singleSource'], message: `${gpu.id}: ${mark.field} is marked single-source but ${n} sources list it` });
    }
    const titles = new Set(gpu.sources.map((s) => s.title));
    for (const d of gpu.disagreements) {
      if (d.used !== gpu[d.field]) ctx.addIssue({ code: 'custom', path: ['disagreements'], message: `${gpu.id}: ${d.field} disagreement uses ${d.used} but the record stores ${String(gpu[d.field])}` });
      if (!d.values.some((v) => v.value === d.used)) ctx.addIssue({ code: 'custom', path: ['disagreements'], message: `${gpu.id}: ${d.field} disagreement: the used value is not among the printed figures` });
      for (const v of d.values) {
        if (!titles.has(v.source)) ctx.addIssue({ code: 'custom', path: ['disagreements'], message: `${gpu.id}: ${d.field} disagreement names a source not in sources: "${v.source}"` });
      }
    }
    if ((gpu.tensorCores === 0) !== (gpu.tensorCoreGeneration === null)) {
      ctx.addIssue({ code: 'custom', path: ['tensorCoreGeneration'], message: `${gpu.id}: tensor core count and generation disagree` });
    }
  });

/** A validated GPU record as it is stored. */
export type GpuRecord = z.infer<typeof gpuSpecSchema>;

/** What a published measurement measured; see src/data/validation/README.md for each definition. */
const MEASUREMENT_METRICS = ['peakAllocatedGiB', 'peakReservedGiB', 'nvidiaSmiGiB', 'decodeTokensPerSecond', 'prefillTokensPerSecond', 'trainTokensPerSecond'] as const;
/** Groups the validation page reports medians for. */
export const MEASUREMENT_CATEGORIES = ['train-memory', 'inference-memory', 'decode-speed', 'prefill-speed', 'train-throughput'] as const;

/** One published measurement the estimator is held to. */
export const measurementSchema = z.object({
  /** Unique kebab-case id. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9.]+)*$/),
  /** Which group it counts in. */
  category: z.enum(MEASUREMENT_CATEGORIES),
  /** The run, as a CLI scenario (validated separately by parseScenario). */
  scenario: z.record(z.string(), z.unknown()),
  /** The measured quantity and its value. */
  measured: z.object({ metric: z.enum(MEASUREMENT_METRICS), value: positive }),
  /** Relative tolerance the case is held to, set by how completely the source specifies the run. */
  tolerance: z.number().gt(0).lte(0.5),
  /** Where the number is published. */
  source: sourceSchema.omit({ fields: true }),
  /** Setup details and assumptions. */
  notes: z.string(),
  /** Set when the estimator's physics knowingly misses this case: one sentence on why. The test asserts it is still outside tolerance. */
  knownMiss: z.string().min(10).optional(),
});

/** A validated measurement. */
export type Measurement = z.infer<typeof measurementSchema>;
