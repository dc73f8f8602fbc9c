import { Alert, Button, Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, type OutboxList, saveFile } from '../api';
import { AuditFilters } from '../components/audit-filters';
import { PageBreadcrumbs } from '../components/breadcrumbs';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { RouterLink } from '../components/router-link';
import { NotFound } from '../components/not-found';
import { catalogs } from '../../i18n';
import { formatDateTime, formatNumber, machineDate } from '../format';
import { isNotFound, isUuid } from '../programme-data';
import { useLocale, useSession } from '../session';

function useProviderName(providerId: string): string | undefined {
  const { data: session } = useSession();
  return session?.adminOf.find((p) => p.id === providerId)?.name;
}

export function AdminHead({ title, path, lead }: { title: string; path: string; lead: string }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className="app-section">
      <PageBreadcrumbs
        crumbs={[
          { label: t('layout.myProgrammes'), to: '/' },
          { label: title, to: path },
        ]}
      />
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph className="app-page__lead">{lead}</Paragraph>
    </div>
  );
}

/**
 * Turns the URLs in a plain-text e-mail into links, so dev-mode invitation and reset links can be
 * followed. Links into this app open here, whatever host the e-mail was written for.
 */
function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  const inApp = (url: string) => {
    try {
      const { pathname, search } = new URL(url);
      // The query stays: `?lang=` opens the page in the e-mail's language.
      return /^\/(invitation|password-reset)\//.test(pathname) ? pathname + search : null;
    } catch {
      return null;
    }
  };
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return <Fragment key={i}>{part}</Fragment>;
        const path = inApp(part);
        return path ? (
          <RouterLink key={i} to={path}>
            {part}
          </RouterLink>
        ) : (
          <a key={i} href={part} className="ds-link">
            {part}
          </a>
        );
      })}
    </>
  );
}

type MailKind = keyof (typeof catalogs)['nb']['email']['kinds'];
const isMailKind = (kind: string): kind is MailKind => Object.hasOwn(catalogs.nb.email.kinds, kind);

const STATUS_COLOR: Record<OutboxList['items'][number]['status'], 'neutral' | 'info' | 'success' | 'danger'> =
  {
    pending: 'neutral',
    sending: 'info',
    sent: 'success',
    failed: 'danger',
  };

