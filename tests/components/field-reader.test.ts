import { describe, expect, it } from 'vitest';
import { readFields, switchValue } from '../../src/components/calculators/field-reader.ts';

describe('readFields (the text inputs of the fine-tuning and step-timeline islands)', () => {
  it('reads whole numbers and switches, with no errors when all are fine', () => {
    const r = readFields({ seq: ' 2048 ', ckpt: 'On' });
    expect(r.whole('seq')).toBe(2048);
    expect(r.onOff('ckpt')).toBe(true);
    expect(r.errors).toEqual({});
  });

  it('records one problem per wrong field and keeps reading', () => {
    const r = readFields({ seq: '', batch: '2.5', top: '1e3', ckpt: 'maybe' });
    r.whole('seq');
    r.whole('batch');
    r.whole('top');
    expect(r.onOff('ckpt')).toBeUndefined();
    expect(r.errors).toEqual({
      seq: { kind: 'empty' },
      batch: { kind: 'notWhole', value: '2.5' },
      top: { kind: 'notWhole', value: '1e3' },
      ckpt: { kind: 'notBoolean' },
    });
  });

  it('cuts a long wrong text to 40 characters for the message', () => {
    const r = readFields({ seq: 'x'.repeat(100) });
    r.whole('seq');
    expect(r.errors.seq).toEqual({ kind: 'notWhole', value: 'x'.repeat(40) });
  });

  it('accepts 1/0, true/false and on/off in any case as a switch, nothing else', () => {
    expect(['1', 'TRUE', ' on'].map(switchValue)).toEqual([true, true, true]);
    expect(['0', 'False', 'OFF '].map(switchValue)).toEqual([false, false, false]);
    expect(['yes', '', '2'].map(switchValue)).toEqual([undefined, undefined, undefined]);
  });
});
