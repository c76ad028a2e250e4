/**
 * Reading an island's text inputs field by field, keeping one problem per field for the island to word beside that field:
 * whole numbers and on/off switches, as the fine-tuning comparison and the step timeline take them.
 */

/** A field's problem: a kind the island's word table names (with the offending text), or the estimator's own sentence. */
export type FieldError<K extends string> = { kind: K; value?: string } | { kind: 'lib'; message: string };

const SWITCH: Readonly<Record<string, boolean>> = { '1': true, true: true, on: true, '0': false, false: false, off: false };

/**
 * An on/off field's value: 1/0, true/false or on/off in any case; undefined for anything else.
 * @example switchValue(' ON ') //=> true
 */
export const switchValue = (text: string): boolean | undefined => SWITCH[text.trim().toLowerCase()];

/**
 * A reader over `inputs`: `whole(f)` reads digits only, `onOff(f)` one of 1/0, true/false, on/off (any case); each records
 * its field's problem in `errors` ('empty', 'notWhole', 'notBoolean') and still returns a value, so reading goes on and
 * every wrong field is reported at once.
 * @example readFields({ seq: '2k' }).whole('seq') // errors.seq = { kind: 'notWhole', value: '2k' }
 */
export function readFields<F extends string, K extends string = never>(inputs: Readonly<Record<F, string>>) {
  const errors: Partial<Record<F, FieldError<K | 'empty' | 'notWhole' | 'notBoolean'>>> = {};
  const whole = (f: F): number => {
    const t = inputs[f].trim();
    if (t === '') errors[f] = { kind: 'empty' };
    else if (!/^\d+$/.test(t)) errors[f] = { kind: 'notWhole', value: t.slice(0, 40) };
    return Number(t);
  };
  const onOff = (f: F): boolean | undefined => {
    const b = switchValue(inputs[f]);
    if (b === undefined) errors[f] = { kind: 'notBoolean' };
    return b;
  };
  return { errors, whole, onOff };
}
