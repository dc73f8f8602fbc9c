import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { csvCell, exportCell } from '../../domain/export/cells';
import type { Delivery, DeliveryUnit, InvoicingBasis } from '../../contracts/actuals';
import type { Db } from '../../db/client';
import type { Actor } from '../../domain/access/policy';
import { type CatalogKey, type Locale, translate } from '../../i18n/index';
import type { RequestContext } from '../context';
import { slugify } from '../offer-pdf/slug';
import { isoDateInOslo } from '../quotes/price';
import { recordAccess } from '../audit';
import { scopeOf } from '../programmes/scope';
import { presentDeliveries } from './deliveries';
import { loadInvoicingBasis } from './reports';

type Ctx = RequestContext & { actor: Actor };

export interface InvoicingExport {
  filename: string;
  contentType: string;
  body: Buffer;
}

const INTL: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

function words(locale: Locale) {
  const t = (key: CatalogKey, vars: Record<string, string> = {}) => translate(locale, key, vars);
  const monthFormat = new Intl.DateTimeFormat(INTL[locale], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const month = (ym: string) => {
    const [y = 0, m = 1] = ym.split('-').map(Number);
    return monthFormat.format(new Date(Date.UTC(y, m - 1, 1)));
  };
  /** Coaching is counted in minutes and shown in hours. */
  const unit = (u: DeliveryUnit, quantity: number) => {
    const key = u === 'minute' ? 'hour' : u;
    const n = u === 'minute' ? quantity / 60 : quantity;
    return t(`actuals.units.${key}.${n === 1 ? 'one' : 'other'}` as CatalogKey);
  };
  const amount = (u: DeliveryUnit, quantity: number) =>
    u === 'minute' ? Math.round((quantity / 60) * 100) / 100 : quantity;
  return { t, month, unit, amount };
}

/**
 * The invoicing basis as a workbook: one sheet with the months, their lines and totals (numbers as
 * numbers, formatted as kroner), one with every registered delivery. For the provider admin to
 * invoice from, and for the client admin to check the invoice against.
 */
async function toXlsx(
  basis: InvoicingBasis,
  list: Delivery[],
  head: { title: string; subtitle: string },
  locale: Locale,
): Promise<Buffer> {
  const { t, month, unit, amount } = words(locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lederprogram';
  const money = '#,##0.00';
  const percent = '0 %';

  const sheet = wb.addWorksheet(t('actuals.export.sheetBasis'), { views: [{ state: 'frozen', ySplit: 4 }] });
  sheet.columns = [
    { key: 'month', width: 16 },
    { key: 'line', width: 30 },
    { key: 'quantity', width: 10 },
    { key: 'unit', width: 16 },
    { key: 'unitPrice', width: 14, style: { numFmt: money } },
    { key: 'amountExVat', width: 16, style: { numFmt: money } },
    { key: 'vatRate', width: 10, style: { numFmt: percent } },
    { key: 'vat', width: 14, style: { numFmt: money } },
    { key: 'amountIncVat', width: 16, style: { numFmt: money } },
  ];
  sheet.addRow([head.title]).font = { bold: true, size: 14 };
  sheet.addRow([head.subtitle]);
  sheet.addRow([]);
  const header = sheet.addRow([
    t('actuals.export.month'),
    t('actuals.export.line'),
    t('actuals.export.quantity'),
    t('actuals.export.unit'),
    t('actuals.export.unitPrice'),
    t('actuals.export.amountExVat'),
    t('actuals.export.vatRate'),
    t('actuals.export.vat'),
    t('actuals.export.amountIncVat'),
  ]);
  header.font = { bold: true };
  for (const m of basis.months) {
    for (const l of m.lines) {
      sheet.addRow({
        month: month(m.month),
        line: t(`actuals.kinds.${l.kind}` as CatalogKey),
        quantity: amount(l.unit, l.quantity),
        unit: unit(l.unit, l.quantity),
        unitPrice: l.kind === 'travel' ? t('actuals.invoicing.asSpent') : l.unitPrice,
        amountExVat: l.amountExVat,
        vatRate: l.vatRate,
        vat: l.vat,
        amountIncVat: Math.round((l.amountExVat + l.vat) * 100) / 100,
      });
    }
    const total = sheet.addRow({
      month: t('actuals.export.monthTotal', { month: month(m.month) }),
      amountExVat: m.totalExVat,
      vat: m.vat,
      amountIncVat: m.totalIncVat,
    });
    total.font = { bold: true };
    sheet.addRow([]);
  }
  const grand = sheet.addRow({
    month: t('actuals.export.total'),
    amountExVat: basis.totalExVat,
    vat: basis.vat,
    amountIncVat: basis.totalIncVat,
  });
  grand.font = { bold: true };

  const rows = wb.addWorksheet(t('actuals.export.sheetDeliveries'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  rows.columns = [
    { key: 'date', width: 12 },
    { key: 'line', width: 28 },
    { key: 'quantity', width: 10 },
    { key: 'unit', width: 16 },
    { key: 'amountExVat', width: 16, style: { numFmt: money } },
    { key: 'vatRate', width: 10, style: { numFmt: percent } },
    { key: 'advisor', width: 24 },
    { key: 'registeredBy', width: 24 },
    { key: 'note', width: 40 },
  ];
  rows.addRow([
    t('actuals.export.date'),
    t('actuals.export.line'),
    t('actuals.export.quantity'),
    t('actuals.export.unit'),
    t('actuals.export.amountExVat'),
    t('actuals.export.vatRate'),
    t('actuals.export.advisor'),
    t('actuals.export.registeredBy'),
    t('actuals.export.note'),
  ]).font = { bold: true };
  for (const d of [...list].reverse()) {
    const [y = 0, mo = 1, day = 1] = d.deliveredOn.split('-').map(Number);
    rows.addRow({
      date: new Date(Date.UTC(y, mo - 1, day)),
      line: t(`actuals.kinds.${d.kind}` as CatalogKey),
      quantity: amount(d.unit, d.quantity),
      unit: unit(d.unit, d.quantity),
      amountExVat: d.amountExVat,
      vatRate: d.vatRate,
      // Typed by people: neutralised against formula injection like every export's text.
      advisor: exportCell(d.advisor?.name ?? ''),
      registeredBy: exportCell(d.registeredBy?.name ?? ''),
      note: exportCell(d.note ?? ''),
    });
  }
  rows.getColumn('date').numFmt = 'dd.mm.yyyy';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Norwegian number text for a spreadsheet: a decimal comma and no thousands separator. */
const decimal = (n: number, locale: Locale) => {
  const text = n.toFixed(2);
  return locale === 'en' ? text : text.replace('.', ',');
};

/**
 * The invoicing basis as CSV: one row per month and line, then each month's total; semicolons and
 * decimal commas (what Excel in Norway opens), UTF-8 with a byte-order mark, CRLF line ends. In
 * English: commas and decimal points.
 */
function toCsv(basis: InvoicingBasis, locale: Locale): Buffer {
  const { t, month, unit, amount } = words(locale);
  const num = (n: number) => decimal(n, locale);
  const records: string[][] = [
    [
      t('actuals.export.month'),
      t('actuals.export.line'),
      t('actuals.export.quantity'),
      t('actuals.export.unit'),
      t('actuals.export.unitPrice'),
      t('actuals.export.amountExVat'),
      t('actuals.export.vatRate'),
      t('actuals.export.vat'),
      t('actuals.export.amountIncVat'),
    ],
  ];
  for (const m of basis.months) {
    for (const l of m.lines) {
      const q = amount(l.unit, l.quantity);
      records.push([
        m.month,
        t(`actuals.kinds.${l.kind}` as CatalogKey),
        Number.isInteger(q) ? String(q) : num(q),
        unit(l.unit, l.quantity),
        l.kind === 'travel' ? '' : num(l.unitPrice),
        num(l.amountExVat),
        String(Math.round(l.vatRate * 100)),
        num(l.vat),
        num(Math.round((l.amountExVat + l.vat) * 100) / 100),
      ]);
    }
    records.push([
      m.month,
      t('actuals.export.monthTotal', { month: month(m.month) }),
      '',
      '',
      '',
      num(m.totalExVat),
      '',
      num(m.vat),
      num(m.totalIncVat),
    ]);
  }
  records.push([
    '',
    t('actuals.export.total'),
    '',
    '',
    '',
    num(basis.totalExVat),
    '',
    num(basis.vat),
    num(basis.totalIncVat),
  ]);
  const text = stringify(
    records.map((r) => r.map(csvCell)),
    { delimiter: locale === 'en' ? ',' : ';', record_delimiter: 'windows' },
  );
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

/** GET /api/programmes/:id/invoicing.(xlsx|csv): the invoicing basis as a file (provider admin, client admin). */
export async function exportInvoicingBasis(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  format: 'xlsx' | 'csv',
  locale: Locale,
): Promise<InvoicingExport> {
  const { programme, basis } = await loadInvoicingBasis(db, ctx, programmeId);
  await recordAccess(db, ctx, {
    action: 'invoicing_basis.exported',
    resourceType: 'invoicing_basis',
    resourceId: programme.programmeId,
    scope: scopeOf(programme),
    details: { format },
  });
  const base = `${translate(locale, 'actuals.export.filename')}-${slugify(programme.name)}`;
  if (format === 'csv') {
    return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(basis, locale) };
  }
  // Authorised above: whoever may read the budget may read its deliveries too.
  const deliveries = await presentDeliveries(db, ctx.actor, scopeOf(programme));
  const today = isoDateInOslo(ctx.now).split('-').reverse().join('.');
  const head = {
    title: translate(locale, 'actuals.export.title', { programme: programme.name }),
    subtitle: translate(locale, 'actuals.export.subtitle', {
      provider: programme.providerName,
      client: programme.clientName,
      date: today,
    }),
  };
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(basis, deliveries, head, locale),
  };
}
