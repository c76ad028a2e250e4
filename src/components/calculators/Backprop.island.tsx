/**
 * Backpropagation walk-through: a two-layer perceptron on one example. The reader sets x, y, the learning rate, the activation
 * and the seed, then steps through forward -> backward -> update and sees every intermediate value, gradient and the
 * finite-difference check. All arithmetic is `backpropWalk` in src/lib/teaching/mlp.ts.
 * States: valid (tables shown) -> a bad field, typed or from the URL, or a diverging learning rate (message beside the field,
 * last valid tables kept and marked) -> valid.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { BACKPROP_LIMITS as L, parseScalarInput, type BackpropWalk } from '../../lib/teaching/mlp.ts';
import { formatNumber } from '../../lib/units.ts';
import type { IslandWords } from '../../i18n/islands.ts';
import { fill } from '../../i18n/fill.ts';
import { IslandToolbar, SelectField, TextField } from '../form/parts.tsx';
import { BACKPROP_KEYS } from './url-keys.ts';
import { readParams, writeParams } from './url-state.ts';
import { ACTIVATIONS, evaluateBackprop, isStage, vectorError, type BackpropInputs, type Stage } from './backprop.ts';

interface Props {
  /** Words for the reader's locale. */
  strings: IslandWords<'backprop'>;
  /** Initial inputs. */
  defaults: BackpropInputs;
  /** Hidden units of the network. */
  hiddenSize: number;
  /** Unique prefix for ids and URL keys. */
  idPrefix: string;
}

/** A number for a table cell: 4 significant digits, scientific notation outside 10⁻⁴ … 10⁶, never NaN. */
function Num({ v, locale }: { v: number; locale: string }) {
  if (!Number.isFinite(v)) return <>–</>;
  const a = Math.abs(v);
  if (a === 0 || (a >= 1e-4 && a < 1e6)) return <>{formatNumber(v, 4, locale)}</>;
  const [m = '0', e = '0'] = v.toExponential(2).split('e');
  return <>{m} × 10<sup>{Number(e)}</sup></>;
}

