/**
 * Actuals: registered deliveries, budget vs. actual, and the monthly invoicing basis. Amounts in
 * kroner as JSON numbers exact to the øre (as in quotes); quantities in each kind's unit.
 */
import { z } from 'zod';
import {
  DELIVERY_KINDS,
  DELIVERY_UNITS,
  MAX_DELIVERY_QUANTITY,
  UNIT_OF_DELIVERY_KIND,
} from './actuals-constants';
import { ZUuid } from './common';

export { DELIVERY_KINDS, DELIVERY_UNITS, MAX_DELIVERY_QUANTITY, UNIT_OF_DELIVERY_KIND };
export type { DeliveryKind, DeliveryUnit } from './actuals-constants';
export const ZDeliveryKind = z.enum(DELIVERY_KINDS);
export const ZDeliveryUnit = z.enum(DELIVERY_UNITS);

const ZKroner = z.number();
const ZIsoDate = z.iso.date();

/** Kroner with at most two decimals, ≥ 0, below a million per registration. */
const ZAmountNok = z
  .number()
  .min(0)
  .max(999_999.99)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: 'At most two decimals (øre)' });

export const ZRegisterDelivery = z
  .strictObject({
    kind: ZDeliveryKind,
    /** The day it was delivered; not after today. */
    deliveredOn: ZIsoDate,
    /** In the kind's unit: advisor-days, meetings, minutes (coaching), 1 (evaluation), trips. */
    quantity: z.number().int().min(1),
    /** Travel only: what the trips cost, as spent, in kroner ex. VAT. */
    amountNok: ZAmountNok.nullish(),
    /** Who delivered it: an advisor on the programme (the registering advisor when left out). */
    advisorUserId: ZUuid.nullish(),
    note: z.string().trim().max(500).nullish(),
  })
  .superRefine((d, ctx) => {
    const max = MAX_DELIVERY_QUANTITY[d.kind];
    if (d.quantity > max) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: `At most ${max} for ${d.kind}` });
    }
    const hasAmount = d.amountNok !== undefined && d.amountNok !== null;
    if (d.kind === 'travel' && !hasAmount) {
      ctx.addIssue({ code: 'custom', path: ['amountNok'], message: 'Travel needs the amount spent' });
    }
    if (d.kind !== 'travel' && hasAmount) {
      ctx.addIssue({
        code: 'custom',
        path: ['amountNok'],
        message: 'Only travel has an amount; other kinds are priced with the budget',
      });
    }
  });
export type RegisterDelivery = z.infer<typeof ZRegisterDelivery>;

export const ZDeliveryParams = z.object({ programmeId: ZUuid, deliveryId: ZUuid });

const ZPerson = z.object({ id: ZUuid, name: z.string() });

export const ZDelivery = z.object({
  id: ZUuid,
  kind: ZDeliveryKind,
  unit: ZDeliveryUnit,
  deliveredOn: ZIsoDate,
  quantity: z.number().int(),
  /** Per unit (per hour for coaching); for travel the amount per trip, for reference. */
  unitPrice: ZKroner,
  amountExVat: ZKroner,
  /** 0.25 = 25 %. */
  vatRate: z.number(),
  advisor: ZPerson.nullable(),
  note: z.string().nullable(),
  registeredBy: ZPerson.nullable(),
  createdAt: z.iso.datetime(),
  /** Whether the reader may delete it (the provider admin; the advisor who registered it). */
  canDelete: z.boolean(),
});
export type Delivery = z.infer<typeof ZDelivery>;

export const ZDeliveryList = z.object({
  deliveries: z.array(ZDelivery),
  /** Whether the reader may register deliveries. */
  canRegister: z.boolean(),
  /** The advisors who may be named on a delivery. */
  advisors: z.array(ZPerson),
});
export type DeliveryList = z.infer<typeof ZDeliveryList>;

export const LINE_KEYS = ['gatherings', 'networkGroups', 'evaluation', 'coaching', 'travel'] as const;
export const ZLineKey = z.enum(LINE_KEYS);
export type LineKey = z.infer<typeof ZLineKey>;

const ZTotals = z.object({ budget: ZKroner, actual: ZKroner, remaining: ZKroner });

export const ZActualsReport = z.object({
  /** The accepted quote the budget is; null when none is accepted (then every budget figure is 0). */
  budget: z.object({ quoteId: ZUuid, version: z.number().int() }).nullable(),
  lines: z.array(
    z.object({
      key: ZLineKey,
      optional: z.boolean(),
      unit: ZDeliveryUnit,
      budgetQuantity: z.number(),
      budgetAmount: ZKroner,
      actualQuantity: z.number(),
      actualAmount: ZKroner,
      /** Budget − actual; negative when over. */
      remaining: ZKroner,
      /** Actual ÷ budget, 0.25 = 25 %; null when the budget is 0. */
      used: z.number().nullable(),
    }),
  ),
  fixed: ZTotals,
  all: ZTotals,
});
export type ActualsReport = z.infer<typeof ZActualsReport>;

export const ZInvoicingBasis = z.object({
  months: z.array(
    z.object({
      /** "2027-02". */
      month: z.string(),
      lines: z.array(
        z.object({
          kind: ZDeliveryKind,
          unit: ZDeliveryUnit,
          quantity: z.number().int(),
          deliveries: z.number().int(),
          /** Per unit (per hour for coaching); 0 for travel, which is as spent. */
          unitPrice: ZKroner,
          amountExVat: ZKroner,
          vatRate: z.number(),
          vat: ZKroner,
        }),
      ),
      byVatRate: z.array(z.object({ vatRate: z.number(), base: ZKroner, vat: ZKroner })),
      totalExVat: ZKroner,
      vat: ZKroner,
      totalIncVat: ZKroner,
    }),
  ),
  totalExVat: ZKroner,
  vat: ZKroner,
  totalIncVat: ZKroner,
});
export type InvoicingBasis = z.infer<typeof ZInvoicingBasis>;

export const ZInvoicingExportParams = z.object({ programmeId: ZUuid, format: z.enum(['xlsx', 'csv']) });
