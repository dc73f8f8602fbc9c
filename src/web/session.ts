/** The session in TanStack Query: one query (`['session']`) every page reads, and the mutations that change it. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n';
import { api, type SessionResponse } from './api';
import { applyLocale } from './i18n';

export const sessionKey = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: api.session, staleTime: 60_000 });
}

/** Puts a fresh session into the cache and the UI into the user's language. */
export function setSession(queryClient: QueryClient, session: SessionResponse | null): void {
  if (session) applyLocale(session.user.locale);
  queryClient.setQueryData(sessionKey, session);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.login,
    onSuccess: (session) => {
      // Anything cached belongs to whoever was here before.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      setSession(queryClient, session);
    },
  });
}

/** Forgets the session and everything cached for it. */
export function clearSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData(sessionKey, null);
}

/**
 * Logs out and goes to the login page, which then clears the session (LoginPage). Clearing it here
 * would re-render the logged-in frame before the router's navigation (a transition) lands, and
 * that frame would send the user to /login?next=<this page> instead.
 */
export function useLogout() {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: api.logout,
    onSettled: () => navigate('/login', { replace: true, state: { loggedOut: true } }),
  });
}

/** The language switch: the UI changes at once; logged in, the choice is saved on the server too. */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      const previous = currentLocale();
      applyLocale(locale);
      if (!session) return null;
      try {
        return await api.updateMe({ locale });
      } catch (error) {
        applyLocale(previous);
        throw error;
      }
    },
    onSuccess: (next) => {
      if (next) setSession(queryClient, next);
    },
  });
}

function currentLocale(): Locale {
  const lang = document.documentElement.lang;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/** The active UI locale, re-rendering on change. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/**
 * Whether "/" shows a list. With exactly one programme and no admin tools it only redirects to
 * that programme, so links to it ("My programmes") are left out.
 */
export function hasProgrammeList(session: SessionResponse | null | undefined): boolean {
  return !!session && (session.programmes.length !== 1 || session.adminOf.length > 0);
}
