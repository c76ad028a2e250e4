/** The compare island on Chinese pages: the comparison over the shared Chinese table (`virtual:compare-cards-zh-cn`). */
import { compareCards, compareRows } from 'virtual:compare-cards-zh-cn';
import { CompareView, type CompareProps } from './compare-view.tsx';

export default function CompareZh(props: CompareProps) {
  return <CompareView {...props} rows={compareRows} cards={compareCards} />;
}
