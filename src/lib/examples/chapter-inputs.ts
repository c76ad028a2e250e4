/**
 * The inputs a chapter's worked examples rely on: a scenario, a model preset, a card. A missing or invalid one is a build
 * error naming the chapter, never a blank or a NaN on the page.
 */
import { findModel } from '../scenario/models.ts';
import { parseScenario } from '../scenario/scenario.ts';
import type { ModelArch, Scenario } from '../types.ts';

/** Parses a scenario the chapter relies on. */
export function mustParse(chapter: string, raw: Record<string, unknown>): Scenario {
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(`${chapter} example ${JSON.stringify(raw)}: ${r.error}`);
  return r.scenario;
}

/** A model preset the chapter relies on. */
export function preset(id: string): ModelArch {
  const m = findModel(id);
  if (!m) throw new Error(`no model preset ${id}`);
  return m;
}

/** A card the chapter relies on, from the spec data passed in. */
export function card<T extends { id: string }>(cards: readonly T[], id: string): T {
  const c = cards.find((x) => x.id === id);
  if (!c) throw new Error(`no card ${id}`);
  return c;
}
