/**
 * The cards an island offers, looked up by id in the shared slim table (`virtual:gpu-cards`): wrappers pass ids, never
 * card records, so the table is downloaded once as a cached module instead of being written into every page's HTML.
 */
import { slimCards, slimCardsBySeries } from 'virtual:gpu-cards';
import type { SlimCard } from '../../lib/hardware/slim-card.ts';
import { fill } from '../../i18n/fill.ts';
import { formatNumber } from '../../lib/units.ts';

const picked = new Map<string, SlimCard[]>();

/**
 * The cards with these ids, in the order given (every card in id order when `ids` is undefined; 'series' for every card in
 * series order). The same array comes back for the same ids, so hooks can depend on it; callers must not mutate it. Throws on an unknown id: a wrapper
 * naming a card that does not exist is a build error.
 * @example cardsFor(['rtx-4090']).map((c) => c.memoryGB) //=> [24]
 */
export function cardsFor(ids?: readonly string[] | 'series'): SlimCard[] {
  if (ids === undefined) return slimCards;
  if (ids === 'series') return slimCardsBySeries;
  const key = ids.join(',');
  let cards = picked.get(key);
  if (!cards) {
    const byId = new Map(slimCards.map((c) => [c.id, c]));
    cards = ids.map((id) => {
      const card = byId.get(id);
      if (!card) throw new Error(`unknown card id "${id}"`);
      return card;
    });
    picked.set(key, cards);
  }
  return cards;
}

/**
 * A card as a select option: its name, with its memory added from `template` ("{name} ({memory} GB)") unless the name
 * already says it (the RTX 3060 12GB).
 * @example cardOptionText({ name: 'GeForce RTX 4090', memoryGB: 24 }, '{name} ({memory} GB)', 'en-US') //=> "GeForce RTX 4090 (24 GB)"
 */
export function cardOptionText(card: { name: string; memoryGB: number }, template: string, numberLocale: string): string {
  return /\d\s?GB/i.test(card.name) ? card.name : fill(template, { name: card.name, memory: formatNumber(card.memoryGB, 4, numberLocale) });
}
