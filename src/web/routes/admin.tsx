import { Alert, Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, type OutboxList } from '../api';
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

/** `/admin/:providerId/audit`: the provider's audit log. */
export function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { providerId = '' } = useParams();
  const provider = useProviderName(providerId);
  const audit = useQuery({
    queryKey: ['audit', providerId],
    queryFn: () => api.audit(providerId),
    enabled: isUuid(providerId),
  });
  if (!isUuid(providerId) || (audit.isError && isNotFound(audit.error))) return <NotFound />;

  return (
    <div className="app-page">
      <AdminHead
        title={t('admin.auditTitle')}
        path={`/admin/${providerId}/audit`}
        lead={t('admin.auditIntro', { provider: provider ?? '' })}
      />
      {audit.isPending ? (
        <PageLoading />
      ) : audit.isError ? (
        <ErrorAlert error={audit.error} />
      ) : audit.data.items.length === 0 ? (
        <Paragraph>{t('admin.auditEmpty')}</Paragraph>
      ) : (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="audit-caption">
          <Table className="app-table" data-color="neutral" zebra border data-testid="audit-table">
            <caption id="audit-caption">
              {t('admin.auditCaption', { count: formatNumber(audit.data.items.length, locale) })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('admin.at')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.actor')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.action')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.resource')}</Table.HeaderCell>
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
                    {entry.actor?.name ?? <span className="app-subtle">{t('admin.system')}</span>}
                  </Table.Cell>
                  <Table.Cell>
                    <code>{entry.action}</code>
                  </Table.Cell>
                  <Table.Cell>
                    {entry.resourceType}
                    {entry.resourceId ? (
                      <span className="app-subtle"> · {entry.resourceId.slice(0, 8)}</span>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell>{entry.ip ?? <span className="app-subtle">–</span>}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
