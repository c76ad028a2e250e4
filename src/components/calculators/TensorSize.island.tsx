/**
 * Tensor-size calculator: a shape and a number format in, elements, bytes and strides out.
 * States: valid (result shown) -> invalid input (message beside the field, last valid result kept, marked as such) -> valid.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { FORMATS, FORMAT_IDS, bytesPerValue, isFormatId, type FormatId } from '../../lib/estimator/formats.ts';
import { parseShape, tensorSize, MAX_RANK, type ShapeError, type TensorSize } from '../../lib/teaching/tensor.ts';
import { formatBytesIn, formatNumber, type ByteUnit } from '../../lib/units.ts';
import type { IslandWords } from '../../i18n/islands.ts';
import { fill } from '../../i18n/fill.ts';
import { IslandToolbar, SelectField, TextField } from '../form/parts.tsx';
import { TENSOR_SIZE_KEYS } from './url-keys.ts';
import { readParams, writeParams } from './url-state.ts';

interface Props {
  /** Words for the reader's locale. */
  strings: IslandWords<'tensorSize'>;
  /** Initial shape text. */
  defaultShape: string;
  /** Initial number format. */
  defaultFormat: FormatId;
  /** Unique prefix for ids and URL keys. */
  idPrefix: string;
}

const UNITS: ByteUnit[] = ['B', 'KiB', 'MiB', 'GiB'];

function errorText(error: ShapeError, s: IslandWords<'tensorSize'>['tensorSize']['errors']): string {
  switch (error.kind) {
    case 'empty': return s.empty;
    case 'not-integer': return fill(s.notInteger, { token: error.token });
    case 'not-positive': return fill(s.notPositive, { token: error.token });
    case 'too-many-dims': return fill(s.tooManyDims, { rank: error.rank, max: MAX_RANK });
    case 'too-large': return s.tooLarge;
  }
}

export default function TensorSizeCalculator({ strings, defaultShape, defaultFormat, idPrefix }: Props) {
  const t = strings.tensorSize;
  const prefix = `${idPrefix}.`;
  const defaults = { shape: defaultShape, format: defaultFormat };
  const [shapeText, setShapeText] = useState(defaultShape);
  const [format, setFormat] = useState<string>(defaultFormat);

  // Adopt URL parameters once after hydration (the server render always shows the defaults).
  useEffect(() => {
    const p = readParams(prefix, TENSOR_SIZE_KEYS);
    if (p['shape'] !== undefined) setShapeText(p['shape']);
    if (p['format'] !== undefined) setFormat(p['format']);
  }, []);

  const parsed = useMemo(() => parseShape(shapeText), [shapeText]);
  const formatOk = isFormatId(format);
  const [lastGood, setLastGood] = useState<TensorSize>(() => tensorSize((parseShape(defaultShape) as { ok: true; shape: number[] }).shape, defaultFormat));
  const current = parsed.ok && formatOk ? tensorSize(parsed.shape, format) : null;

  useEffect(() => {
    if (current) setLastGood(current);
    writeParams(prefix, { shape: shapeText, format }, defaults);
  }, [shapeText, format]);

  const shown = current ?? lastGood;
  const shapeError = parsed.ok ? null : errorText(parsed.error, t.errors);
  const ids = { shape: `${idPrefix}-shape`, format: `${idPrefix}-format` };
  const nf = (n: number) => formatNumber(n, 6, strings.numberLocale);
  const shownFormat = formatOk ? format : defaultFormat;

  return (
    <section class="island calc" aria-label={t.title}>
      <div class="calc-inputs">
        <TextField id={ids.shape} label={t.shapeLabel} hint={t.shapeHint} value={shapeText} onInput={setShapeText} inputMode="numeric" error={shapeError} />
        <SelectField id={ids.format} label={t.formatLabel} value={shownFormat} onChange={setFormat} error={formatOk ? null : t.errors.unknownFormat}
          options={FORMAT_IDS.map((id) => [id, `${FORMATS[id].label} (${FORMATS[id].storageBits}-bit)`] as const)} />
      </div>
      <dl class="calc-result" aria-live="polite" data-stale={current ? 'false' : 'true'}>
        {current ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        <div><dt>{t.rankLabel}</dt><dd data-testid="rank">{shown.rank}</dd></div>
        <div><dt>{t.elementsLabel}</dt><dd data-testid="elements">{nf(shown.elements)}</dd></div>
        <div>
          <dt>{t.bytesLabel}</dt>
          <dd data-testid="bytes">
            <ul class="unit-list">
              {UNITS.map((unit) => <li>{formatBytesIn(shown.bytes, unit, 6, strings.numberLocale)}</li>)}
            </ul>
            <span class="formula-note">{fill(t.bytesFormula, { elements: nf(shown.elements), bytesPerValue: String(bytesPerValue(shownFormat)) })}</span>
          </dd>
        </div>
        <div><dt>{t.stridesLabel}</dt><dd data-testid="strides">({shown.strides.map(nf).join(', ')})</dd></div>
      </dl>
      <IslandToolbar strings={strings.common} onReset={() => { setShapeText(defaultShape); setFormat(defaultFormat); }} />
    </section>
  );
}
