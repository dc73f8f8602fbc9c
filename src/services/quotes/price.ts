import type { Db } from '../../db/client';
import type { PricedQuote, QuoteDesign, QuotePriceQuery } from '../../contracts/quotes';
import { type Actor, can } from '../../domain/access/policy';
import { MoneyError } from '../../domain/money/money';
import { estimateOuGrant } from '../../domain/pricing/ou-grant';
import { PricingInputError, type ProgrammeDesign, priceQuote } from '../../domain/pricing/price-quote';
import type { IsoDate } from '../../domain/pricing/rates';
import type { Locale } from '../../i18n/index';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, forbidden } from '../errors';
import { toProgrammeDesign } from './design';
import { presentQuote } from './present';
import { type PricingRates, loadPricingRates } from './rates';

const osloDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Norway at an instant, as "2026-11-28" (the date whose rates apply). */
export function isoDateInOslo(now: Date): IsoDate {
  return osloDate.format(now);
}

/**
 * Prices a design and presents it: the one pipeline behind the CLI and the API (and so the UI).
 * Pure given its rates.
 */
export function priceDesign(
  design: ProgrammeDesign,
  rates: PricingRates,
  on: IsoDate,
  locale: Locale,
): PricedQuote {
  const priced = priceQuote(design, rates, on);
  const grant = estimateOuGrant(priced.result);
  return presentQuote(
    priced.result,
    grant.result,
    [...rates.notes, ...priced.diagnostics, ...grant.diagnostics],
    { locale, rateCardSource: rates.rateCardSource },
  );
}

/**
 * Whose rates a user prices with: the provider they work for (admin or advisor). Someone who works
 * for several names one; a client admin or a leader may not price (403).
 */
function pricingProviderOf(actor: Actor, requested: string | undefined): string {
  if (requested) {
    authorize(actor, 'read', { kind: 'pricing', providerId: requested });
    return requested;
  }
  const providers = [...new Set(actor.memberships.map((m) => m.providerId))].filter((providerId) =>
    can(actor, 'read', { kind: 'pricing', providerId }),
  );
  if (providers.length === 0) throw forbidden();
  if (providers.length > 1) {
    throw new AppError(
      'validation_failed',
      'You work for more than one provider: say whose rates to use with ?providerId=',
      'providerId',
    );
  }
  return providers[0]!;
}

/**
 * POST /api/quotes/price: prices a hypothetical design with the user's provider's rate card and
 * the state travel rates valid on the date (today in Norway by default). Reveals no tenant data
 * beyond the provider's own prices, so the provider's staff may use it; writes nothing.
 */
export async function priceDesignForUser(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  input: QuoteDesign,
  query: QuotePriceQuery,
): Promise<PricedQuote> {
  const providerId = pricingProviderOf(ctx.actor, query.providerId);
  const on = query.date ?? isoDateInOslo(ctx.now);
  const rates = await loadPricingRates(db, providerId, on);
  try {
    return priceDesign(toProgrammeDesign(input), rates, on, query.locale);
  } catch (err) {
    // The contract's bounds keep designs priceable; this is the guard should they ever drift.
    if (err instanceof PricingInputError || err instanceof MoneyError)
      throw new AppError('validation_failed', err.message);
    throw err;
  }
}
