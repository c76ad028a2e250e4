import { describe, expect, it } from 'vitest';
import { loadGpus } from '../../src/loaders/load-gpus.ts';
import { readFileSync } from 'node:fs';
import { ESTIMATOR_FIELDS, SOURCED_FIELDS, gpuSpecSchema } from '../../src/lib/hardware/schema.ts';
import { auditFields, confirmation } from '../../src/lib/hardware/specs.ts';

const gpus = loadGpus();

// Published ids: a card may be added, never renamed or removed.
const REQUIRED_IDS = `
gtx-1050 gtx-1050-ti gtx-1060-3gb gtx-1060-6gb gtx-1070 gtx-1070-ti gtx-1080 gtx-1080-ti titan-x-pascal titan-xp
gtx-1650 gtx-1650-super gtx-1660 gtx-1660-super gtx-1660-ti titan-v
rtx-2060 rtx-2060-12gb rtx-2060-super rtx-2070 rtx-2070-super rtx-2080 rtx-2080-super rtx-2080-ti titan-rtx
rtx-3050-8gb rtx-3060-12gb rtx-3060-8gb rtx-3060-ti rtx-3070 rtx-3070-ti rtx-3080-10gb rtx-3080-12gb rtx-3080-ti rtx-3090 rtx-3090-ti
rtx-4060 rtx-4060-ti-8gb rtx-4060-ti-16gb rtx-4070 rtx-4070-super rtx-4070-ti rtx-4070-ti-super rtx-4080 rtx-4080-super rtx-4090 rtx-4090-d
rtx-5060 rtx-5060-ti-8gb rtx-5060-ti-16gb rtx-5070 rtx-5070-ti rtx-5080 rtx-5090
tesla-p40 tesla-p100-pcie-16gb v100-sxm2-16gb v100-sxm2-32gb v100-pcie-16gb v100-pcie-32gb t4 a10
a100-pcie-40gb a100-sxm-40gb a100-pcie-80gb a100-sxm-80gb l4 l40s h100-pcie h100-sxm h200-sxm rtx-a4000 rtx-a5000 rtx-a6000 rtx-6000-ada
`.trim().split(/\s+/);

