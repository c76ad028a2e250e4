/**
 * The estimator's verdict reasons (src/lib/estimator/verdict.ts) in the reader's locale: worded from the reason's code and
 * values with the locale's table that its page handed in (`registerWords`); English pages use the estimator's own English
 * templates and carry no other language's table.
 */
import { verdictWhyText, type VerdictWhy } from '../lib/estimator/verdict.ts';
import { registeredWords } from './vocabulary.ts';

/**
 * A verdict's reason in a locale: the locale's sentence for its code, or the English one where no table was handed in.
 * @example verdictReason({ code: 'room-to-spare' }, 'en') //=> "fits with room to spare"
 */
export function verdictReason(why: VerdictWhy, locale: string | undefined): string {
  const words = registeredWords(locale);
  const template = words?.verdictReasons?.[why.code];
  if (!words || template === undefined) return verdictWhyText(why);
  return verdictWhyText(why, template, (n) => new Intl.NumberFormat(words.numberLocale).format(n));
}
