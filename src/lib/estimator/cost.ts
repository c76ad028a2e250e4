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

/** Weeks in a (365-day) year. */
const WEEKS_PER_YEAR = 365 / 7;

/** What a run on owned cards costs, split into the share of the purchase it uses up and its electricity. */
export interface OwnedCostSplit {
  /** Share of the cards' purchase price the run uses up; 0 without a price. */
  purchaseUsd: number;
  /** Electricity of the run. */
  electricityUsd: number;
  /** Their sum. */
  totalUsd: number;
}

/**
 * The owned cost of a run, split: price x cards x run hours / (service life x busy hours per year) + energy x electricity price.
 * A card busy `busyHoursPerWeek` (168 = around the clock) writes its price off over fewer hours, so each busy hour carries more.
 * @example ownedCostSplit({ gpuCount: 1, timeSeconds: 3600, energyKWh: 0.45, priceUsd: 1599, electricityUsdPerKWh: 0.13, amortisationYears: 3 }).purchaseUsd //=> 0.0608
 */
export function ownedCostSplit(c: Omit<CostInputs, 'hourlyUsd'> & { busyHoursPerWeek?: number }): OwnedCostSplit {
  const busy = Math.min(168, Math.max(1e-3, c.busyHoursPerWeek ?? 168)) / 168;
  const purchaseUsd = costUsd({ ...c, hourlyUsd: null, electricityUsdPerKWh: 0, amortisationYears: c.amortisationYears * busy });
  const electricityUsd = c.energyKWh * c.electricityUsdPerKWh;
  return { purchaseUsd, electricityUsd, totalUsd: purchaseUsd + electricityUsd };
}

/**
 * Busy hours per week above which owning a card costs less per busy hour than renting one at `hourlyUsd`; null when owning
 * never wins (the electricity alone costs more than the rent) or the card has no price.
 * Owned per busy hour = price / (life x 52.14 x h) + P x electricity; setting it equal to the rent gives h.
 * @example breakEvenHoursPerWeek(1599, 450, 0.13, 3, 0.4) //=> about 30
 */
export function breakEvenHoursPerWeek(priceUsd: number | null, boardPowerW: number, electricityUsdPerKWh: number, amortisationYears: number, hourlyUsd: number): number | null {
  if (priceUsd === null) return null;
  const powerUsdPerHour = (boardPowerW * POWER_FRACTION.training * electricityUsdPerKWh) / 1000;
  if (hourlyUsd <= powerUsdPerHour) return null;
  return priceUsd / (amortisationYears * WEEKS_PER_YEAR * (hourlyUsd - powerUsdPerHour));
}
