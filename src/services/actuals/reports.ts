import type { ActualsReport, InvoicingBasis } from '../../contracts/actuals';
import { UNIT_OF_DELIVERY_KIND } from '../../contracts/actuals';
import type { Db } from '../../db/client';
import {
  type InvoicingBasis as DomainBasis,
  compareBudgetToActuals,
  invoicingBasis,
} from '../../domain/actuals/actuals';
import type { Actor } from '../../domain/access/policy';
import { toKroner } from '../../domain/money/money';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { type ProgrammeRow, loadProgramme, scopeOf } from '../programmes/scope';
import { loadBudget, loadDeliveries } from './deliveries';

type Ctx = RequestContext & { actor: Actor };

const rate = (basisPoints: number) => basisPoints / 10_000;

/** GET /api/programmes/:id/actuals: budget vs. actual per line (provider admin, client admin). */
export async function getActualsReport(db: Db, ctx: Ctx, programmeId: string): Promise<ActualsReport> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'budget', scope });
  const [budget, delivered] = await Promise.all([
    loadBudget(db, programmeId),
    loadDeliveries(db, programmeId),
  ]);
  const c = compareBudgetToActuals(budget?.priced ?? null, delivered);
  const totals = (t: typeof c.fixed) => ({
    budget: toKroner(t.budget),
    actual: toKroner(t.actual),
    remaining: toKroner(t.remaining),
  });
  return {
    budget: budget ? { quoteId: budget.quoteId, version: budget.version } : null,
    lines: c.lines.map((l) => ({
      key: l.key,
      optional: l.optional,
      unit: l.unit,
      budgetQuantity: l.budgetQuantity,
      budgetAmount: toKroner(l.budgetAmount),
      actualQuantity: l.actualQuantity,
      actualAmount: toKroner(l.actualAmount),
      remaining: toKroner(l.remaining),
      used: l.usedBasisPoints === null ? null : l.usedBasisPoints / 10_000,
    })),
    fixed: totals(c.fixed),
    all: totals(c.all),
  };
}

function presentBasis(b: DomainBasis): InvoicingBasis {
  return {
    months: b.months.map((m) => ({
      month: m.month,
      lines: m.lines.map((l) => ({
        kind: l.kind,
        unit: UNIT_OF_DELIVERY_KIND[l.kind],
        quantity: l.quantity,
        deliveries: l.deliveries,
        unitPrice: toKroner(l.unitPrice),
        amountExVat: toKroner(l.amountExVat),
        vatRate: rate(l.vatBasisPoints),
        vat: toKroner(l.vat),
      })),
      byVatRate: m.byVatRate.map((g) => ({
        vatRate: rate(g.vatBasisPoints),
        base: toKroner(g.base),
        vat: toKroner(g.vat),
      })),
      totalExVat: toKroner(m.totalExVat),
      vat: toKroner(m.vat),
      totalIncVat: toKroner(m.totalIncVat),
    })),
    totalExVat: toKroner(b.totalExVat),
    vat: toKroner(b.vat),
    totalIncVat: toKroner(b.totalIncVat),
  };
}

/** The invoicing basis and the programme it is for (the exports need both). */
export async function loadInvoicingBasis(
  db: Db,
  ctx: Ctx,
  programmeId: string,
): Promise<{ programme: ProgrammeRow; basis: InvoicingBasis }> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'read', { kind: 'budget', scope: scopeOf(programme) });
  return { programme, basis: presentBasis(invoicingBasis(await loadDeliveries(db, programmeId))) };
}

/** GET /api/programmes/:id/invoicing: per month, lines, quantities, amounts and VAT (provider admin, client admin). */
export async function getInvoicingBasis(db: Db, ctx: Ctx, programmeId: string): Promise<InvoicingBasis> {
  return (await loadInvoicingBasis(db, ctx, programmeId)).basis;
}
