import { Button, Details, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type ProcessingRecord, isApiError, processingApi } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { NotFound } from '../components/not-found';
import { RouterLink } from '../components/router-link';
import { SubProcessorManager, SubProcessorTable } from '../components/sub-processor-manager';
import { formatDate } from '../format';
import { isNotFound, isUuid } from '../programme-data';
import { useLocale, useSession } from '../session';
import { AdminHead } from './admin';
import './processing-record.css';

type AutomaticSubProcessor = ProcessingRecord['subProcessors']['automatic'][number];

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
function useLooseT() {
  const { t } = useTranslation();
  return t as unknown as (key: string, vars?: { [key: string]: unknown }) => string;
}

/** `/clients/:clientId/processing`: one municipality's record, for its client admins and the provider admin. */
export function ClientProcessingPage() {
  const { t } = useTranslation();
  const { clientId = '' } = useParams();
  const record = useQuery({
    queryKey: ['processingRecord', 'client', clientId],
    queryFn: () => processingApi.clientRecord(clientId),
    enabled: isUuid(clientId),
  });
  if (!isUuid(clientId) || (record.isError && isNotFound(record.error))) return <NotFound />;
  const name = record.data?.controllers[0]?.name;
  return (
    <div className="app-page app-processing" data-testid="processing-record">
      <AdminHead
        title={name ? `${t('processing.title')}: ${name}` : t('processing.title')}
        path={`/clients/${clientId}/processing`}
        lead={t('processing.lead')}
      />
      <PrintButton />
      {record.isPending ? <PageLoading /> : null}
      {record.isError ? <ErrorAlert error={record.error} /> : null}
      {record.data ? <RecordBody record={record.data} /> : null}
    </div>
  );
}

/** `/admin/:providerId/processing`: the provider's record over all its municipalities, and its sub-processors. */
export function ProviderProcessingPage() {
  const { t } = useTranslation();
  const { providerId = '' } = useParams();
  const { data: session } = useSession();
  const record = useQuery({
    queryKey: ['processingRecord', 'provider', providerId],
    queryFn: () => processingApi.providerRecord(providerId),
    enabled: isUuid(providerId),
  });
  const isAdmin = session?.adminOf.some((p) => p.id === providerId) ?? false;
  if (!isUuid(providerId) || !isAdmin || (record.isError && isNotFound(record.error))) return <NotFound />;
  return (
    <div className="app-page app-processing" data-testid="processing-record">
      <AdminHead
        title={t('processing.providerTitle')}
        path={`/admin/${providerId}/processing`}
        lead={t('processing.providerLead')}
      />
      <PrintButton />
      <SubProcessorManager providerId={providerId} />
      {record.isPending ? <PageLoading /> : null}
      {record.isError && !isApiError(record.error, 'not_found') ? <ErrorAlert error={record.error} /> : null}
      {record.data ? (
        <>
          <section className="app-section app-processing__no-print" aria-labelledby="processing-clients">
            <Heading level={2} data-size="sm" id="processing-clients">
              {t('processing.sections.clients')}
            </Heading>
            <ul className="app-processing__links">
              {record.data.controllers.map((c) => (
                <li key={c.id}>
                  <RouterLink to={`/clients/${c.id}/processing`}>
                    {t('processing.clientRecordLink', { client: c.name })}
                  </RouterLink>
                </li>
              ))}
            </ul>
          </section>
          <RecordBody record={record.data} />
        </>
      ) : null}
    </div>
  );
}

