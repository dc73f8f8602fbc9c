import { and, asc, eq } from 'drizzle-orm';
import type { PricedQuote, QuoteDesign } from '../../contracts/quotes';
import type { Db } from '../../db/client';
import { gatherings, providers, quotes } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { MoneyError } from '../../domain/money/money';
import { PricingInputError } from '../../domain/pricing/price-quote';
import type { Locale } from '../../i18n/index';
import { recordAccess } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { type ProgrammeRow, loadProgramme, scopeOf } from '../programmes/scope';
import { toProgrammeDesign } from '../quotes/design';
import { isoDateInOslo, priceDesign } from '../quotes/price';
import { loadPricingRates } from '../quotes/rates';
import { presentVersion } from '../quotes/versions';
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
 * valid at the programme's start (else today, in Norway) and renders the offer for the programme's client, listing the
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
  // Priced as a saved version would be: with the rates of the programme's start.
  const ratesOn = programme.startsOn ?? on;
  const rates = await loadPricingRates(db, programme.providerId, ratesOn);
  const quote = priceOrRefuse(() => priceDesign(toProgrammeDesign(design), rates, ratesOn, locale));
  const pdf = await renderFor(db, programme, { locale, date: on, quote });
  await recordAccess(db, ctx, {
    action: 'offer.exported',
    resourceType: 'offer',
    scope: scopeOf(programme),
    details: { format: 'pdf', source: 'design' },
  });
  return pdf;
}

/**
 * GET …/quotes/:quoteId/offer.pdf (provider admin) and GET …/budget/offer.pdf (provider and
 * client admin: the accepted version): a saved version's offer as it was sent, dated the day it
 * was sent (or saved), its amounts from the rates it was priced with, in the reader's language.
 */
export async function renderSavedOfferPdf(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  programmeId: string,
  which: { quoteId: string } | 'budget',
  query: { locale?: Locale | undefined },
): Promise<OfferPdf> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', which === 'budget' ? { kind: 'budget', scope } : { kind: 'quote', scope });
  const [row] = await db
    .select()
    .from(quotes)
    .where(
      and(
        eq(quotes.programmeId, programmeId),
        which === 'budget' ? eq(quotes.status, 'accepted') : eq(quotes.id, which.quoteId),
      ),
    );
  if (!row) throw notFound();
  const locale = query.locale ?? programme.clientLocale;
  const version = presentVersion(row, locale);
  const date = isoDateInOslo(row.sentAt ?? row.createdAt);
  const pdf = await renderFor(db, programme, { locale, date, quote: version.priced });
  await recordAccess(db, ctx, {
    action: 'offer.exported',
    resourceType: 'quote',
    resourceId: row.id,
    scope,
    details: { format: 'pdf', source: which === 'budget' ? 'budget' : 'quote', version: row.version },
  });
  return { ...pdf, filename: pdf.filename.replace(/\.pdf$/, `-v${row.version}.pdf`) };
}

async function renderFor(
  db: Db,
  programme: ProgrammeRow,
  offer: { locale: Locale; date: string; quote: PricedQuote },
): Promise<OfferPdf> {
  const [[provider], rows] = await Promise.all([
    db
      .select({ name: providers.name, orgNumber: providers.orgNumber })
      .from(providers)
      .where(eq(providers.id, programme.providerId)),
    db
      .select({ number: gatherings.number, theme: gatherings.theme, startsAt: gatherings.startsAt })
      .from(gatherings)
      .where(eq(gatherings.programmeId, programme.programmeId))
      .orderBy(asc(gatherings.number)),
  ]);
  const pdf = await renderOfferPdf({
    locale: offer.locale,
    date: offer.date,
    validDays: OFFER_VALID_DAYS,
    provider: { name: provider?.name ?? programme.providerName, orgNumber: provider?.orgNumber ?? null },
    client: { name: programme.clientName },
    programme: { name: programme.name },
    gatherings: rows,
    quote: offer.quote,
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