/** Relative difference |a - b| / b. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

// Dense FP16 (FP16-accumulate) tensor FLOPs per Tensor Core per clock, by chip family.
// Sources: Volta whitepaper (64 FMA/clk), Turing whitepaper Appendix A, GA100 and GA102 whitepapers,
// Ada whitepaper Appendix A, Hopper whitepaper Table 2, RTX Blackwell whitepaper Appendix.
function tensorFlopsPerClock(g: (typeof gpus)[number]): number {
  if (g.architecture === 'volta' || g.architecture === 'turing') return 128;
  if (g.architecture === 'ampere') return g.chip.startsWith('GA100') ? 512 : 256;
  if (g.architecture === 'hopper') return 1024;
  return 256; // ada, blackwell GB20x (the same per-clock rate as GA10x; they add FP8 and FP4)
}

describe('GPU spec data', () => {
  it('has every card the site promises, under its permanent id', () => {
    const ids = new Set(gpus.map((g) => g.id));
    expect(REQUIRED_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has unique ids', () => {
    expect(new Set(gpus.map((g) => g.id)).size).toBe(gpus.length);
  });

  it.each(gpus)('$id: FP32 TFLOPS = 2 x CUDA cores x boost clock (within 2%)', (g) => {
    const derived = (2 * g.cudaCores * g.boostClockMHz) / 1e6;
    expect(rel(g.fp32Tflops, derived)).toBeLessThan(0.02);
  });

  it.each(gpus)('$id: bandwidth = bus width x data rate / 8 (within 2%)', (g) => {
    const derived = (g.memoryBusBits * g.memoryDataRateGbps) / 8;
    expect(rel(g.memoryBandwidthGBs, derived)).toBeLessThan(0.02);
  });

  it.each(gpus.filter((g) => g.tensorCores > 0))(
    '$id: tensor FP16 = Tensor Cores x tensor clock x FLOPs per clock of its architecture (within 3%)',
    (g) => {
      const derived = (g.tensorCores * (g.tensorClockMHz ?? g.boostClockMHz) * tensorFlopsPerClock(g)) / 1e6;
      expect(g.tensorFp16Fp16AccTflops).not.toBeNull();
      expect(rel(g.tensorFp16Fp16AccTflops ?? 0, derived)).toBeLessThan(0.03);
    },
  );

  it.each(gpus.filter((g) => g.tensorCores > 0))(
    '$id: FP32-accumulate tensor FP16 is the full or half FP16-accumulate rate; BF16 matches it; TF32 is half of BF16',
    (g) => {
      const full = g.tensorFp16Fp16AccTflops ?? 0;
      const acc32 = g.tensorFp16Fp32AccTflops ?? 0;
      expect(Math.min(rel(acc32, full), rel(acc32, full / 2))).toBeLessThan(0.01);
      if (g.bf16Tflops !== null) expect(rel(g.bf16Tflops, acc32)).toBeLessThan(0.01);
      if (g.tf32Tflops !== null && g.bf16Tflops !== null) expect(rel(g.tf32Tflops, g.bf16Tflops / 2)).toBeLessThan(0.01);
    },
  );

  it.each(gpus)('$id: formats appear only on architectures that have them', (g) => {
    const tensorGen = g.tensorCoreGeneration ?? 0;
    if (tensorGen < 3) {
      expect(g.bf16Tflops).toBeNull();
      expect(g.tf32Tflops).toBeNull();
    }
    if (tensorGen < 4) expect(g.fp8Tflops).toBeNull();
    if (tensorGen < 5) expect(g.fp4Tflops).toBeNull();
    expect(g.sparsityDoubles).toBe(tensorGen >= 3);
  });

  it.each(gpus)('$id: Pascal GeForce runs non-tensor FP16 at 1/64 of FP32', (g) => {
    if (g.architecture === 'pascal' && !g.chip.startsWith('GP100')) {
      expect(rel(g.fp16Tflops ?? 0, g.fp32Tflops / 64)).toBeLessThan(0.02);
    }
  });

  it('rejects a record whose value has no source (the schema can fail)', () => {
    const planted = structuredClone(gpus[0]!);
    planted.sources = planted.sources.map((s) => ({ ...s, fields: s.fields.filter((f) => f !== 'fp32Tflops') }));
    expect(gpuSpecSchema.safeParse(planted).success).toBe(false);
  });

  it.each(gpus)('$id: every estimator-read value has two sources or an explicit single-source mark', (g) => {
    const unmarked = ESTIMATOR_FIELDS.filter((f) => confirmation(g, f) === 'unmarked');
    expect(unmarked).toEqual([]);
  });

  it('flags an estimator-read value with one source and no mark (the check can fail)', () => {
    const planted = structuredClone(gpus.find((g) => g.id === 'rtx-4090')!);
    const first = planted.sources.findIndex((s) => s.fields.includes('memoryGB'));
    planted.sources = planted.sources.map((s, i) => (i === first ? s : { ...s, fields: s.fields.filter((f) => f !== 'memoryGB') }));
    planted.singleSource = planted.singleSource.filter((m) => m.field !== 'memoryGB');
    expect(confirmation(planted, 'memoryGB')).toBe('unmarked');
    planted.singleSource.push({ field: 'memoryGB', singleSource: true, why: 'planted for the test' });
    expect(confirmation(planted, 'memoryGB')).toBe('single-source');
  });

  it('rejects a single-source mark on a value two documents confirm, and a disagreement whose used figure is not stored', () => {
    const card = structuredClone(gpus.find((g) => g.id === 'rtx-4090')!);
    expect(confirmation(card, 'memoryGB')).toBe('two-source');
    const staleMark = { ...card, singleSource: [...card.singleSource, { field: 'memoryGB' as const, singleSource: true as const, why: 'stale mark, planted' }] };
    expect(gpuSpecSchema.safeParse(staleMark).success).toBe(false);
    const title = card.sources[0]!.title;
    const wrongUse = { ...card, disagreements: [{ field: 'memoryGB' as const, values: [{ value: 24, source: title }, { value: 23, source: title }], used: 23, why: 'planted for the test' }] };
    expect(gpuSpecSchema.safeParse(wrongUse).success).toBe(false);
    const unknownSource = { ...card, disagreements: [{ field: 'memoryGB' as const, values: [{ value: 24, source: title }, { value: 23, source: 'No such document' }], used: 24, why: 'planted for the test' }] };
    expect(gpuSpecSchema.safeParse(unknownSource).success).toBe(false);
  });

  it('records where documents disagree: L40S dense FP16/BF16 tensor and T4 bandwidth', () => {
    const figures = (id: string, field: string) =>
      [...new Set(gpus.find((g) => g.id === id)!.disagreements.find((d) => d.field === field)?.values.map((v) => v.value))].sort((a, b) => a - b);
    expect(figures('l40s', 'tensorFp16Fp16AccTflops')).toEqual([362, 362.05, 366.5]);
    expect(figures('l40s', 'bf16Tflops')).toEqual([362, 362.05, 366.5]);
    expect(figures('t4', 'memoryBandwidthGBs')).toEqual([300, 320]);
  });

  it('gives the RTX 5070 Ti the 48 MB L2 of the Blackwell whitepaper (64 MB is the 5080)', () => {
    expect(gpus.find((g) => g.id === 'rtx-5070-ti')!.l2CacheMB).toBe(48);
    expect(gpus.find((g) => g.id === 'rtx-5080')!.l2CacheMB).toBe(64);
  });

  it('counts a publisher once per value: two documents of one site never confirm the same value (NVIDIA\'s own documents excepted)', () => {
    // A site is its registered domain; on GitHub the repository is the publisher (Lightning's table and llm.c's are two documents).
    const site = (url: string) => {
      const u = new URL(url);
      const host = u.hostname.replace(/^www\./, '').split('.').slice(-2).join('.');
      return host === 'github.com' || host === 'githubusercontent.com' ? `github.com/${u.pathname.split('/').slice(1, 3).join('/')}` : host;
    };
    const repeats = (cards: readonly { id: string; sources: readonly { url: string; fields: readonly string[] }[] }[]) =>
      cards.flatMap((g) => {
        const seen = new Set<string>();
        return g.sources.flatMap((s) =>
          site(s.url) === 'nvidia.com' ? [] : s.fields.filter((f) => {
            const key = `${site(s.url)} ${f}`;
            const again = seen.has(key);
            seen.add(key);
            return again;
          }).map((f) => `${g.id}: ${f} twice from ${site(s.url)}`),
        );
      });
    const planted = { id: 'x', sources: [{ url: 'https://www.techpowerup.com/gpu-specs/x', fields: ['launchPriceUsd'] }, { url: 'https://techpowerup.com/review/x', fields: ['launchPriceUsd'] }] };
    expect(repeats([planted])).toEqual(['x: launchPriceUsd twice from techpowerup.com']);
    expect(repeats(gpus)).toEqual([]);
  });

  it('keeps the audit table in docs/DATA.md equal to the data', () => {
    const doc = readFileSync(new URL('../../docs/DATA.md', import.meta.url), 'utf8');
    for (const row of auditFields(gpus, SOURCED_FIELDS)) {
      const line = doc.split('\n').find((l) => l.startsWith(`| \`${row.field}\` |`));
      expect(line, row.field).toBeDefined();
      const cells = line!.split('|').map((c) => c.trim()).filter(Boolean);
      expect(cells.slice(1, 5).map(Number), row.field).toEqual([row.values, row.twoSource, row.singleSource, row.unmarked]);
    }
  });
});
