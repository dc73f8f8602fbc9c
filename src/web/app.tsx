import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { isApiError } from './api';
import { Layout } from './components/layout';
import { NotFound } from './components/not-found';
import { i18n } from './i18n';
import { AuditPage, OutboxPage } from './routes/admin';
import { MyDataPage, PrivacyPage } from './routes/privacy';
import { MyDaysPage } from './routes/my-days';
import { RatesPage } from './routes/rates';
import { HomePage } from './routes/home';
import { InvitationPage } from './routes/invitation';
import { AccessibilityPage } from './routes/accessibility';
import { LoginPage } from './routes/login';
import { OidcLoginPage } from './routes/oidc-login';
import { SsoAdminPage } from './routes/oidc-admin';
import { ClientProcessingPage, ProviderProcessingPage } from './routes/processing-record';
import { PasswordResetConfirmPage, PasswordResetRequestPage } from './routes/password-reset';
import { ProgrammeHomePage } from './routes/programme-home';
import { ProgrammePartRoute } from './routes/programme-part';
import { OuSummaryRoute } from './routes/ou-summary';
import { RetentionRoute } from './routes/retention';
import { GroupSpaceRoute } from './routes/group-space';
import { GatheringRoute } from './routes/gathering';
import { DevProjectSharedRoute } from './routes/dev-project';
import { PlatformPublishedRoute } from './routes/platform-published';
import { PlatformScreenRoute } from './routes/platform-screen';
import { EvaluationAnswerRoute } from './routes/evaluation-answer';
import { ExpectationsFormRoute } from './routes/expectations-form';
import { OverallEvaluationAnswerRoute } from './routes/overall-evaluation-answer';
import { SelfAssessmentRatePage } from './routes/self-assessment-rate';
import { SelfAssessmentInstrumentPage } from './routes/self-assessment-instrument';
import { sessionKey } from './session';

function createQueryClient(): QueryClient {
  // A 401 anywhere means the session is gone: clearing it sends the user to the login page.
  const onError = (error: unknown, queryKey?: readonly unknown[]) => {
    if (isApiError(error, 'unauthorized') && queryKey?.[0] !== sessionKey[0])
      client.setQueryData(sessionKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; network and 5xx errors might.
        retry: (count, error) =>
          count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
  return client;
}

const queryClient = createQueryClient();

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout requireSession={false} />}>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/accessibility" element={<AccessibilityPage />} />
              <Route path="/login/sso" element={<OidcLoginPage />} />
              <Route path="/password-reset" element={<PasswordResetRequestPage />} />
              <Route path="/password-reset/:token" element={<PasswordResetConfirmPage />} />
              <Route path="/invitation/:token" element={<InvitationPage />} />
              <Route path="/self-assessment/rate/:token" element={<SelfAssessmentRatePage />} />
              <Route path="*" element={<NotFound />} />
            </Route>
            <Route element={<Layout requireSession />}>
              <Route index element={<HomePage />} />
              <Route path="/programmes/:programmeId" element={<ProgrammeHomePage />} />
              <Route path="/programmes/:programmeId/:part" element={<ProgrammePartRoute />} />
              <Route path="/programmes/:programmeId/ou" element={<OuSummaryRoute />} />
              <Route path="/programmes/:programmeId/retention" element={<RetentionRoute />} />
              <Route
                path="/programmes/:programmeId/platform/published"
                element={<PlatformPublishedRoute />}
              />
              <Route
                path="/programmes/:programmeId/platform/rounds/:roundId/screen"
                element={<PlatformScreenRoute />}
              />
              <Route path="/programmes/:programmeId/groups/:groupId" element={<GroupSpaceRoute />} />
              <Route path="/programmes/:programmeId/gatherings/:number" element={<GatheringRoute />} />
              <Route path="/programmes/:programmeId/project/:projectId" element={<DevProjectSharedRoute />} />
              <Route
                path="/programmes/:programmeId/evaluations/:evaluationId/answer"
                element={<EvaluationAnswerRoute />}
              />
              <Route path="/programmes/:programmeId/expectations/mine" element={<ExpectationsFormRoute />} />
              <Route
                path="/programmes/:programmeId/overall-evaluation/answer"
                element={<OverallEvaluationAnswerRoute />}
              />
              <Route path="/admin/:providerId/outbox" element={<OutboxPage />} />
              <Route path="/admin/:providerId/audit" element={<AuditPage />} />
              <Route path="/admin/:providerId/privacy" element={<PrivacyPage />} />
              <Route path="/my-data" element={<MyDataPage />} />
              <Route path="/admin/:providerId/sso" element={<SsoAdminPage />} />
              <Route path="/admin/:providerId/processing" element={<ProviderProcessingPage />} />
              <Route path="/clients/:clientId/processing" element={<ClientProcessingPage />} />
              <Route path="/admin/:providerId/rates" element={<RatesPage />} />
              <Route path="/admin/:providerId/self-assessment" element={<SelfAssessmentInstrumentPage />} />
              <Route path="/my-days" element={<MyDaysPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
