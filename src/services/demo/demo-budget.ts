import { SEED_QUOTE_DESIGN } from '../../contracts/quotes';
import type { Db } from '../../db/client';
import { quotes } from '../../db/schema/index';
import { fromKroner } from '../../domain/money/money';
import type { Locale } from '../../i18n/index';
import { toProgrammeDesign } from '../quotes/design';
import { priceDesign } from '../quotes/price';
import { loadPricingRates } from '../quotes/rates';

/**
 * The demo programme's budget: the seed offer saved as version 1, sent and accepted in November
 * 2026, priced with the provider's rate card valid at the programme's start — as the quote page
 * would have done it. The actuals page then has a budget to compare deliveries with.
 */
export async function insertDemoBudget(
  tx: Db,
  opts: { programmeId: string; providerId: string; startsOn: string; locale: Locale; acceptedAt: Date },
): Promise<void> {
  const design = { ...SEED_QUOTE_DESIGN };
  const rates = await loadPricingRates(tx, opts.providerId, opts.startsOn);
  const priced = priceDesign(toProgrammeDesign(design), rates, opts.startsOn, opts.locale);
  const sentAt = new Date(opts.acceptedAt.getTime() - 7 * 24 * 3600 * 1000);
  await tx.insert(quotes).values({
    programmeId: opts.programmeId,
    version: 1,
    status: 'accepted',
    design,
    priced,
    rates: rates as unknown as Record<string, unknown>,
    pricedOn: opts.startsOn,
    totalExVatOre: fromKroner(priced.totalExVat),
    createdAt: new Date(sentAt.getTime() - 24 * 3600 * 1000),
    sentAt,
    acceptedAt: opts.acceptedAt,
  });
}
