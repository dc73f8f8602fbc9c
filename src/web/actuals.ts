/** Deliveries, budget vs. actual and the invoicing basis: queries, mutations and the form's parsing. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MAX_DELIVERY_QUANTITY } from '../contracts/actuals-constants';
import { api, type DeliveryKind, type RegisterDelivery } from './api';

export const actualsKeys = {
  all: (programmeId: string) => ['programme', programmeId, 'actuals'] as const,
  deliveries: (programmeId: string) => ['programme', programmeId, 'actuals', 'deliveries'] as const,
  report: (programmeId: string) => ['programme', programmeId, 'actuals', 'report'] as const,
  invoicing: (programmeId: string) => ['programme', programmeId, 'actuals', 'invoicing'] as const,
};

export function useDeliveries(programmeId: string) {
  return useQuery({
    queryKey: actualsKeys.deliveries(programmeId),
    queryFn: () => api.deliveries(programmeId),
  });
}

export function useActualsReport(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: actualsKeys.report(programmeId),
    queryFn: () => api.actuals(programmeId),
    enabled,
  });
}

export function useInvoicingBasis(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: actualsKeys.invoicing(programmeId),
    queryFn: () => api.invoicing(programmeId),
    enabled,
  });
}

function useRefresh(programmeId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: actualsKeys.all(programmeId) });
}

export function useRegisterDelivery(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (body: RegisterDelivery) => api.registerDelivery(programmeId, body),
    onSuccess: refresh,
  });
}

export function useDeleteDelivery(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (deliveryId: string) => api.deleteDelivery(programmeId, deliveryId),
    onSuccess: refresh,
  });
}

/** The register form as typed: every field is text until it parses. */
export interface DeliveryForm {
  kind: DeliveryKind;
  deliveredOn: string;
  quantity: string;
  hours: string;
  minutes: string;
  amount: string;
  advisorUserId: string;
  note: string;
}

export type DeliveryFormField = 'deliveredOn' | 'quantity' | 'duration' | 'amount';
export type DeliveryFormError = 'date' | 'quantity' | 'duration' | 'amount';

export function emptyDeliveryForm(today: string): DeliveryForm {
  return {
    kind: 'gatheringDay',
    deliveredOn: today,
    quantity: '2',
    hours: '1',
    minutes: '0',
    amount: '',
    advisorUserId: '',
    note: '',
  };
}

/** The quantity a kind starts with: two advisors at a gathering, one of anything else. */
export function defaultQuantity(kind: DeliveryKind): string {
  return kind === 'gatheringDay' ? '2' : '1';
}

const WHOLE = /^\d+$/;
/** Kroner as people type them: "2 251,75", "2251.75", "2251". */
const KRONER = /^\d{1,6}([.,]\d{1,2})?$/;

function whole(text: string): number | null {
  const t = text.trim();
  return WHOLE.test(t) ? Number(t) : null;
}

/**
 * The form → the API body, or the fields that do not parse. The server checks everything again;
 * this only spares a round trip and words the common mistakes.
 */
export function toRegisterDelivery(
  form: DeliveryForm,
  today: string,
):
  | { ok: true; body: RegisterDelivery }
  | { ok: false; errors: Partial<Record<DeliveryFormField, DeliveryFormError>> } {
  const errors: Partial<Record<DeliveryFormField, DeliveryFormError>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.deliveredOn) || form.deliveredOn > today) errors.deliveredOn = 'date';

  let quantity: number | null;
  if (form.kind === 'coaching') {
    const h = whole(form.hours || '0');
    const m = whole(form.minutes || '0');
    quantity = h === null || m === null || m > 59 ? null : h * 60 + m;
    if (quantity === null || quantity < 1 || quantity > MAX_DELIVERY_QUANTITY.coaching) {
      errors.duration = 'duration';
    }
  } else {
    quantity = whole(form.quantity);
    if (quantity === null || quantity < 1 || quantity > MAX_DELIVERY_QUANTITY[form.kind]) {
      errors.quantity = 'quantity';
    }
  }

  let amountNok: number | null = null;
  if (form.kind === 'travel') {
    const t = form.amount.replace(/[\s\u00a0]/g, '');
    if (!KRONER.test(t)) errors.amount = 'amount';
    else amountNok = Number(t.replace(',', '.'));
  }

  if (Object.keys(errors).length > 0 || quantity === null) return { ok: false, errors };
  const note = form.note.trim();
  return {
    ok: true,
    body: {
      kind: form.kind,
      deliveredOn: form.deliveredOn,
      quantity,
      ...(form.kind === 'travel' ? { amountNok } : {}),
      // "Not given" is said explicitly; the server would otherwise name the registering advisor.
      advisorUserId: form.advisorUserId || null,
      ...(note ? { note } : {}),
    },
  };
}
