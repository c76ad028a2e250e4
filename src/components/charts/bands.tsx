/**
 * The memory bands of a training step (weights, optimizer states, gradients, activations, overhead), shared by the step
 * timeline and the fine-tuning bars: their order, the texture that tells them apart without colour, and the legend that
 * names them. Kept apart from the charts so an island that draws only bars does not load the timeline's area code.
 */

/** The bands, bottom to top. */
export const TIMELINE_PARTS = ['weightsBytes', 'optimizerBytes', 'gradientsBytes', 'activationsBytes', 'overheadBytes'] as const;
/** One band. */
export type TimelinePart = (typeof TIMELINE_PARTS)[number];

/** Texture of each band, drawn over its background. */
const TEXTURE: Record<TimelinePart, string | null> = {
  weightsBytes: null,
  optimizerBytes: 'M0,0 l8,8 M8,0 l-8,8',
  gradientsBytes: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4',
  activationsBytes: 'dot',
  overheadBytes: 'M4,0 v8',
};

/** A band's pattern definition, shared by the chart and the legend swatches. */
export function BandPattern({ id, part }: { id: string; part: TimelinePart }) {
  const t = TEXTURE[part];
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" class={`st-bg-${part}`} />
      {t === 'dot' ? <circle cx="4" cy="4" r="1.6" class="st-dot" /> : t ? <path d={t} class="st-fg" /> : null}
    </pattern>
  );
}

/**
 * The legend: a swatch of each band's pattern and its name, in stacking order. A chart that already defines the patterns
 * passes `patternId`, and the swatches fill with those (no second set of definitions in the page).
 */
export function BandLegend({ idPrefix, names, patternId }: { idPrefix: string; names: Readonly<Record<TimelinePart, string>>; patternId?: (part: TimelinePart) => string }) {
  return (
    <ul class="st-legend">
      {TIMELINE_PARTS.map((part) => {
        const own = `${idPrefix}-sw-${part}`;
        return (
          <li><svg width="16" height="16" aria-hidden="true">{patternId ? null : <defs><BandPattern id={own} part={part} /></defs>}<rect width="16" height="16" fill={`url(#${patternId ? patternId(part) : own})`} class="st-band" /></svg>{names[part]}</li>
        );
      })}
    </ul>
  );
}
