/** Saved quote versions and the programme's budget: queries, mutations and the design → form step. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, type Locale, type QuoteDesign, type QuoteStatusChange } from './api';
import { QUOTE_FIELDS, SEED_QUOTE_FORM, type QuoteField, type QuoteForm } from './quote';

export const quoteKeys = {
  versions: (programmeId: string) => ['programme', programmeId, 'quotes'] as const,
  budget: (programmeId: string) => ['programme', programmeId, 'budget'] as const,
  actuals: (programmeId: string) => ['programme', programmeId, 'actuals'] as const,
};

export function useQuoteVersions(programmeId: string, locale: Locale) {
  return useQuery({
    queryKey: [...quoteKeys.versions(programmeId), locale],
    queryFn: () => api.quoteVersions(programmeId, locale),
  });
}

/** The accepted version, or null when there is none (the API answers 404). */
export function useBudget(programmeId: string, locale: Locale) {
  return useQuery({
    queryKey: [...quoteKeys.budget(programmeId), locale],
    queryFn: async () => {
      try {
        return await api.budget(programmeId, locale);
      } catch (error) {
        if (isApiError(error, 'not_found')) return null;
        throw error;
      }
    },
  });
}

function useRefreshQuotes(programmeId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: quoteKeys.versions(programmeId) }),
      queryClient.invalidateQueries({ queryKey: quoteKeys.budget(programmeId) }),
      queryClient.invalidateQueries({ queryKey: quoteKeys.actuals(programmeId) }),
    ]);
}

export function useSaveQuoteVersion(programmeId: string, locale: Locale) {
  const refresh = useRefreshQuotes(programmeId);
  return useMutation({
    mutationFn: (design: QuoteDesign) => api.saveQuoteVersion(programmeId, design, locale),
    onSuccess: refresh,
  });
}

export function useSetQuoteStatus(programmeId: string, locale: Locale) {
  const refresh = useRefreshQuotes(programmeId);
  return useMutation({
    mutationFn: ({ quoteId, status }: { quoteId: string } & QuoteStatusChange) =>
      api.setQuoteStatus(programmeId, quoteId, { status }, locale),
    onSuccess: refresh,
  });
}

/** A number as the form shows it: a comma for the decimal sign, no float noise; øre as two decimals. */
function text(field: QuoteField, n: number): string {
  const tidy = Number(n.toPrecision(12));
  const kroner = QUOTE_FIELDS[field].kind === 'kroner' && !Number.isInteger(tidy);
  return (kroner ? tidy.toFixed(2) : String(tidy)).replace('.', ',');
}

/**
 * A saved design back into the form, for "Load". A value the design leaves to the rate card (no
 * day rate) keeps what the form has, since the form always states its rates.
 */
export function toQuoteForm(design: QuoteDesign, current: QuoteForm = SEED_QUOTE_FORM): QuoteForm {
  const values = { ...current.values };
  const set = (field: QuoteField, value: number | null | undefined) => {
    if (value !== undefined && value !== null) values[field] = text(field, value);
  };
  const { gatherings: g, networkGroups: n, coaching: c, travel: t } = design;
  set('gatheringsCount', g?.count);
  set('gatheringsAdvisors', g?.advisors);
  set('gatheringsDayRate', g?.dayRateNok);
  set('networkGroups', n?.groups);
  set('networkMeetings', n?.facilitatedMeetings);
  set('networkMeetingsPerDay', n?.meetingsPerDay);
  set('networkDayRate', n?.dayRateNok);
  set('evaluation', design.evaluationNok);
  set('coachingLeaders', c?.leaders);
  set('coachingSessions', c?.sessionsPerLeader);
  set('coachingMinutes', c ? c.hoursPerSession * 60 : undefined);
  set('coachingHourlyRate', c?.hourlyRateNok);
  set('travelTrips', t?.trips);
  set('travelKm', t?.kmPerTrip);
  set('travelTravellers', t?.travellers);
  set('vatPercent', design.vatRate === undefined ? undefined : design.vatRate * 100);
  return { values, include: { networkGroups: !!n, coaching: !!c, travel: !!t } };
}
