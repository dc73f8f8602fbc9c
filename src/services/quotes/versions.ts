import { and, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programmes, quotes } from '../../db/schema/index';
import {
  type PricedQuote,
  type QuoteDesign,
  type QuoteStatus,
  type QuoteStatusChange,
  type QuoteVersion,
  type QuoteVersionList,
  type SaveQuoteQuery,
  ZPricedQuote,
  ZQuoteDesign,
} from '../../contracts/quotes';
import type { LocaleQuery } from '../../contracts/common';
import type { Actor } from '../../domain/access/policy';
import type { IsoDate } from '../../domain/pricing/rates';
import type { Locale } from '../../i18n/index';
import { MoneyError, fromKroner } from '../../domain/money/money';
import { PricingInputError } from '../../domain/pricing/price-quote';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { toProgrammeDesign } from './design';
import { isoDateInOslo, priceDesign } from './price';
import { type PricingRates, loadPricingRates } from './rates';

type Ctx = RequestContext & { actor: Actor };
type QuoteRow = typeof quotes.$inferSelect;

/** Which status a version may move to from which: draft → sent → accepted; draft or sent → withdrawn. */
const ALLOWED: Record<QuoteStatus, readonly QuoteStatusChange['status'][]> = {
  draft: ['sent', 'withdrawn'],
  sent: ['accepted', 'withdrawn'],
  accepted: [],
  withdrawn: [],
};

/**
 * A saved version in the reader's language. A version keeps its design and the rates it was priced
 * with, so it is priced again with those (same amounts, the labels and notes in `locale`); the
 * stored answer is the fallback for versions saved before the rates were kept, and the guard
 * should the engine ever price a stored design differently.
 */
export function presentVersion(row: QuoteRow, locale: Locale): QuoteVersion {
  // Stored from validated input and our own response; parsing keeps the types honest.
  const design = ZQuoteDesign.parse(row.design);
  const stored = ZPricedQuote.parse(row.priced);
  const again = storedRatesOf(row);
  let priced = stored;
  if (again) {
    const fresh = priceDesign(toProgrammeDesign(design), again.rates, again.on, locale);
    if (fresh.totalExVat === stored.totalExVat && fresh.totalIncVat === stored.totalIncVat) priced = fresh;
  }
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    design,
    priced,
    totalExVat: row.totalExVatOre / 100,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}

/** The rates and date a version was priced with, when it kept them. */
export function storedRatesOf(
  row: Pick<QuoteRow, 'rates' | 'pricedOn'>,
): { rates: PricingRates; on: IsoDate } | null {
  if (!row.rates || !row.pricedOn) return null;
  return { rates: row.rates as unknown as PricingRates, on: row.pricedOn };
}

/** GET /api/programmes/:id/quotes: every saved version, newest first (provider admin). */
export async function listQuoteVersions(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  query: LocaleQuery,
): Promise<QuoteVersionList> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'quote', scope });
  const rows = await db
    .select()
    .from(quotes)
    .where(eq(quotes.programmeId, programmeId))
    .orderBy(desc(quotes.version));
  return { quotes: rows.map((row) => presentVersion(row, query.locale)) };
}

/**
 * POST /api/programmes/:id/quotes: prices the design with the programme's provider's rates (the
 * engine behind POST /api/quotes/price) and saves it as the next version, a draft. The programme
 * row is locked for the transaction, so two saves at once get distinct version numbers.
 */
export async function saveQuoteVersion(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  design: QuoteDesign,
  query: SaveQuoteQuery,
): Promise<QuoteVersion> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'quote', scope });
  // The rates that apply are those of the programme's start, when it has one.
  const on = query.date ?? programme.startsOn ?? isoDateInOslo(ctx.now);
  const rates = await loadPricingRates(db, scope.providerId, on);
  let priced: PricedQuote;
  try {
    priced = priceDesign(toProgrammeDesign(design), rates, on, query.locale);
  } catch (err) {
    if (err instanceof PricingInputError || err instanceof MoneyError)
      throw new AppError('validation_failed', err.message);
    throw err;
  }
  return db.transaction(async (tx) => {
    await lockProgramme(tx, programmeId);
    const [last] = await tx
      .select({ version: max(quotes.version) })
      .from(quotes)
      .where(eq(quotes.programmeId, programmeId));
    const [row] = await tx
      .insert(quotes)
      .values({
        programmeId,
        version: (last?.version ?? 0) + 1,
        design,
        priced,
        rates: rates as unknown as Record<string, unknown>,
        pricedOn: on,
        totalExVatOre: fromKroner(priced.totalExVat),
        createdByUserId: ctx.actor.userId,
        createdAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'quote.saved',
      resourceType: 'quote',
      resourceId: row!.id,
      ...scope,
      ip: ctx.ip,
      details: { version: row!.version, totalExVat: priced.totalExVat },
    });
    return presentVersion(row!, query.locale);
  });
}

/**
 * POST /api/programmes/:id/quotes/:quoteId/status: moves a version on (409 for any other move).
 * Accepting withdraws the previously accepted version in the same transaction.
 */
export async function changeQuoteStatus(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  quoteId: string,
  change: QuoteStatusChange,
  query: LocaleQuery,
): Promise<QuoteVersion> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'write', { kind: 'quote', scope });
  return db.transaction(async (tx) => {
    // Serialises accepts within a programme, so the withdraw-then-accept below never races.
    await lockProgramme(tx, programmeId);
    const [current] = await tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.id, quoteId), eq(quotes.programmeId, programmeId)));
    if (!current) throw notFound();
    if (!ALLOWED[current.status].includes(change.status)) {
      throw new AppError('conflict', `A ${current.status} quote cannot be marked ${change.status}`, 'status');
    }
    let withdrawn: string[] = [];
    if (change.status === 'accepted') {
      const previous = await tx
        .update(quotes)
        .set({ status: 'withdrawn' })
        .where(and(eq(quotes.programmeId, programmeId), eq(quotes.status, 'accepted')))
        .returning({ id: quotes.id });
      withdrawn = previous.map((p) => p.id);
    }
    const [row] = await tx
      .update(quotes)
      .set({
        status: change.status,
        ...(change.status === 'sent' ? { sentAt: ctx.now } : {}),
        ...(change.status === 'accepted' ? { acceptedAt: ctx.now } : {}),
      })
      .where(eq(quotes.id, quoteId))
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: `quote.${change.status}`,
      resourceType: 'quote',
      resourceId: quoteId,
      ...scope,
      ip: ctx.ip,
      details: { version: current.version, from: current.status, withdrawn },
    });
    return presentVersion(row!, query.locale);
  });
}

/** GET /api/programmes/:id/budget: the accepted version, or 404 (provider admin, client admin). */
export async function getProgrammeBudget(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  query: LocaleQuery,
): Promise<QuoteVersion> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'budget', scope });
  const [row] = await db
    .select()
    .from(quotes)
    .where(and(eq(quotes.programmeId, programmeId), eq(quotes.status, 'accepted')));
  if (!row) throw notFound();
  return presentVersion(row, query.locale);
}

/**
 * Locks the programme's row until the transaction ends, so that version numbering and the
 * withdraw-then-accept of quotes never race within one programme.
 */
async function lockProgramme(tx: Db, programmeId: string): Promise<void> {
  await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, programmeId)).for('update');
}