function PrintButton() {
  const { t } = useTranslation();
  return (
    <div className="app-processing__no-print">
      <Button variant="secondary" onClick={() => window.print()} data-testid="processing-print">
        {t('processing.print')}
      </Button>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="app-section" aria-labelledby={`processing-${id}`} data-testid={`processing-${id}`}>
      <Heading level={2} data-size="sm" id={`processing-${id}`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** A table in a focusable scroll region, named by its caption. */
function CaptionedTable({
  caption,
  children,
  testId,
}: {
  caption: string;
  children: React.ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
      <Table className="app-table" data-color="neutral" border data-testid={testId}>
        <caption id={id} data-size="2xs">
          {caption}
        </caption>
        {children}
      </Table>
    </div>
  );
}

export function RecordBody({ record }: { record: ProcessingRecord }) {
  const { t } = useTranslation();
  const tx = useLooseT();
  const locale = useLocale();
  const thresholds = record.programmes.map((p) => p.anonymityThreshold);
  // The weakest programme's threshold is the promise that holds for all of them (the database never allows below 3).
  const threshold = thresholds.length ? Math.min(...thresholds) : 3;
  const months = (n: number | null) =>
    n === null ? t('processing.retention.keep') : tx('processing.retention.months', { count: n });
  /** "Coaching notes: 6 months after the programme ends; otherwise: until erased". */
  const retentionOf = (ids: readonly string[], keptOtherwise: string) => {
    const rest = tx(`processing.keptOtherwise.${keptOtherwise}`, {
      years: record.retention.bookkeepingYears,
    });
    if (ids.length === 0) return rest;
    const each = ids.map((id) => {
      const c = record.retention.categories.find((x) => x.id === id)!;
      // No programme yet (or its policy unknown): the default is what a new one gets.
      const values = c.programmes?.length
        ? [...new Set(c.programmes.map((p) => p.months))]
        : [c.defaultMonths];
      const when =
        values.length > 1
          ? t('processing.retention.varies')
          : values[0] === null
            ? t('processing.retention.keep')
            : t('processing.retention.afterEnd', { months: months(values[0]!) });
      return `${tx(`retention.categories.${id}.name`)}: ${when}`;
    });
    return [...each, t('processing.retention.rest', { rest })].join('; ');
  };

  return (
    <>
      <Paragraph data-size="sm">
        {t('processing.generated', { date: formatDate(record.generatedAt, locale) })}
      </Paragraph>

      <Section id="parties" title={t('processing.sections.parties')}>
        <dl className="app-processing__facts">
          <dt>{t('processing.controller')}</dt>
          <dd>
            {record.controllers.map((c) => (
              <span key={c.id} className="app-processing__party">
                {c.name}
                {c.municipalityNumber
                  ? ` (${t('processing.municipalityNumber', { value: c.municipalityNumber })})`
                  : ''}
              </span>
            ))}
          </dd>
          <dt>{t('processing.processor')}</dt>
          <dd>
            {record.processor.name}
            {record.processor.orgNumber
              ? ` (${t('processing.orgNumber', { value: record.processor.orgNumber })})`
              : ''}
          </dd>
        </dl>
        <Paragraph>{t('processing.partiesLead', { processor: record.processor.name })}</Paragraph>
        <Paragraph>
          {record.programmes.length
            ? t('processing.programmes', { names: record.programmes.map((p) => p.name).join(', ') })
            : t('processing.noProgrammes')}
        </Paragraph>
      </Section>

      <Section id="purposes" title={t('processing.sections.purposes')}>
        <ul>
          {record.purposes.map((p) => (
            <li key={p}>{tx(`processing.purposes.${p}`)}</li>
          ))}
        </ul>
      </Section>

      <Section id="subjects" title={t('processing.sections.subjects')}>
        <ul>
          {record.dataSubjects.map((s) => (
            <li key={s}>{tx(`processing.subjects.${s}`)}</li>
          ))}
        </ul>
      </Section>

      <Section id="categories" title={t('processing.sections.categories')}>
        {record.categories.map((c) => (
          <section
            key={c.id}
            className="app-processing__category"
            aria-labelledby={`processing-category-${c.id}`}
            data-testid={`processing-category-${c.id}`}
          >
            <Heading level={3} data-size="xs" id={`processing-category-${c.id}`}>
              {tx(`processing.categories.${c.id}.name`)}
            </Heading>
            <Paragraph>{tx(`processing.categories.${c.id}.data`)}</Paragraph>
            <dl className="app-processing__facts">
              <dt>{t('processing.categoryColumns.subjects')}</dt>
              <dd>{c.subjects.map((s) => tx(`processing.subjects.${s}`)).join('; ')}</dd>
              <dt>{t('processing.categoryColumns.purposes')}</dt>
              <dd>{c.purposes.map((p) => tx(`processing.purposes.${p}`)).join('; ')}</dd>
              <dt>{t('processing.categoryColumns.retention')}</dt>
              <dd>{retentionOf(c.retention, c.keptOtherwise)}</dd>
            </dl>
            <CaptionedTable
              caption={`${t('processing.categoryColumns.access')}: ${tx(`processing.categories.${c.id}.name`)}`}
            >
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('processing.categoryColumns.record')}</Table.HeaderCell>
                  {record.roles.map((r) => (
                    <Table.HeaderCell key={r}>{tx(`roles.${r}`)}</Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {c.access.map((row) => (
                  <Table.Row key={row.row}>
                    <Table.HeaderCell scope="row">{tx(`processing.rows.${row.row}`)}</Table.HeaderCell>
                    {row.byRole.map((cell) => (
                      <Table.Cell key={cell.role} data-level={cell.level ?? 'none'}>
                        {tx(`processing.levels.${cell.level ?? 'none'}`)}
                      </Table.Cell>
                    ))}
                  </Table.Row>
                ))}
              </Table.Body>
            </CaptionedTable>
            <Paragraph data-size="sm" className="app-processing__print-only">
              {t('processing.tablesSummary', { count: c.tables.length })}: {c.tables.join(', ')}
            </Paragraph>
            <Details data-size="sm" className="app-processing__no-print">
              <Details.Summary>{t('processing.tablesSummary', { count: c.tables.length })}</Details.Summary>
              <Details.Content>
                <ul className="app-processing__table-list">
                  {c.tables.map((table) => (
                    <li key={table}>
                      <code>{table}</code>
                    </li>
                  ))}
                </ul>
              </Details.Content>
            </Details>
          </section>
        ))}
      </Section>

      <Section id="remarks" title={t('processing.sections.remarks')}>
        <ul>
          {record.remarks.map((r) => (
            <li key={r}>{tx(`processing.remarks.${r}`, { threshold })}</li>
          ))}
        </ul>
      </Section>

      <Section id="retention" title={t('processing.sections.retention')}>
        <Paragraph>{t('processing.retention.lead')}</Paragraph>
        <CaptionedTable caption={t('processing.sections.retention')} testId="processing-retention-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('processing.retention.category')}</Table.HeaderCell>
              <Table.HeaderCell>{t('processing.retention.default')}</Table.HeaderCell>
              {record.retention.categories[0]?.programmes
                ? record.programmes.map((p) => <Table.HeaderCell key={p.id}>{p.name}</Table.HeaderCell>)
                : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {record.retention.categories.map((c) => (
              <Table.Row key={c.id}>
                <Table.HeaderCell scope="row">{tx(`retention.categories.${c.id}.name`)}</Table.HeaderCell>
                <Table.Cell>{months(c.defaultMonths)}</Table.Cell>
                {c.programmes?.map((p) => (
                  <Table.Cell key={p.programmeId}>{months(p.months)}</Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </CaptionedTable>
        {record.retention.categories[0]?.programmes ? null : (
          <Paragraph data-testid="processing-retention-pending">
            {t('processing.retention.pending')}
          </Paragraph>
        )}
        <Paragraph>
          {t('processing.retention.bookkeeping', { years: record.retention.bookkeepingYears })}
        </Paragraph>
        <Paragraph>
          {t('processing.retention.sessions', { hours: record.retention.sessionTtlHours })}
        </Paragraph>
      </Section>

      <Section id="sub-processors" title={t('processing.sections.subProcessors')}>
        <Paragraph>{t('processing.subProcessors.lead')}</Paragraph>
        {record.subProcessors.provider.length === 0 ? (
          <Paragraph>{t('processing.subProcessors.none')}</Paragraph>
        ) : (
          <SubProcessorTable
            items={record.subProcessors.provider}
            caption={t('processing.subProcessors.fromProvider')}
          />
        )}
        <CaptionedTable caption={t('processing.subProcessors.fromDeployment')} testId="processing-automatic">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('processing.subProcessors.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('processing.subProcessors.purpose')}</Table.HeaderCell>
              <Table.HeaderCell>{t('processing.subProcessors.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {record.subProcessors.automatic.map((s, i) => (
              <AutomaticRow key={i} item={s} record={record} />
            ))}
          </Table.Body>
        </CaptionedTable>
      </Section>

      <Section id="security" title={t('processing.sections.security')}>
        <ul className="app-processing__measures">
          {record.security.map((m) => (
            <li key={m.id} data-testid={`processing-measure-${m.id}`}>
              {tx(`processing.security.measures.${m.id}`)}{' '}
              <Tag data-size="sm" data-color={m.inPlace ? 'success' : 'warning'}>
                {m.inPlace ? t('processing.security.inPlace') : t('processing.security.notInPlace')}
              </Tag>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

function AutomaticRow({ item, record }: { item: AutomaticSubProcessor; record: ProcessingRecord }) {
  const { t } = useTranslation();
  const tx = useLooseT();
  const host = (h: string | null) => (h ? t('processing.subProcessors.host', { host: h }) : null);
  const join = (...parts: (string | null)[]) => parts.filter(Boolean).join(' · ');
  let name: string;
  let purpose: string;
  let status: string;
  switch (item.kind) {
    case 'database':
      name = tx(`processing.subProcessors.database.${item.database}`);
      purpose = t('processing.subProcessors.database.purpose');
      status = join(host(item.host)) || '–';
      break;
    case 'smtp':
      name = t('processing.subProcessors.smtp.name');
      purpose = t('processing.subProcessors.smtp.purpose');
      status = item.configured
        ? join(t('processing.subProcessors.smtp.configured'), host(item.host))
        : t('processing.subProcessors.smtp.notConfigured');
      break;
    case 'objectStorage':
      name = tx(`processing.subProcessors.objectStorage.${item.storage}`);
      purpose = t('processing.subProcessors.objectStorage.purpose');
      status =
        join(
          host(item.host),
          item.region ? t('processing.subProcessors.region', { region: item.region }) : null,
        ) || '–';
      break;
    case 'identityProvider': {
      const client = record.controllers.find((c) => c.id === item.clientId)?.name;
      name =
        tx(`processing.subProcessors.identityProvider.${item.provider}`) + (client ? ` (${client})` : '');
      purpose = t('processing.subProcessors.identityProvider.purpose');
      status = join(
        item.enabled
          ? t('processing.subProcessors.identityProvider.enabled')
          : t('processing.subProcessors.identityProvider.disabled'),
        host(item.host),
      );
      break;
    }
  }
  return (
    <Table.Row data-testid={`processing-automatic-${item.kind}`}>
      <Table.HeaderCell scope="row">{name}</Table.HeaderCell>
      <Table.Cell>{purpose}</Table.Cell>
      <Table.Cell>{status}</Table.Cell>
    </Table.Row>
  );
}
