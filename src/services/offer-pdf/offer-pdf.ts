import { asc, eq } from 'drizzle-orm';
import type { QuoteDesign } from '../../contracts/quotes';
import type { Db } from '../../db/client';
import { gatherings, providers } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { MoneyError } from '../../domain/money/money';
import { PricingInputError } from '../../domain/pricing/price-quote';
import type { Locale } from '../../i18n/index';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { toProgrammeDesign } from '../quotes/design';
import { isoDateInOslo, priceDesign } from '../quotes/price';
import { loadPricingRates } from '../quotes/rates';
import { renderOfferPdf } from './render';
import { slugify } from './slug';

/** How long an offer stands, as in the consultancy's letters. */
export const OFFER_VALID_DAYS = 30;

export interface OfferPdf {
  filename: string;
  pdf: Buffer;
}

/**
 * POST /api/programmes/:programmeId/offer.pdf: prices the design with the provider's rate card
 * valid today (in Norway) and renders the offer for the programme's client, listing the
 * programme's gatherings. The provider admin only (the `quote` resource); writes nothing. The
 * language is the one asked for, else the client's own (Seljord writes nynorsk).
 */
export async function renderOfferPdfForProgramme(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  programmeId: string,
  design: QuoteDesign,
  query: { locale?: Locale | undefined },
): Promise<OfferPdf> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'read', { kind: 'quote', scope: scopeOf(programme) });
  const locale = query.locale ?? programme.clientLocale;
  const on = isoDateInOslo(ctx.now);
  const [[provider], rows, rates] = await Promise.all([
    db
      .select({ name: providers.name, orgNumber: providers.orgNumber })
      .from(providers)
      .where(eq(providers.id, programme.providerId)),
    db
      .select({ number: gatherings.number, theme: gatherings.theme, startsAt: gatherings.startsAt })
      .from(gatherings)
      .where(eq(gatherings.programmeId, programmeId))
      .orderBy(asc(gatherings.number)),
    loadPricingRates(db, programme.providerId, on),
  ]);
  const quote = priceOrRefuse(() => priceDesign(toProgrammeDesign(design), rates, on, locale));
  const pdf = await renderOfferPdf({
    locale,
    date: on,
    validDays: OFFER_VALID_DAYS,
    provider: { name: provider?.name ?? programme.providerName, orgNumber: provider?.orgNumber ?? null },
    client: { name: programme.clientName },
    programme: { name: programme.name },
    gatherings: rows,
    quote,
  });
  return { filename: `tilbud-${slugify(programme.name)}.pdf`, pdf };
}

function priceOrRefuse<T>(price: () => T): T {
  try {
    return price();
  } catch (err) {
    // The contract's bounds keep designs priceable; this is the guard should they ever drift.
    if (err instanceof PricingInputError || err instanceof MoneyError)
      throw new AppError('validation_failed', err.message);
    throw err;
  }
}