export default function BackpropWalkthrough({ strings, defaults, hiddenSize, idPrefix }: Props) {
  const t = strings.backprop;
  const loc = strings.numberLocale;
  const prefix = `${idPrefix}.`;
  const [inputs, setInputs] = useState<BackpropInputs>(defaults);
  const [stageText, setStageText] = useState<string>('all');
  const [steps, setSteps] = useState(0);
  const [stepsMsg, setStepsMsg] = useState<string | null>(null);

  // Adopt URL parameters once after hydration (the server render always shows the defaults).
  useEffect(() => {
    const p = readParams(prefix, BACKPROP_KEYS);
    const next = { ...defaults };
    for (const key of Object.keys(defaults) as (keyof BackpropInputs)[]) if (p[key] !== undefined) next[key] = p[key];
    setInputs(next);
    if (p['stage'] !== undefined) setStageText(p['stage']);
    if (p['steps'] !== undefined) {
      const stepsRead = parseScalarInput(p['steps'], { min: 0, max: L.maxSteps, integer: true });
      if (stepsRead.ok) setSteps(stepsRead.value);
      else setStepsMsg(fill(t.errors.badSteps, { text: p['steps'].slice(0, 24), max: L.maxSteps }));
    }
  }, []);

  const parsed = evaluateBackprop(inputs, hiddenSize, steps);
  const { lr: lrParsed, actOk, result } = parsed;
  const current = result?.ok ? result : null;
  const stage: Stage = isStage(stageText) ? stageText : 'all';
  const [lastGood, setLastGood] = useState<{ walk: BackpropWalk; lr: number }>(() => {
    const first = evaluateBackprop(defaults, hiddenSize, 0).result;
    if (!first?.ok) throw new Error('Backprop: the default inputs diverge');
    return { walk: first, lr: Number(defaults.lr) };
  });

  useEffect(() => {
    if (current && lrParsed.ok) setLastGood({ walk: current, lr: lrParsed.value });
    writeParams(prefix, { ...inputs, stage: stageText, steps: String(steps) }, { ...defaults, stage: 'all', steps: '0' });
  }, [inputs, stageText, steps]);

  const shown = current ?? lastGood.walk;
  const shownLr = current && lrParsed.ok ? lrParsed.value : lastGood.lr;
  const set = (key: keyof BackpropInputs) => (text: string) => setInputs({ ...inputs, [key]: text });
  const id = (k: string) => `${idPrefix}-${k}`;
  const e = t.errors;
  const { x: xParsed, y: yParsed, seed: seedParsed } = parsed;
  const lrError = !lrParsed.ok ? fill(e.lrRange, { max: L.maxLearningRate }) : result && !result.ok ? fill(e.diverged, { step: result.divergedAtStep }) : null;
  const seedError = seedParsed.ok ? null : seedParsed.error === 'not-integer' ? e.notWhole : fill(e.seedRange, { max: formatNumber(L.maxSeed, 10, loc) });

  const field = (key: keyof BackpropInputs, label: string, hint: string, error: string | null, inputMode: 'decimal' | 'numeric') => (
    <TextField id={id(key)} label={label} hint={hint} error={error} value={inputs[key]} onInput={set(key)} inputMode={inputMode} />
  );

  const n = (v: number) => <Num v={v} locale={loc} />;
  const label = (template: string, i: number) => fill(template, { n: i + 1 });
  /** A weight matrix with its bias column: one row per unit. */
  const matrix = (caption: string, rowTpl: string, colTpl: string, w: number[][], b: number[], testid: string) => (
    <table class="bp-table" data-testid={testid}>
      <caption>{caption}</caption>
      <thead><tr><td></td>{(w[0] ?? []).map((_, j) => <th scope="col" class="num">{label(colTpl, j)}</th>)}<th scope="col" class="num">{t.bias}</th></tr></thead>
      <tbody>
        {w.map((row, i) => (
          <tr><th scope="row">{label(rowTpl, i)}</th>{row.map((v) => <td class="num">{n(v)}</td>)}<td class="num">{n(b[i] ?? 0)}</td></tr>
        ))}
      </tbody>
    </table>
  );
  /** Per-unit columns: header row of names, one row per unit. */
  const columns = (caption: string, rowTpl: string, cols: [string, number[]][], testid: string) => (
    <table class="bp-table" data-testid={testid}>
      <caption>{caption}</caption>
      <thead><tr><td></td>{cols.map(([h]) => <th scope="col" class="num">{h}</th>)}</tr></thead>
      <tbody>
        {(cols[0]?.[1] ?? []).map((_, i) => (
          <tr><th scope="row">{label(rowTpl, i)}</th>{cols.map(([, vs], c) => <td class="num" data-testid={`${testid}-${i}-${c}`}>{n(vs[i] ?? 0)}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
  const section = (which: Exclude<Stage, 'all'>, heading: string, children: ComponentChildren) => (
    <section class="bp-stage" hidden={stage !== 'all' && stage !== which} aria-labelledby={`${idPrefix}-${which}-h`}>
      <h3 class="bp-heading" id={`${idPrefix}-${which}-h`}>{heading}</h3>
      <div class="bp-tables">{children}</div>
    </section>
  );

  const f = shown.forward;
  const g = shown.gradients;
  const change = shown.relativeLossChange;
  const pct = `${formatNumber(Math.abs(100 * change), 3, loc)}%`;
  const agree = shown.check.maxRelativeError < 1e-6;

  return (
    <section class="island calc bp" aria-label={t.title}>
      <div class="calc-inputs">
        {field('x', t.xLabel, fill(t.xHint, { max: L.maxInputs, limit: L.maxAbsValue }), xParsed.ok ? null : vectorError(xParsed.error, e), 'decimal')}
        {field('y', t.yLabel, fill(t.yHint, { max: L.maxOutputs, limit: L.maxAbsValue }), yParsed.ok ? null : vectorError(yParsed.error, e), 'decimal')}
        {field('lr', t.lrLabel, fill(t.lrHint, { max: L.maxLearningRate }), lrError, 'decimal')}
        <SelectField id={id('act')} label={t.activationLabel} value={actOk ? inputs.act : defaults.act} onChange={set('act')}
          options={ACTIVATIONS.map((a) => [a, t.activationNames[a]] as const)} error={actOk ? null : e.unknownActivation} />
        {field('seed', t.seedLabel, fill(t.seedHint, { max: formatNumber(L.maxSeed, 10, loc) }), seedError, 'numeric')}
      </div>

      <fieldset class="bp-stages" aria-describedby={`${id('stage')}-msg`}>
        <legend>{t.stageLegend}</legend>
        {(['forward', 'backward', 'update', 'all'] as const).map((s) => (
          <label class="bp-radio">
            <input type="radio" name={`${idPrefix}-stage`} value={s} checked={stage === s} onChange={() => setStageText(s)} /> {t.stageNames[s]}
          </label>
        ))}
        <p id={`${id('stage')}-msg`} class="field-msg error" role={isStage(stageText) ? undefined : 'alert'}>{isStage(stageText) ? '' : e.unknownStage}</p>
      </fieldset>
      <div class="bp-stepper">
        <button type="button" onClick={() => { setStepsMsg(null); if (current) setSteps(Math.min(L.maxSteps, steps + 1)); }} disabled={!current || steps >= L.maxSteps}>{t.stepButton}</button>
        <button type="button" onClick={() => { setStepsMsg(null); setSteps(0); }}>{t.restartButton}</button>
        <p id={`${id('steps')}-msg`} class={stepsMsg ? 'field-msg error' : 'field-msg'} role={stepsMsg ? 'alert' : undefined} aria-live="polite" data-testid="bp-status">
          {stepsMsg ?? fill(t.stepStatus, { step: shown.step, before: formatNumber(f.loss, 4, loc), after: formatNumber(shown.after.loss, 4, loc) })}
        </p>
      </div>

      <div class="bp-result" data-stale={current ? 'false' : 'true'} aria-live="polite">
        {current ? null : <p class="stale-note">{strings.common.keptLastGood}</p>}
        {section('forward', t.forwardHeading, <>
          {matrix(t.w1Caption, t.unit, t.fromInput, shown.params.w1, shown.params.b1, 'bp-w1')}
          {matrix(t.w2Caption, t.output, t.fromUnit, shown.params.w2, shown.params.b2, 'bp-w2')}
          {columns(t.hiddenCaption, t.unit, [[t.z1Header, f.z1], [t.a1Header, f.a1]], 'bp-hidden')}
          {columns(t.outputCaption, t.output, [[t.z2Header, f.z2], [t.yHeader, f.y], [t.errorHeader, shown.residual]], 'bp-output')}
          <p class="bp-line" data-testid="bp-loss">{fill(t.lossLine, { loss: formatNumber(f.loss, 6, loc) })}</p>
        </>)}
        {section('backward', t.backwardHeading, <>
          {columns(t.outputGradCaption, t.output, [[t.dz2Header, g.dz2]], 'bp-dz2')}
          {matrix(t.dw2Caption, t.output, t.fromUnit, g.dw2, g.db2, 'bp-dw2')}
          {columns(t.hiddenGradCaption, t.unit, [[t.da1Header, g.da1], [t.slopeHeader, shown.slope], [t.dz1Header, g.dz1]], 'bp-dz1')}
          {matrix(t.dw1Caption, t.unit, t.fromInput, g.dw1, g.db1, 'bp-dw1')}
        </>)}
        {section('update', t.updateHeading, <>
          <p class="bp-line">{fill(t.updateRule, { lr: formatNumber(shownLr, 6, loc) })}</p>
          {matrix(t.newW1Caption, t.unit, t.fromInput, shown.updated.w1, shown.updated.b1, 'bp-new-w1')}
          {matrix(t.newW2Caption, t.output, t.fromUnit, shown.updated.w2, shown.updated.b2, 'bp-new-w2')}
          <dl class="calc-result bp-summary">
            <div><dt>{t.lossBeforeLabel}</dt><dd data-testid="bp-loss-before">{formatNumber(f.loss, 6, loc)}</dd></div>
            <div><dt>{t.lossAfterLabel}</dt><dd data-testid="bp-loss-after">{formatNumber(shown.after.loss, 6, loc)} <span>{change <= 0 ? fill(t.lossFell, { percent: pct }) : fill(t.lossRose, { percent: pct })}</span></dd></div>
            <div>
              <dt>{t.checkLabel}</dt>
              <dd data-testid="bp-check">
                {n(shown.check.maxRelativeError)} <span>{agree ? t.checkAgree : t.checkDisagree}</span>
                {shown.kinkUnits.length > 0 ? <span> {fill(t.checkKink, { units: shown.kinkUnits.map((u) => label(t.unit, u)).join(', ') })}</span> : null}
              </dd>
            </div>
          </dl>
          <details class="bp-details">
            <summary>{t.checkDetails}</summary>
            <table class="bp-table" data-testid="bp-check-table">
              <thead><tr><th scope="col">{t.paramHeader}</th><th scope="col" class="num">{t.analyticHeader}</th><th scope="col" class="num">{t.numericHeader}</th><th scope="col" class="num">{t.relErrorHeader}</th></tr></thead>
              <tbody>
                {shown.check.entries.map((c) => (
                  <tr><th scope="row"><code>{c.name}</code></th><td class="num">{n(c.analytic)}</td><td class="num">{n(c.numeric)}</td><td class="num">{n(c.relativeError)}</td></tr>
                ))}
              </tbody>
            </table>
          </details>
        </>)}
      </div>
      <IslandToolbar strings={strings.common} onReset={() => { setInputs(defaults); setStageText('all'); setSteps(0); setStepsMsg(null); }} />
    </section>
  );
}
