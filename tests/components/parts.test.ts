import { describe, expect, it } from 'vitest';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { HeadRow, SelectField, TextField } from '../../src/components/form/parts.tsx';

const noop = (): void => undefined;

describe('TextField', () => {
  it('ties the box to its label and its message line, and shows the hint while the value is fine', () => {
    const html = render(h(TextField, { id: 'ts-shape', label: 'Shape', hint: 'Comma-separated sizes', value: '2,3', onInput: noop, inputMode: 'numeric' }));
    expect(html).toContain('<label for="ts-shape">Shape</label>');
    expect(html).toMatch(/<input id="ts-shape" aria-invalid="false" aria-describedby="ts-shape-msg" type="text" inputmode="numeric"/);
    expect(html).toContain('<p id="ts-shape-msg" class="field-msg">Comma-separated sizes</p>');
  });

  it('marks the box invalid and announces the error in place of the hint', () => {
    const html = render(h(TextField, { id: 'ts-shape', label: 'Shape', hint: 'Comma-separated sizes', value: 'x', onInput: noop, error: 'Not a number' }));
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<p id="ts-shape-msg" class="field-msg error" role="alert">Not a number</p>');
    expect(html).not.toContain('Comma-separated sizes');
  });
});

describe('SelectField', () => {
  it('lists the options in order with the current one selected, and an empty message line while fine', () => {
    const html = render(h(SelectField, { id: 'tt-format', label: 'Format', value: 'bf16', onChange: noop, options: [['fp16', 'FP16'], ['bf16', 'BF16']] }));
    expect(html).toMatch(/<select id="tt-format" aria-invalid="false" aria-describedby="tt-format-msg"[^>]*><option value="fp16">FP16<\/option><option selected value="bf16">BF16<\/option><\/select>/);
    expect(html).toContain('<p id="tt-format-msg" class="field-msg"></p>');
  });

  it('says what is wrong with a value the address carried', () => {
    const html = render(h(SelectField, { id: 'tt-format', label: 'Format', value: 'fp16', onChange: noop, options: [['fp16', 'FP16']], error: 'Unknown format' }));
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('role="alert">Unknown format</p>');
  });
});

describe('HeadRow', () => {
  it('writes one column header per column, numeric ones right-aligned, a links column named for screen readers only', () => {
    const html = render(h(HeadRow, { columns: ['Card', { num: 'Memory (GB)' }, { srOnly: 'Row link', class: 'row-link' }] }));
    expect(html).toBe('<tr><th scope="col">Card</th><th scope="col" class="num">Memory (GB)</th><th scope="col" class="row-link"><span class="sr-only">Row link</span></th></tr>');
  });
});
