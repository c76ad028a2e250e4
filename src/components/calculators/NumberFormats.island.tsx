/**
 * Number-format explorer: a value in, its bits, stored value and relative error in every float format out; and a gradient with a
 * loss scale, showing FP16 underflow without scaling and recovery with it.
 * States per field: valid (result shown) -> invalid (message beside the field, last valid result kept, marked as such) -> valid.
 */
import { useEffect, useState } from 'preact/hooks';
import { FORMATS } from '../../lib/estimator/formats.ts';
import {
  FLOAT_FORMAT_IDS, floatFacts, lossScalingDemo, parseNumberInput, roundToFormat,
  type FloatEncoding, type LossScalingDemo, type NumberInputError,
} from '../../lib/teaching/floatbits.ts';
import { formatNumber } from '../../lib/units.ts';
import type { IslandWords } from '../../i18n/islands.ts';
import { fill } from '../../i18n/fill.ts';
import { HeadRow, IslandToolbar, TextField } from '../form/parts.tsx';
import { NUMBER_FORMATS_KEYS } from './url-keys.ts';
import { useUrlInputs } from './url-state.ts';

interface Props {
  /** Words for the reader's locale. */
  strings: IslandWords<'numberFormats'>;
  /** Initial value text. */
  defaultValue: string;
  /** Initial gradient text. */
  defaultGradient: string;
  /** Initial loss-scale text. */
  defaultScale: string;
  /** Unique prefix for ids and URL keys. */
  idPrefix: string;
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '+': '', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** Display only: a number with `digits` significant digits, in scientific notation when very small or large. */
function show(value: number, digits: number, locale: string): string {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-4 && abs < 1e7) return formatNumber(value, digits, locale);
  const [mantissa = '', exponent = ''] = value.toExponential(digits - 1).split('e');
  const m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return `${m.replace('-', '−')} × 10${[...exponent].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

type ParseFn = (text: string) => ReturnType<typeof parseNumberInput>;
const parseValue: ParseFn = (t) => parseNumberInput(t);
const parseScale: ParseFn = (t) => parseNumberInput(t, { positive: true });

function errorText(error: NumberInputError, s: IslandWords<'numberFormats'>['numberFormats']['errors']): string {
  switch (error) {
    case 'empty': return s.empty;
    case 'not-a-number': return s.notANumber;
    case 'out-of-range': return s.outOfRange;
    case 'not-positive': return s.notPositive;
  }
}

function Bits({ enc, t }: { enc: FloatEncoding; t: IslandWords<'numberFormats'>['numberFormats'] }) {
  return (
    <span class="nf-bits">
      <span class="nf-group nf-sign"><code>{enc.sign}</code><small>{t.signCaption}</small></span>
      <span class="nf-group nf-exp"><code>{enc.exponentBits || '–'}</code><small>{t.exponentCaption}</small></span>
      <span class="nf-group nf-man"><code>{enc.mantissaBits || '–'}</code><small>{t.mantissaCaption}</small></span>
    </span>
  );
}

export default function NumberFormatsExplorer({ strings, defaultValue, defaultGradient, defaultScale, idPrefix }: Props) {
  const t = strings.numberFormats;
  const prefix = `${idPrefix}.`;
  const defaults = { v: defaultValue, g: defaultGradient, s: defaultScale };
  // v: the value to round, g: the gradient, s: the loss scale (the URL keys).
  const [texts, setTexts] = useUrlInputs(prefix, defaults, NUMBER_FORMATS_KEYS);
  const { v: valueText, g: gradText, s: scaleText } = texts;
  const setText = (key: keyof typeof defaults) => (text: string) => setTexts({ ...texts, [key]: text });
  const loc = strings.numberLocale;

  const value = parseValue(valueText);
  const grad = parseValue(gradText);
  const scale = parseScale(scaleText);

  const initialValue = (parseValue(defaultValue) as { value: number }).value;
  const [lastValue, setLastValue] = useState(initialValue);
  const [lastDemo, setLastDemo] = useState<LossScalingDemo>(() =>
    lossScalingDemo((parseValue(defaultGradient) as { value: number }).value, (parseScale(defaultScale) as { value: number }).value));
  const demoNow = grad.ok && scale.ok ? lossScalingDemo(grad.value, scale.value) : null;

  useEffect(() => {
    if (value.ok) setLastValue(value.value);
    if (demoNow) setLastDemo(demoNow);
  }, [valueText, gradText, scaleText]);

  const shownValue = value.ok ? value.value : lastValue;
  const demo = demoNow ?? lastDemo;
  const fp16 = floatFacts('fp16');
  const ids = { value: `${idPrefix}-value`, grad: `${idPrefix}-gradient`, scale: `${idPrefix}-scale` };

  const field = (id: string, label: string, hint: string, text: string, set: (v: string) => void, error: NumberInputError | null) => (
    <TextField id={id} label={label} hint={hint} value={text} onInput={set} inputMode="decimal" error={error ? errorText(error, t.errors) : null} />
  );

  const note = (enc: FloatEncoding): string => {
    const max = show(floatFacts(enc.format).maxFinite, 6, loc);
    switch (enc.category) {
      case 'subnormal': return t.notes.subnormal;
      case 'zero': return t.notes.zero;
      case 'underflow-to-zero': return t.notes.underflow;
      case 'overflow':
        if (Number.isNaN(enc.roundedValue)) return fill(t.notes.overflowNan, { max });
        if (!Number.isFinite(enc.roundedValue)) return fill(t.notes.overflowInf, { max });
        return fill(t.notes.overflowSaturate, { max });
      default: return '';
    }
  };
  // NaN and infinity are real results of a format here (E4M3 overflows to its NaN code); the attribute tells the
  // hostile-input gate that the word is the explorer's answer, not a number gone wrong.
  const special = (enc: FloatEncoding): string | undefined => (Number.isFinite(enc.roundedValue) ? undefined : 'true');
  const stored = (enc: FloatEncoding): string => {
    if (Number.isNaN(enc.roundedValue)) return t.nanCode;
    if (!Number.isFinite(enc.roundedValue)) return `${enc.roundedValue < 0 ? '−' : ''}${t.infinity}`;
    return show(enc.roundedValue, 9, loc);
  };
  const relErr = (enc: FloatEncoding): string => {
    if (!Number.isFinite(enc.roundedValue)) return '–';
    if (enc.relativeError === 0) return t.exact;
    return show(enc.relativeError, 3, loc);
  };

  const lost = demo.unscaled.category === 'underflow-to-zero';
  const scaleShown = show(demo.lossScale, 6, loc);
  const verdict = [
    lost ? fill(t.verdictLost, { minSub: show(fp16.minSubnormal, 4, loc) }) : t.verdictKept,
    demo.overflowed
      ? fill(t.verdictOverflow, { scale: scaleShown, max: show(fp16.maxFinite, 6, loc) })
      : demo.scaled.category === 'underflow-to-zero'
        ? fill(t.verdictStillLost, { scale: scaleShown })
        : fill(t.verdictRecovered, { scale: scaleShown, error: demo.recoveredRelativeError === 0 ? t.exact : show(demo.recoveredRelativeError, 3, loc) }),
  ].join(' ');

  return (
    <section class="island calc nf" aria-label={t.title}>
      <div class="calc-inputs">
        {field(ids.value, t.valueLabel, t.valueHint, valueText, setText('v'), value.ok ? null : value.error)}
      </div>
      <div class="nf-table-wrap" data-stale={value.ok ? 'false' : 'true'}>
        {value.ok ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <table class="nf-table" data-testid="format-table">
          <caption>{fill(t.tableCaption, { value: show(shownValue, 9, loc) })}</caption>
          <thead>
            <HeadRow columns={[t.formatHeader, t.bitsHeader, { num: t.storedHeader }, { num: t.errorHeader }, t.noteHeader]} />
          </thead>
          <tbody>
            {FLOAT_FORMAT_IDS.map((id) => {
              const enc = roundToFormat(shownValue, id);
              return (
                <tr data-format={id}>
                  <th scope="row">{FORMATS[id].label}</th>
                  <td><Bits enc={enc} t={t} /></td>
                  <td class="num" data-testid={`stored-${id}`} data-special-value={special(enc)}>{stored(enc)}</td>
                  <td class="num" data-testid={`error-${id}`}>{relErr(enc)}</td>
                  <td data-testid={`note-${id}`} data-special-value={special(enc)}>{note(enc)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3 class="nf-subtitle">{t.lossTitle}</h3>
      <div class="calc-inputs">
        {field(ids.grad, t.gradientLabel, t.gradientHint, gradText, setText('g'), grad.ok ? null : grad.error)}
        {field(ids.scale, t.scaleLabel, t.scaleHint, scaleText, setText('s'), scale.ok ? null : scale.error)}
      </div>
      <dl class="calc-result" aria-live="polite" data-stale={demoNow ? 'false' : 'true'}>
        {demoNow ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <div>
          <dt>{t.unscaledLabel}</dt>
          <dd data-testid="unscaled"><span class="nf-val" data-special-value={special(demo.unscaled)}>{stored(demo.unscaled)}</span> <Bits enc={demo.unscaled} t={t} /></dd>
        </div>
        <div>
          <dt>{t.scaledLabel}</dt>
          <dd data-testid="scaled"><span class="nf-val" data-special-value={special(demo.scaled)}>{stored(demo.scaled)}</span> <Bits enc={demo.scaled} t={t} /></dd>
        </div>
        <div>
          <dt>{t.recoveredLabel}</dt>
          <dd data-testid="recovered">{demo.overflowed ? '–' : show(demo.recoveredGradient, 6, loc)}</dd>
        </div>
      </dl>
      <p class="nf-verdict" data-testid="verdict" aria-live="polite">{verdict}</p>
      <IslandToolbar strings={strings.common} onReset={() => setTexts(defaults)} />
    </section>
  );
}
