import { describe, expect, it } from 'vitest';
import { wholeReader, type WholeProblem } from '../../src/components/calculators/plain-fields.tsx';

describe('wholeReader', () => {
  it('reads whole numbers and reports empty or non-whole text per field, echoing at most 40 characters', () => {
    const problems: [string, WholeProblem][] = [];
    const read = wholeReader({ a: ' 2048 ', b: '', c: '2k', d: 'x'.repeat(100) }, (f, p) => problems.push([f, p]));
    expect(read('a')).toBe(2048);
    read('b');
    expect(read('c')).toBeNaN();
    read('d');
    expect(problems).toEqual([
      ['b', { kind: 'empty' }],
      ['c', { kind: 'notWhole', value: '2k' }],
      ['d', { kind: 'notWhole', value: 'x'.repeat(40) }],
    ]);
  });
  it('refuses decimals and signs', () => {
    const problems: string[] = [];
    const read = wholeReader({ a: '1.5', b: '-3' }, (f) => problems.push(f));
    read('a');
    read('b');
    expect(problems).toEqual(['a', 'b']);
  });
});
