import { and, asc, desc, eq, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type Delivery,
  type DeliveryKind,
  type DeliveryList,
  type RegisterDelivery,
  UNIT_OF_DELIVERY_KIND,
} from '../../contracts/actuals';
import type { Db } from '../../db/client';
import { deliveries, memberships, quotes, users } from '../../db/schema/index';
import { type DeliveryRefusal, type RegisteredDelivery, priceDelivery } from '../../domain/actuals/actuals';
import { type Actor, type ProgrammeScope, can } from '../../domain/access/policy';
import { type Ore, fromKroner, toKroner } from '../../domain/money/money';
import { priceQuote, type PricedQuote } from '../../domain/pricing/price-quote';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { type ProgrammeRow, loadProgramme, scopeOf } from '../programmes/scope';
import { toProgrammeDesign } from '../quotes/design';
import { isoDateInOslo } from '../quotes/price';
import { storedRatesOf } from '../quotes/versions';
import { ZQuoteDesign } from '../../contracts/quotes';

type Ctx = RequestContext & { actor: Actor };

/** The database's names for the delivery kinds. */
export const DB_KIND = {
  gatheringDay: 'gathering_day',
  networkMeeting: 'network_meeting',
  coaching: 'coaching',
  evaluation: 'evaluation',
  travel: 'travel',
} as const satisfies Record<DeliveryKind, string>;
type DbKind = (typeof DB_KIND)[DeliveryKind];
const KIND_OF_DB = Object.fromEntries(Object.entries(DB_KIND).map(([k, v]) => [v, k])) as Record<
  DbKind,
  DeliveryKind
>;
export const kindOfDb = (kind: DbKind): DeliveryKind => KIND_OF_DB[kind];

/** The programme's budget: its accepted quote, priced again with the rates it was saved with. */
export interface Budget {
  quoteId: string;
  version: number;
  priced: PricedQuote;
}

export async function loadBudget(db: Db, programmeId: string): Promise<Budget | null> {
  const [row] = await db
    .select()
    .from(quotes)
    .where(and(eq(quotes.programmeId, programmeId), eq(quotes.status, 'accepted')));
  if (!row) return null;
  const stored = storedRatesOf(row);
  if (!stored) {
    throw new AppError(
      'conflict',
      'The accepted quote was saved before its rates were kept: save it again as a new version and accept that',
    );
  }
  const design = toProgrammeDesign(ZQuoteDesign.parse(row.design));
  return {
    quoteId: row.id,
    version: row.version,
    priced: priceQuote(design, stored.rates, stored.on).result,
  };
}

/** A stored delivery in the domain's terms. */
export function toRegistered(row: typeof deliveries.$inferSelect): RegisteredDelivery {
  return {
    kind: kindOfDb(row.kind),
    quantity: row.quantity,
    unitPrice: row.unitPriceOre as Ore,
    amountExVat: row.amountExVatOre as Ore,
    vatBasisPoints: row.vatBasisPoints,
    deliveredOn: row.deliveredOn,
  };
}

/** Users who may be named as having delivered: the programme's advisors and the provider's admins. */
async function deliverersOf(db: Db, programme: ProgrammeRow) {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      or(
        and(eq(memberships.role, 'advisor'), eq(memberships.programmeId, programme.programmeId)),
        and(
          eq(memberships.role, 'provider_admin'),
          eq(memberships.providerId, programme.providerId),
          isNull(memberships.clientId),
        ),
      ),
    )
    .orderBy(asc(users.name));
}

/** GET /api/programmes/:id/deliveries: newest first (provider admin, staffed advisors, client admin). */
export async function listDeliveries(db: Db, ctx: Ctx, programmeId: string): Promise<DeliveryList> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'delivery', scope, registeredByUserId: null });
  const canRegister = can(ctx.actor, 'write', { kind: 'delivery', scope, registeredByUserId: null });
  return {
    deliveries: await presentDeliveries(db, ctx.actor, scope),
    canRegister,
    advisors: canRegister ? await deliverersOf(db, programme) : [],
  };
}

/**
 * The programme's deliveries, newest first, with who delivered and registered them. The caller
 * has authorised the read (the list, or the invoicing export).
 */
export async function presentDeliveries(db: Db, actor: Actor, scope: ProgrammeScope): Promise<Delivery[]> {
  const advisor = alias(users, 'advisor');
  const registrar = alias(users, 'registrar');
  const rows = await db
    .select({ d: deliveries, advisorName: advisor.name, registrarName: registrar.name })
    .from(deliveries)
    .leftJoin(advisor, eq(advisor.id, deliveries.advisorUserId))
    .leftJoin(registrar, eq(registrar.id, deliveries.registeredByUserId))
    .where(eq(deliveries.programmeId, scope.programmeId))
    .orderBy(desc(deliveries.deliveredOn), desc(deliveries.createdAt));
  return rows.map(({ d, advisorName, registrarName }) =>
    presentDelivery(d, {
      advisorName,
      registrarName,
      canDelete: can(actor, 'write', { kind: 'delivery', scope, registeredByUserId: d.registeredByUserId }),
    }),
  );
}

