/**
 * The frame of a build-time chart: a figure whose SVG scrolls in its own labelled region on narrow screens (below 512 px,
 * instead of shrinking its text under 12 px), titled and described for screen readers, with a caption below.
 */
import type { ComponentChildren } from 'preact';

interface Props {
  /** The figure's class after `chart` (its styles). */
  kind: string;
  /** Prefix of the title and description ids; unique per page. */
  idPrefix: string;
  title: string;
  desc: string;
  width: number;
  height: number;
  /** The SVG's contents. */
  children: ComponentChildren;
  caption: ComponentChildren;
}

export function ChartFigure({ kind, idPrefix, title, desc, width, height, children, caption }: Props) {
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  return (
    <figure class={`chart ${kind}`}>
      <div class="chart-scroll" role="region" tabIndex={0} aria-label={title}>
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} style={{ aspectRatio: `${width} / ${height}`, width: '100%', height: 'auto' }}>
          <title id={titleId}>{title}</title>
          <desc id={descId}>{desc}</desc>
          {children}
        </svg>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
