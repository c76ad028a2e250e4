import { describe, expect, it } from 'vitest';
import { REPRODUCE_GAP_TEXT, REPRODUCE_GAPS } from '../../src/lib/answers/reproduce.ts';
import { reproduceGapText } from '../../src/i18n/reproduce-gaps.ts';

describe('reproduceGapText', () => {
  it('words every gap in Chinese on a Chinese page, with its value filled in, and in the lib’s English elsewhere', () => {
    for (const code of REPRODUCE_GAPS) {
      const gap = { code, value: 'Q4_K_M' };
      const zh = reproduceGapText(gap, 'zh-cn');
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, code).not.toContain('{value}');
      if (REPRODUCE_GAP_TEXT[code].includes('{value}')) expect(zh, code).toContain('Q4_K_M');
      expect(reproduceGapText(gap, 'en'), code).toBe(REPRODUCE_GAP_TEXT[code].replace('{value}', 'Q4_K_M'));
    }
  });
});
