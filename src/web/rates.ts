/** The provider's rate cards: queries, mutations and the form's parsing. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type RateCard, type RateCardInput } from './api';

const key = (providerId: string) => ['provider', providerId, 'rate-cards'] as const;

export function useRateCards(providerId: string) {
  return useQuery({ queryKey: key(providerId), queryFn: () => api.rateCards(providerId) });
}

export function useSaveRateCard(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: RateCardInput }) =>
      id ? api.updateRateCard(providerId, id, body) : api.createRateCard(providerId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(providerId) }),
  });
}

export function useDeleteRateCard(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteRateCard(providerId, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(providerId) }),
  });
}

export const RATE_FIELDS = [
  'gatheringDayRate',
  'networkDayRate',
  'evaluationFixed',
  'coachingHourlyRate',
] as const;
export type RateField = (typeof RATE_FIELDS)[number];

export interface RateCardForm {
  validFrom: string;
  values: Record<RateField, string>;
  /** Percent, as typed: "25". */
  vatPercent: string;
}

export type RateFormErrors = Partial<
  Record<RateField | 'validFrom' | 'vatPercent', 'amount' | 'vat' | 'date'>
>;

/** "21 875", "2 187,50" → 2187.5; null when not kroner above 0 with at most two decimals. */
export function parseKroner(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,7}([.,]\d{1,2})?$/.test(t)) return null;
  const n = Number(t.replace(',', '.'));
  return n > 0 ? n : null;
}

/** A number as the form shows it: a decimal comma, no float noise. */
export function kronerText(n: number): string {
  return (Number.isInteger(n) ? String(n) : n.toFixed(2)).replace('.', ',');
}

/** The form for a new card: the given card's prices (the one in force), from next 1 January. */
export function newRateCardForm(from: RateCard | undefined, today: string): RateCardForm {
  const nextYear = `${Number(today.slice(0, 4)) + 1}-01-01`;
  return {
    validFrom: nextYear,
    values: {
      gatheringDayRate: from ? kronerText(from.gatheringDayRate) : '',
      networkDayRate: from ? kronerText(from.networkDayRate) : '',
      evaluationFixed: from ? kronerText(from.evaluationFixed) : '',
      coachingHourlyRate: from ? kronerText(from.coachingHourlyRate) : '',
    },
    vatPercent: from ? kronerText(Math.round(from.vatRate * 10_000) / 100) : '25',
  };
}

export function editRateCardForm(card: RateCard): RateCardForm {
  return { ...newRateCardForm(card, card.validFrom), validFrom: card.validFrom };
}

export function toRateCardInput(
  form: RateCardForm,
): { ok: true; body: RateCardInput } | { ok: false; errors: RateFormErrors } {
  const errors: RateFormErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.validFrom)) errors.validFrom = 'date';
  const nok = Object.fromEntries(RATE_FIELDS.map((f) => [f, parseKroner(form.values[f])])) as Record<
    RateField,
    number | null
  >;
  for (const f of RATE_FIELDS) if (nok[f] === null) errors[f] = 'amount';
  const vatText = form.vatPercent.replace(/[\s%]/g, '').replace(',', '.');
  const vat = /^\d{1,3}(\.\d{1,2})?$/.test(vatText) ? Number(vatText) : null;
  if (vat === null || vat > 100) errors.vatPercent = 'vat';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      validFrom: form.validFrom,
      gatheringDayRateNok: nok.gatheringDayRate!,
      networkDayRateNok: nok.networkDayRate!,
      evaluationNok: nok.evaluationFixed!,
      coachingHourlyRateNok: nok.coachingHourlyRate!,
      vatRate: Math.round(vat! * 100) / 10_000,
    },
  };
}
