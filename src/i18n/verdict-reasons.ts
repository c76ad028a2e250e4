/**
 * The estimator's verdict reasons (src/lib/estimator/verdict.ts) in the reader's locale, from the locale's words that its page handed
 * in (`registerWords`); English pages use the estimator's own sentence and carry no other language's table.
 */
import { registeredWords } from './vocabulary.ts';

/**
 * A verdict's reason in a locale: the estimator's English sentence, or its translation (a sentence the locale's table does
 * not know stays English rather than being guessed).
 * @example verdictReason('fits with room to spare', 'en') //=> "fits with room to spare"
 */
export function verdictReason(reason: string, locale: string | undefined): string {
  const words = registeredWords(locale);
  if (!words) return reason;
  for (const [source, template] of words.verdictReasons) {
    const m = new RegExp(source).exec(reason);
    if (m) return template.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
  }
  return reason;
}