function presentDelivery(
  d: typeof deliveries.$inferSelect,
  extra: { advisorName: string | null; registrarName: string | null; canDelete: boolean },
): Delivery {
  const kind = kindOfDb(d.kind);
  return {
    id: d.id,
    kind,
    unit: UNIT_OF_DELIVERY_KIND[kind],
    deliveredOn: d.deliveredOn,
    quantity: d.quantity,
    unitPrice: toKroner(d.unitPriceOre as Ore),
    amountExVat: toKroner(d.amountExVatOre as Ore),
    vatRate: d.vatBasisPoints / 10_000,
    advisor: d.advisorUserId && extra.advisorName ? { id: d.advisorUserId, name: extra.advisorName } : null,
    note: d.note,
    registeredBy:
      d.registeredByUserId && extra.registrarName
        ? { id: d.registeredByUserId, name: extra.registrarName }
        : null,
    createdAt: d.createdAt.toISOString(),
    canDelete: extra.canDelete,
  };
}

/**
 * POST /api/programmes/:id/deliveries: prices the delivery with the budget's prices and stores it
 * as priced. Refuses a date after today, a kind the budget has no line for, and an advisor who is
 * not on the programme — each naming the field.
 */
export async function registerDelivery(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  input: RegisterDelivery,
): Promise<Delivery> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'delivery', scope, registeredByUserId: null });
  if (input.deliveredOn > isoDateInOslo(ctx.now)) {
    throw new AppError(
      'validation_failed',
      'A delivery cannot be registered before it has happened',
      'deliveredOn',
    );
  }
  const deliverers = await deliverersOf(db, programme);
  const actorDelivers = deliverers.some((d) => d.id === ctx.actor.userId);
  // Left out: the registering advisor (or admin) delivered it; null says explicitly "not given".
  const advisorUserId =
    input.advisorUserId === undefined ? (actorDelivers ? ctx.actor.userId : null) : input.advisorUserId;
  const advisor = advisorUserId ? deliverers.find((d) => d.id === advisorUserId) : undefined;
  if (advisorUserId && !advisor) {
    throw new AppError('validation_failed', 'This person does not deliver on the programme', 'advisorUserId');
  }

  return db.transaction(async (tx) => {
    const budget = await loadBudget(tx, programmeId);
    const amount =
      input.amountNok === undefined || input.amountNok === null ? null : fromKroner(input.amountNok);
    const priced = priceDelivery(budget?.priced ?? null, {
      kind: input.kind,
      quantity: input.quantity,
      amount,
    });
    if (!priced.ok) throw refusalError(priced.refusal);
    const d = priced.delivery;
    const [row] = await tx
      .insert(deliveries)
      .values({
        programmeId,
        kind: DB_KIND[input.kind],
        deliveredOn: input.deliveredOn,
        quantity: d.quantity,
        unitPriceOre: d.unitPrice,
        amountExVatOre: d.amountExVat,
        vatBasisPoints: d.vatBasisPoints,
        quoteId: input.kind === 'travel' ? null : (budget?.quoteId ?? null),
        advisorUserId,
        note: input.note || null,
        registeredByUserId: ctx.actor.userId,
        createdAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'delivery.registered',
      resourceType: 'delivery',
      resourceId: row!.id,
      ...scope,
      ip: ctx.ip,
      details: {
        kind: input.kind,
        quantity: d.quantity,
        amountExVat: toKroner(d.amountExVat),
        on: input.deliveredOn,
      },
    });
    const registrar = await tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor.userId));
    return presentDelivery(row!, {
      advisorName: advisor?.name ?? null,
      registrarName: registrar[0]?.name ?? null,
      canDelete: true,
    });
  });
}

function refusalError(refusal: DeliveryRefusal): AppError {
  switch (refusal.code) {
    case 'noBudget':
      return new AppError(
        'conflict',
        'The programme has no accepted quote, whose prices deliveries are priced with; only travel can be registered',
        'kind',
      );
    case 'notInBudget':
      return new AppError(
        'conflict',
        `The budget has no ${refusal.params.line} line to register ${refusal.params.kind} against`,
        'kind',
      );
    case 'badQuantity':
      return new AppError('validation_failed', 'The quantity must be a whole number above 0', 'quantity');
    case 'amountRequired':
      return new AppError('validation_failed', 'Travel needs the amount spent', 'amountNok');
    case 'amountNotAllowed':
      return new AppError('validation_failed', 'Only travel has an amount', 'amountNok');
  }
}

/** DELETE /api/programmes/:id/deliveries/:deliveryId: the provider admin, or the advisor who registered it. */
export async function deleteDelivery(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  deliveryId: string,
): Promise<void> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'delivery', scope, registeredByUserId: null });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.id, deliveryId), eq(deliveries.programmeId, programmeId)))
      .for('update');
    if (!row) throw notFound();
    authorize(ctx.actor, 'write', { kind: 'delivery', scope, registeredByUserId: row.registeredByUserId });
    await tx.delete(deliveries).where(eq(deliveries.id, deliveryId));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'delivery.deleted',
      resourceType: 'delivery',
      resourceId: deliveryId,
      ...scope,
      ip: ctx.ip,
      details: {
        kind: kindOfDb(row.kind),
        quantity: row.quantity,
        amountExVat: toKroner(row.amountExVatOre as Ore),
        on: row.deliveredOn,
      },
    });
  });
}

/** Every delivery of a programme, for the reports. */
export async function loadDeliveries(db: Db, programmeId: string): Promise<RegisteredDelivery[]> {
  const rows = await db
    .select()
    .from(deliveries)
    .where(eq(deliveries.programmeId, programmeId))
    .orderBy(asc(deliveries.deliveredOn));
  return rows.map(toRegistered);
}
