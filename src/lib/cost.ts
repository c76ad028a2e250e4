/**
 * Energy and money: kWh from board power over the run, and cost from an hourly rental price or the card's price
 * written off over its service life plus electricity.
 */

/** Average draw as a share of board power: dense training holds a card at its power limit; bandwidth-bound decoding draws less. */
export const POWER_FRACTION = { training: 1, inference: 0.7 } as const;
/** Default electricity price in US dollars per kWh (US EIA, average retail price, all sectors, 2024: about $0.13). */
export const DEFAULT_ELECTRICITY_USD_PER_KWH = 0.13;
/** Default service life over which a bought card is written off (three years, the usual depreciation schedule for servers). */
export const DEFAULT_AMORTISATION_YEARS = 3;

/** Seconds in a (365-day) year. */
const SECONDS_PER_YEAR = 365 * 24 * 3600;

/**
 * Energy in kWh: board power x power fraction x cards x time / 3.6e6 J per kWh.
 * @example energyKWh(450, 1, 3600, 1) //=> 0.45
 */
export function energyKWh(boardPowerW: number, gpuCount: number, timeSeconds: number, powerFraction: number): number {
  // Energy = P·t; 1 kWh = 3.6e6 J (SI).
  return (boardPowerW * powerFraction * gpuCount * timeSeconds) / 3.6e6;
}

/** Inputs of a cost estimate. */
export interface CostInputs {
  /** Cards in the job. */
  gpuCount: number;
  /** Duration in seconds. */
  timeSeconds: number;
  /** Energy over the duration, all cards. */
  energyKWh: number;
  /** Rental price per card-hour, or null to amortise the purchase. */
  hourlyUsd: number | null;
  /** Purchase price of one card, or null when unknown. */
  priceUsd: number | null;
  /** Electricity price per kWh. */
  electricityUsdPerKWh: number;
  /** Years the purchase is written off over. */
  amortisationYears: number;
}

/**
 * Cost in US dollars: rental = hourly price x card-hours (electricity included in the rate); owned = price x cards x
 * (time / service life) + energy x electricity price.
 * @example costUsd({ gpuCount: 1, timeSeconds: 3600, energyKWh: 0.45, hourlyUsd: 2, priceUsd: null, electricityUsdPerKWh: 0.13, amortisationYears: 3 }) //=> 2
 */
export function costUsd(c: CostInputs): number {
  if (c.hourlyUsd !== null) return (c.hourlyUsd * c.gpuCount * c.timeSeconds) / 3600;
  const amortised = c.priceUsd !== null ? (c.priceUsd * c.gpuCount * c.timeSeconds) / (c.amortisationYears * SECONDS_PER_YEAR) : 0;
  return amortised + c.energyKWh * c.electricityUsdPerKWh;
}
