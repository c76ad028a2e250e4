/**
 * Open Graph images, one 1200×630 PNG per page of the book (`/og/<entry id>.png`, e.g. `/og/learn/tensors.png`), drawn at build
 * time: an SVG card with the page title and description, rasterised by sharp (already installed with Astro; it renders text
 * with the system fonts, DejaVu/Liberation on Debian). The Head override (`src/components/overrides/Head.astro`) links them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import sharp from 'sharp';

const WIDTH = 1200;
const HEIGHT = 630;
const SITE_TITLE = 'GPUs for Large Models';

export const getStaticPaths = (async () => {
  // English pages only: translated pages link their English twin's card (see the Head override).
  const docs = (await getCollection('docs')).filter((entry) => !entry.id.startsWith('zh-cn/'));
  return docs.map((entry) => ({
    params: { slug: entry.id },
    props: { title: entry.data.title, description: entry.data.description ?? '' },
  }));
}) satisfies GetStaticPaths;

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Greedy word wrap by character count (the card's fonts are close enough to fixed width for a layout this loose). */
function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]?.replace(/\s*\S*$/, '') ?? ''} …`;
    return kept;
  }
  return lines;
}

function cardSvg(title: string, description: string): string {
  const titleLines = wrap(title, 30, 2);
  const descLines = wrap(description, 58, 3);
  const tspans = (lines: string[], x: number, y: number, lineHeight: number): string =>
    lines.map((l, i) => `<tspan x="${x}" y="${y + i * lineHeight}">${escapeXml(l)}</tspan>`).join('');
  const descY = 250 + titleLines.length * 84;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <rect width="100%" height="100%" fill="#17181c"/>
  <rect x="0" y="0" width="24" height="${HEIGHT}" fill="#76b900"/>
  <g font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">
    <text x="80" y="120" font-size="34" fill="#a8b3c4">${escapeXml(SITE_TITLE)}</text>
    <text font-size="72" font-weight="700" fill="#ffffff">${tspans(titleLines, 80, 240, 84)}</text>
    <text font-size="34" fill="#d6dbe3">${tspans(descLines, 80, descY, 46)}</text>
  </g>
</svg>`;
}

export const GET: APIRoute<{ title: string; description: string }> = async ({ props }) => {
  const png = await sharp(Buffer.from(cardSvg(props.title, props.description))).png().toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
