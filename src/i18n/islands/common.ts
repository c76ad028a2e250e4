/** Words shared by every island. */
export const en = {
  /** Button that copies a link reproducing the current inputs. */
  copyLink: 'Copy link',
  /** Shown briefly after the link was copied. */
  copied: 'Link copied',
  /** Shown when the clipboard is not available. */
  copyFailed: 'Copy failed: the address bar has the link',
  /** Button that restores the default inputs. */
  reset: 'Reset',
  /** Prefix for a message that the result shown is the last valid one. */
  keptLastGood: 'Showing the last valid result.',
  /** Shown until a scenario calculator hydrates (and for good without JavaScript). */
  defaultShown: 'Showing the default example. The inputs work once the page’s script has loaded.',
};

/** The shape of these words in every locale: the English table's own type. */
export type CommonWords = typeof en;
