/** The compare island on English pages: the comparison over the shared English table (`virtual:compare-cards`). */
import { compareCards, compareRows } from 'virtual:compare-cards';
import { CompareView, type CompareProps } from './compare-view.tsx';

export default function Compare(props: CompareProps) {
  return <CompareView {...props} rows={compareRows} cards={compareCards} />;
}
