/**
 * The names of the card series: a GeForce generation is called by its number in every language; only the data-centre and
 * workstation set (`reference`) is worded per locale and per place.
 */
import type { GpuRecord } from '../lib/hardware/schema.ts';

/**
 * Every series' name, with `reference` as the name of the data-centre and workstation set.
 * @example seriesNames('Data centre')['geforce-40'] //=> 'GeForce 40'
 */
export function seriesNames(reference: string): Record<GpuRecord['series'], string> {
  return {
    'geforce-10': 'GeForce 10',
    'geforce-16': 'GeForce 16',
    'geforce-20': 'GeForce 20',
    'geforce-30': 'GeForce 30',
    'geforce-40': 'GeForce 40',
    'geforce-50': 'GeForce 50',
    reference,
  };
}
