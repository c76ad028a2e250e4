import { describe, expect, it } from 'vitest';
import { cardOptionText, cardsFor } from '../../src/components/calculators/cards.ts';

describe('cardOptionText (a card as the calculators list it)', () => {
  it('adds the memory in the page’s number format unless the name already says it', () => {
    const [rtx4090, rtx3060] = cardsFor(['rtx-4090', 'rtx-3060-12gb']);
    expect(cardOptionText(rtx4090!, '{name} ({memory} GB)', 'en-US')).toBe(`${rtx4090!.name} (24 GB)`);
    expect(cardOptionText({ name: 'Big card', memoryGB: 1536 }, '{name}（{memory} GB）', 'zh-CN')).toBe('Big card（1,536 GB）');
    // The RTX 3060 12GB names its memory; it is not said twice.
    expect(cardOptionText(rtx3060!, '{name} ({memory} GB)', 'en-US')).toBe(rtx3060!.name);
  });
});