/** `/admin/:providerId/outbox`: the provider's e-mail outbox. */
export function OutboxPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { providerId = '' } = useParams();
  const provider = useProviderName(providerId);
  const outbox = useQuery({
    queryKey: ['outbox', providerId],
    queryFn: () => api.outbox(providerId),
    enabled: isUuid(providerId),
  });
  if (!isUuid(providerId) || (outbox.isError && isNotFound(outbox.error))) return <NotFound />;

  return (
    <div className="app-page">
      <AdminHead
        title={t('admin.outboxTitle')}
        path={`/admin/${providerId}/outbox`}
        lead={t('admin.outboxIntro', { provider: provider ?? '' })}
      />
      {outbox.isPending ? (
        <PageLoading />
      ) : outbox.isError ? (
        <ErrorAlert error={outbox.error} />
      ) : (
        <>
          {outbox.data.devMode ? (
            <Alert data-color="warning">
              <Paragraph>{t('admin.outboxDevMode')}</Paragraph>
            </Alert>
          ) : null}
          {outbox.data.items.length === 0 ? (
            <Paragraph>{t('admin.outboxEmpty')}</Paragraph>
          ) : (
            <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="outbox-caption">
              <Table className="app-table" data-color="neutral" border data-testid="outbox-table">
                <caption id="outbox-caption">
                  {t('admin.outboxCaption', { count: formatNumber(outbox.data.items.length, locale) })}
                </caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('admin.created')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('admin.to')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('admin.subject')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('admin.kind')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('admin.status')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('admin.attempts')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('admin.sent')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {outbox.data.items.map((item) => (
                    <Fragment key={item.id}>
                      <Table.Row className={item.text !== null ? 'app-row--has-detail' : undefined}>
                        <Table.Cell className="app-nowrap">
                          <time dateTime={machineDate(item.createdAt)}>
                            {formatDateTime(item.createdAt, locale)}
                          </time>
                        </Table.Cell>
                        <Table.Cell>{item.to}</Table.Cell>
                        <Table.Cell>
                          {item.subject}
                          {item.lastError ? (
                            <Paragraph data-size="xs" className="app-subtle">
                              {t('admin.lastError')}: {item.lastError}
                            </Paragraph>
                          ) : null}
                        </Table.Cell>
                        <Table.Cell>
                          {/* A kind the catalog does not know yet is shown as it is stored. */}
                          {isMailKind(item.kind) ? t(`email.kinds.${item.kind}`) : item.kind}
                        </Table.Cell>
                        <Table.Cell>
                          <Tag data-color={STATUS_COLOR[item.status]} data-size="sm">
                            {t(`admin.outboxStatus.${item.status}`)}
                          </Tag>
                        </Table.Cell>
                        <Table.Cell>{formatNumber(item.attempts, locale)}</Table.Cell>
                        <Table.Cell className="app-nowrap">
                          {item.sentAt ? (
                            <time dateTime={machineDate(item.sentAt)}>
                              {formatDateTime(item.sentAt, locale)}
                            </time>
                          ) : (
                            <span className="app-subtle">–</span>
                          )}
                        </Table.Cell>
                      </Table.Row>
                      {item.text !== null ? (
                        // The body gets the table's full width on a row of its own.
                        <Table.Row className="app-row--detail" data-testid="mail-row" data-to={item.to}>
                          <Table.Cell colSpan={7}>
                            <Details data-size="sm">
                              <Details.Summary>
                                {t('admin.showBody')}: {item.subject}
                              </Details.Summary>
                              <Details.Content>
                                <pre className="app-mail-body" data-testid="mail-body">
                                  <LinkifiedText text={item.text} />
                                </pre>
                              </Details.Content>
                            </Details>
                          </Table.Cell>
                        </Table.Row>
                      ) : null}
                    </Fragment>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** `/admin/:providerId/audit`: the provider's audit log, filtered and paged by its URL. */
export function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { providerId = '' } = useParams();
  const provider = useProviderName(providerId);
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const audit = useQuery({
    queryKey: ['audit', providerId, query],
    queryFn: () => api.audit(providerId, new URLSearchParams(query)),
    enabled: isUuid(providerId),
    placeholderData: keepPreviousData,
  });
  const [download, setDownload] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  if (!isUuid(providerId) || (audit.isError && isNotFound(audit.error))) return <NotFound />;

  const labels: Readonly<Record<string, string>> = catalogs[locale].auditLog.actions;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const limit = Math.max(1, Number(params.get('limit')) || AUDIT_PAGE_SIZE);
  const goTo = (nextOffset: number) => {
    const next = new URLSearchParams(params);
    if (nextOffset > 0) next.set('offset', String(nextOffset));
    else next.delete('offset');
    setParams(next);
  };
  const downloadCsv = async () => {
    setDownload({ busy: true, error: null });
    try {
      saveFile(await api.downloadAudit(providerId, params, locale));
      setDownload({ busy: false, error: null });
    } catch (error) {
      setDownload({ busy: false, error });
    }
  };

  return (
    <div className="app-page">
      <AdminHead
        title={t('admin.auditTitle')}
        path={`/admin/${providerId}/audit`}
        lead={t('admin.auditIntro', { provider: provider ?? '' })}
      />
      <AuditFilters params={params} programmes={audit.data?.programmes ?? []} onApply={setParams} />
      <div className="app-form__actions">
        <Button
          variant="secondary"
          loading={download.busy}
          onClick={() => void downloadCsv()}
          data-testid="audit-download-csv"
        >
          {download.busy ? t('auditLog.downloading') : t('auditLog.download')}
        </Button>
      </div>
      {download.error ? <ErrorAlert error={download.error} /> : null}
      {audit.isPending ? (
        <PageLoading />
      ) : audit.isError ? (
        <ErrorAlert error={audit.error} />
      ) : audit.data.items.length === 0 ? (
        <Paragraph>{query ? t('auditLog.noMatch') : t('admin.auditEmpty')}</Paragraph>
      ) : (
        <>
          <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="audit-caption">
            <Table className="app-table" data-color="neutral" zebra border data-testid="audit-table">
              <caption id="audit-caption">
                {t('admin.auditCaption', { count: formatNumber(audit.data.total, locale) })}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('admin.at')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('admin.actor')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('admin.action')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('admin.resource')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('auditLog.programme')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('admin.ip')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {audit.data.items.map((entry) => (
                  <Table.Row key={entry.id}>
                    <Table.Cell className="app-nowrap">
                      <time dateTime={machineDate(entry.at)}>{formatDateTime(entry.at, locale)}</time>
                    </Table.Cell>
                    <Table.Cell>
                      {entry.actor ? (
                        <>
                          {entry.actor.name}
                          <br />
                          <span className="app-subtle">{entry.actor.email}</span>
                        </>
                      ) : (
                        <span className="app-subtle">{t('admin.system')}</span>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {labels[auditLabelKey(entry.action)] ?? entry.action}
                      <br />
                      <code className="app-subtle">{entry.action}</code>
                    </Table.Cell>
                    <Table.Cell>
                      {entry.resourceType}
                      {entry.resourceId ? (
                        <span className="app-subtle"> · {entry.resourceId.slice(0, 8)}</span>
                      ) : null}
                    </Table.Cell>
                    <Table.Cell>{entry.programme?.name ?? <span className="app-subtle">–</span>}</Table.Cell>
                    <Table.Cell>{entry.ip ?? <span className="app-subtle">–</span>}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <nav className="app-form__actions" aria-label={t('auditLog.pagination')}>
            <Paragraph aria-live="polite">
              {t('auditLog.shown', {
                first: formatNumber(offset + 1, locale),
                last: formatNumber(offset + audit.data.items.length, locale),
                total: formatNumber(audit.data.total, locale),
              })}
            </Paragraph>
            <Button
              variant="secondary"
              disabled={offset === 0}
              onClick={() => goTo(Math.max(0, offset - limit))}
            >
              {t('auditLog.previous')}
            </Button>
            <Button
              variant="secondary"
              disabled={offset + audit.data.items.length >= audit.data.total}
              onClick={() => goTo(offset + limit)}
            >
              {t('auditLog.next')}
            </Button>
          </nav>
        </>
      )}
    </div>
  );
}

/** The page size when the URL names none (the API's default). */
const AUDIT_PAGE_SIZE = 50;

/** The action's key in `auditLog.actions` (the same rule as src/domain/audit/actions.ts, tested there). */
const auditLabelKey = (action: string) => action.replace(/\./g, '_');
