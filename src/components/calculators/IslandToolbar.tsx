/** The copy-link and reset buttons shared by every island, with a polite live region for the copy result. */
import type { CommonWords } from '../../i18n/islands/common.ts';
import { useCopyLink } from './url-state.ts';

interface Props {
  strings: CommonWords;
  onReset: () => void;
}

export default function IslandToolbar({ strings, onReset }: Props) {
  const [copyState, copy] = useCopyLink();
  return (
    <div class="island-toolbar">
      <button type="button" onClick={copy}>{strings.copyLink}</button>
      <button type="button" onClick={onReset}>{strings.reset}</button>
      <span role="status" aria-live="polite" class="island-status">
        {copyState === 'copied' ? strings.copied : copyState === 'failed' ? strings.copyFailed : ''}
      </span>
    </div>
  );
}
