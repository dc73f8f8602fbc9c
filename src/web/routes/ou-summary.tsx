import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Locale, OuSummary, ProgrammeDetail } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { NotFound } from '../components/not-found';
import { ProgrammeGate } from '../components/programme-gate';
import { ProgrammePageHead } from '../components/programme-page-head';
import { RouterLink } from '../components/router-link';
import { formatDate, formatKroner, formatNumber, formatPercent } from '../format';
import { GOALS_MAX_LENGTH, downloadOuSummaryPdf, ouSummaryPath, useOuSummary, useUpdateGoals } from '../ou';
import { useLocale } from '../session';
import './ou-summary.css';

/** `/programmes/:programmeId/ou`: the OU-midler summary, for the provider admin and the client admin. */
export function OuSummaryRoute() {
  const { programmeId } = useParams();
  return (
    <ProgrammeGate programmeId={programmeId}>
      {(programme) =>
        programme.roles.includes('provider_admin') || programme.roles.includes('client_admin') ? (
          <OuSummaryPage programme={programme} />
        ) : (
          <NotFound />
        )
      }
    </ProgrammeGate>
  );
}

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
function useLooseT() {
  const { t } = useTranslation();
  return t as unknown as (key: string, vars?: Record<string, unknown>) => string;
}

type Unit = 'group' | 'meeting' | 'session' | 'hour' | 'leader' | 'advisorDay';

export function OuSummaryPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const summary = useOuSummary(programme.id, locale);
  const [pdf, setPdf] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const download = async () => {
    setPdf({ busy: true, error: null });
    try {
      await downloadOuSummaryPdf(programme.id, locale);
      setPdf({ busy: false, error: null });
    } catch (error) {
      setPdf({ busy: false, error });
    }
  };
  const path = ouSummaryPath(programme.id);
  return (
    <div className="app-page app-ou" data-testid="ou-summary">
      <ProgrammePageHead
        programme={programme}
        title={t('ouSummary.title')}
        path={path}
        lead={t('ouSummary.lead')}
      />
      <div className="app-ou__actions">
        <Button
          variant="primary"
          data-testid="ou-pdf"
          disabled={pdf.busy}
          aria-busy={pdf.busy || undefined}
          onClick={() => void download()}
        >
          {pdf.busy ? t('ouSummary.pdfBusy') : t('ouSummary.pdf')}
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          {t('ouSummary.print')}
        </Button>
      </div>
      {pdf.error ? <ErrorAlert error={pdf.error} /> : null}
      {summary.isPending ? <PageLoading /> : null}
      {summary.isError ? <ErrorAlert error={summary.error} /> : null}
      {summary.data ? <SummaryBody summary={summary.data} programme={programme} locale={locale} /> : null}
    </div>
  );
}

function SummaryBody({
  summary,
  programme,
  locale,
}: {
  summary: OuSummary;
  programme: ProgrammeDetail;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const tx = useLooseT();
  const counted = (n: number, unit: Unit) =>
    `${formatNumber(n, locale)} ${tx(`quote.units.${unit}.${n === 1 ? 'one' : 'other'}`)}`;
  const money = (kroner: number) => formatKroner(kroner, locale);
  const { startsOn, endsOn } = summary.programme;
  const { networkGroups, coaching } = summary.content;
  const budget = summary.budget;

  return (
    <>
      <dl className="app-ou__facts" data-testid="ou-facts">
        <dt>{t('ouSummary.applicant')}</dt>
        <dd>{summary.client.name}</dd>
        <dt>{t('ouSummary.programme')}</dt>
        <dd>{summary.programme.name}</dd>
        <dt>{t('ouSummary.period')}</dt>
        <dd>
          {startsOn && endsOn
            ? t('ouSummary.periodValue', {
                from: formatDate(startsOn, locale),
                to: formatDate(endsOn, locale),
              })
            : t('ouSummary.notSet')}
        </dd>
        <dt>{t('ouSummary.provider')}</dt>
        <dd>{summary.provider.name}</dd>
      </dl>

      <GoalsSection summary={summary} programmeId={programme.id} />

      <section className="app-section" aria-labelledby="ou-target-heading">
        <Heading level={2} data-size="sm" id="ou-target-heading">
          {t('ouSummary.targetGroup.heading')}
        </Heading>
        {summary.targetGroup.total === 0 ? (
          <Paragraph>{t('ouSummary.targetGroup.none')}</Paragraph>
        ) : (
          <>
            <Paragraph>{t('ouSummary.targetGroup.total', { count: summary.targetGroup.total })}</Paragraph>
            <TableWrap label={t('ouSummary.targetGroup.heading')}>
              <Table data-testid="ou-target-group">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('ouSummary.targetGroup.level')}</Table.HeaderCell>
                    <Table.HeaderCell className="app-ou__amount">
                      {t('ouSummary.targetGroup.count')}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {summary.targetGroup.byLevel.map((l) => (
                    <Table.Row key={l.level}>
                      <Table.Cell>{l.label}</Table.Cell>
                      <Table.Cell className="app-ou__amount">{formatNumber(l.count, locale)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
                <Table.Foot>
                  <Table.Row>
                    <Table.HeaderCell scope="row">{t('ouSummary.targetGroup.totalRow')}</Table.HeaderCell>
                    <Table.Cell className="app-ou__amount">
                      <strong>{formatNumber(summary.targetGroup.total, locale)}</strong>
                    </Table.Cell>
                  </Table.Row>
                </Table.Foot>
              </Table>
            </TableWrap>
          </>
        )}
      </section>

      <section className="app-section" aria-labelledby="ou-content-heading">
        <Heading level={2} data-size="sm" id="ou-content-heading">
          {t('ouSummary.content.heading')}
        </Heading>
        <Heading level={3} data-size="xs">
          {t('ouSummary.content.gatheringsHeading')}
        </Heading>
        {summary.content.gatherings.length === 0 ? (
          <Paragraph>{t('ouSummary.content.noGatherings')}</Paragraph>
        ) : (
          <TableWrap label={t('ouSummary.content.gatheringsHeading')}>
            <Table data-testid="ou-gatherings">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('ouSummary.content.number')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('ouSummary.content.theme')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('ouSummary.content.format')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('ouSummary.content.date')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {summary.content.gatherings.map((g) => (
                  <Table.Row key={g.number}>
                    <Table.Cell>{formatNumber(g.number, locale)}</Table.Cell>
                    <Table.Cell>
                      {g.theme}
                      {g.goal ? (
                        <>
                          <br />
                          <small>{t('ouSummary.content.goal', { goal: g.goal })}</small>
                        </>
                      ) : null}
                    </Table.Cell>
                    <Table.Cell>{g.formatLabel}</Table.Cell>
                    <Table.Cell>
                      {g.startsAt ? formatDate(g.startsAt, locale) : t('ouSummary.content.dateNotSet')}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
        )}
        {networkGroups || coaching ? (
          <>
            <Heading level={3} data-size="xs">
              {t('ouSummary.content.otherHeading')}
            </Heading>
            <ul>
              {networkGroups ? (
                <li>
                  {t('ouSummary.content.networkGroups', {
                    groups: counted(networkGroups.groups, 'group'),
                    meetings: counted(networkGroups.facilitatedMeetingsPerGroup, 'meeting'),
                    total: counted(networkGroups.facilitatedMeetings, 'meeting'),
                  })}
                </li>
              ) : null}
              {coaching ? (
                <li>
                  {t('ouSummary.content.coaching', {
                    sessions: counted(coaching.sessionsPerLeader, 'session'),
                    duration: counted(coaching.hoursPerSession, 'hour'),
                    leaders: counted(coaching.leaders, 'leader'),
                    hours: counted(coaching.hours, 'hour'),
                  })}
                </li>
              ) : null}
            </ul>
            <Paragraph data-size="sm">{t('ouSummary.content.fromBudget')}</Paragraph>
          </>
        ) : null}
      </section>

      <section className="app-section" aria-labelledby="ou-timeline-heading">
        <Heading level={2} data-size="sm" id="ou-timeline-heading">
          {t('ouSummary.timeline.heading')}
        </Heading>
        {startsOn && endsOn ? (
          <Paragraph>
            {t('ouSummary.timeline.period', {
              from: formatDate(startsOn, locale),
              to: formatDate(endsOn, locale),
            })}
          </Paragraph>
        ) : null}
        {summary.timeline.months.length === 0 ? (
          <Paragraph>{t('ouSummary.timeline.none')}</Paragraph>
        ) : (
          <>
            {summary.timeline.planned ? null : (
              <Paragraph data-size="sm">{t('ouSummary.timeline.notPlanned')}</Paragraph>
            )}
            <TableWrap label={t('ouSummary.timeline.caption')}>
              <Table data-testid="ou-timeline">
                <caption className="ds-sr-only">{t('ouSummary.timeline.caption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('ouSummary.timeline.month')}</Table.HeaderCell>
                    <Table.HeaderCell className="app-ou__amount">
                      {t('ouSummary.timeline.gatherings')}
                    </Table.HeaderCell>
                    {summary.timeline.planned ? (
                      <>
                        <Table.HeaderCell className="app-ou__amount">
                          {t('ouSummary.timeline.facilitatedMeetings')}
                        </Table.HeaderCell>
                        <Table.HeaderCell className="app-ou__amount">
                          {t('ouSummary.timeline.selfRunMeetings')}
                        </Table.HeaderCell>
                        <Table.HeaderCell className="app-ou__amount">
                          {t('ouSummary.timeline.coachingSessions')}
                        </Table.HeaderCell>
                      </>
                    ) : null}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {summary.timeline.months.map((m) => (
                    <Table.Row key={m.month}>
                      <Table.HeaderCell scope="row">{capitalise(m.label)}</Table.HeaderCell>
                      <Table.Cell className="app-ou__amount">{m.gatherings}</Table.Cell>
                      {summary.timeline.planned ? (
                        <>
                          <Table.Cell className="app-ou__amount">{m.facilitatedMeetings}</Table.Cell>
                          <Table.Cell className="app-ou__amount">{m.selfRunMeetings}</Table.Cell>
                          <Table.Cell className="app-ou__amount">{m.coachingSessions}</Table.Cell>
                        </>
                      ) : null}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableWrap>
          </>
        )}
      </section>

      <section className="app-section" aria-labelledby="ou-budget-heading" data-testid="ou-budget">
        <Heading level={2} data-size="sm" id="ou-budget-heading">
          {t('ouSummary.budget.heading')}
        </Heading>
        {budget === null ? (
          <Alert data-color="info" data-testid="ou-budget-none">
            <Paragraph>{t('ouSummary.budget.none')}</Paragraph>
            <Paragraph>
              {programme.roles.includes('provider_admin')
                ? t('ouSummary.budget.noneProvider')
                : t('ouSummary.budget.noneClient')}
            </Paragraph>
            {programme.roles.includes('provider_admin') ? (
              <Paragraph>
                <RouterLink to={`/programmes/${programme.id}/quote`}>
                  {t('ouSummary.budget.openQuote')}
                </RouterLink>
              </Paragraph>
            ) : null}
          </Alert>
        ) : (
          <>
            {budget.status === 'accepted' ? (
              <Paragraph>
                {t('ouSummary.budget.accepted', {
                  version: budget.version,
                  date: formatDate(budget.date, locale),
                })}
              </Paragraph>
            ) : (
              <Alert data-color="warning" data-testid="ou-budget-not-accepted">
                <Paragraph>
                  <Tag data-color="warning">{t('ouSummary.budget.notAccepted')}</Tag>{' '}
                  {tx(`ouSummary.budget.${budget.status}`, {
                    version: budget.version,
                    date: formatDate(budget.date, locale),
                  })}
                </Paragraph>
              </Alert>
            )}
            <TableWrap label={t('ouSummary.budget.heading')}>
              <Table data-testid="ou-budget-table">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('quote.columns.activity')}</Table.HeaderCell>
                    <Table.HeaderCell className="app-ou__amount">
                      {t('quote.columns.amount')}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {budget.lines
                    .filter((l) => !l.optional)
                    .map((l) => (
                      <Table.Row key={l.key}>
                        <Table.Cell>
                          {l.label}
                          <br />
                          <small>{l.calculation}</small>
                        </Table.Cell>
                        <Table.Cell className="app-ou__amount">{money(l.amountExVat)}</Table.Cell>
                      </Table.Row>
                    ))}
                </Table.Body>
                <Table.Foot>
                  <Table.Row>
                    <Table.HeaderCell scope="row">{t('quote.totalExVat')}</Table.HeaderCell>
                    <Table.Cell className="app-ou__amount">
                      <strong>{money(budget.totalExVat)}</strong>
                    </Table.Cell>
                  </Table.Row>
                  {budget.vatBreakdown
                    .filter((v) => v.vat !== 0 || budget.vatBreakdown.length === 1)
                    .map((v) => (
                      <Table.Row key={v.vatRate}>
                        <Table.HeaderCell scope="row">
                          {budget.vatBreakdown.length > 1
                            ? t('quote.vatOnBase', {
                                rate: formatPercent(v.vatRate, locale),
                                base: money(v.baseExVat),
                              })
                            : t('quote.vat', { rate: formatPercent(v.vatRate, locale) })}
                        </Table.HeaderCell>
                        <Table.Cell className="app-ou__amount">{money(v.vat)}</Table.Cell>
                      </Table.Row>
                    ))}
                  <Table.Row>
                    <Table.HeaderCell scope="row">{t('quote.totalIncVat')}</Table.HeaderCell>
                    <Table.Cell className="app-ou__amount">
                      <strong>{money(budget.totalIncVat)}</strong>
                    </Table.Cell>
                  </Table.Row>
                </Table.Foot>
              </Table>
            </TableWrap>
            {budget.lines.some((l) => l.optional) ? (
              <>
                <Heading level={3} data-size="xs">
                  {t('ouSummary.budget.extraHeading')}
                </Heading>
                <TableWrap label={t('ouSummary.budget.extraHeading')}>
                  <Table data-testid="ou-budget-extra">
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell>{t('quote.columns.activity')}</Table.HeaderCell>
                        <Table.HeaderCell className="app-ou__amount">
                          {t('quote.columns.amount')}
                        </Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {budget.lines
                        .filter((l) => l.optional)
                        .map((l) => (
                          <Table.Row key={l.key}>
                            <Table.Cell>
                              {l.label}
                              <br />
                              <small>{l.calculation}</small>
                            </Table.Cell>
                            <Table.Cell className="app-ou__amount">{money(l.amountExVat)}</Table.Cell>
                          </Table.Row>
                        ))}
                    </Table.Body>
                  </Table>
                </TableWrap>
              </>
            ) : null}
          </>
        )}
      </section>

      {budget ? (
        <section className="app-section" aria-labelledby="ou-grant-heading" data-testid="ou-grant">
          <Heading level={2} data-size="sm" id="ou-grant-heading">
            {t('ouSummary.grant.heading')}
          </Heading>
          <Paragraph data-size="sm">{t('ouSummary.grant.intro')}</Paragraph>
          <TableWrap label={t('ouSummary.grant.heading')}>
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('quote.columns.activity')}</Table.HeaderCell>
                  <Table.HeaderCell className="app-ou__amount">{t('quote.columns.amount')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {budget.grant.lines.map((l) => {
                  const days = counted(l.facilitatorDays, 'advisorDay');
                  return (
                    <Table.Row key={l.key}>
                      <Table.Cell>
                        {l.label}
                        <br />
                        <small>
                          {l.capped
                            ? t('quote.ou.capped', { days, cap: money(budget.grant.feeCapPerFacilitatorDay) })
                            : t('quote.ou.notCapped', { days })}
                        </small>
                      </Table.Cell>
                      <Table.Cell className="app-ou__amount">{money(l.cappedFeeBasis)}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
              <Table.Foot>
                <Table.Row>
                  <Table.HeaderCell scope="row">{t('quote.ou.cappedFeeBasis')}</Table.HeaderCell>
                  <Table.Cell className="app-ou__amount">{money(budget.grant.cappedFeeBasis)}</Table.Cell>
                </Table.Row>
                <Table.Row>
                  <Table.HeaderCell scope="row">
                    {t('quote.ou.feeGrant', { share: formatPercent(budget.grant.feeShare, locale) })}
                  </Table.HeaderCell>
                  <Table.Cell className="app-ou__amount">{money(budget.grant.feeGrant)}</Table.Cell>
                </Table.Row>
                <Table.Row>
                  <Table.HeaderCell scope="row">{t('quote.ou.travel')}</Table.HeaderCell>
                  <Table.Cell className="app-ou__amount">{money(budget.grant.travel)}</Table.Cell>
                </Table.Row>
                <Table.Row>
                  <Table.HeaderCell scope="row">{t('quote.ou.grant')}</Table.HeaderCell>
                  <Table.Cell className="app-ou__amount" data-testid="ou-grant-total">
                    <strong>{money(budget.grant.grant)}</strong>
                  </Table.Cell>
                </Table.Row>
              </Table.Foot>
            </Table>
          </TableWrap>
          <Heading level={3} data-size="xs">
            {t('ouSummary.grant.rulesHeading')}
          </Heading>
          <ul data-testid="ou-grant-rules">
            {budget.grant.rules.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The goals: a text box with save for those who may edit, the text for print and for the others. */
function GoalsSection({ summary, programmeId }: { summary: OuSummary; programmeId: string }) {
  const { t } = useTranslation();
  const update = useUpdateGoals(programmeId);
  const [text, setText] = useState(summary.goals ?? '');
  const [message, setMessage] = useState('');
  const statusId = useId();
  // A new answer from the server (another tab, a save) replaces the text when it is not being edited.
  const [loaded, setLoaded] = useState(summary.goals);
  useEffect(() => {
    if (summary.goals !== loaded) {
      setLoaded(summary.goals);
      setText(summary.goals ?? '');
    }
  }, [summary.goals, loaded]);
  const tooLong = text.trim().length > GOALS_MAX_LENGTH;
  const save = () => {
    setMessage('');
    if (tooLong) return;
    update.mutate(text, { onSuccess: () => setMessage(t('ouSummary.goals.saved')) });
  };
  return (
    <section className="app-section" aria-labelledby="ou-goals-heading">
      <Heading level={2} data-size="sm" id="ou-goals-heading">
        {t('ouSummary.goals.heading')}
      </Heading>
      {summary.canEditGoals ? (
        <form
          className="app-form app-ou__goals-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <Textfield
            multiline
            rows={10}
            name="goals"
            label={t('ouSummary.goals.label')}
            description={t('ouSummary.goals.description', { max: GOALS_MAX_LENGTH })}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setMessage('');
            }}
            counter={{
              limit: GOALS_MAX_LENGTH,
              under: t('ouSummary.goals.counterUnder'),
              over: t('ouSummary.goals.counterOver'),
            }}
            error={
              tooLong
                ? t('ouSummary.goals.tooLong', { max: GOALS_MAX_LENGTH, count: text.trim().length })
                : undefined
            }
          />
          <div>
            <Button
              type="submit"
              data-testid="ou-goals-save"
              disabled={update.isPending}
              aria-describedby={statusId}
            >
              {update.isPending ? t('ouSummary.goals.saving') : t('ouSummary.goals.save')}
            </Button>
          </div>
          <p id={statusId} role="status" className="app-ou__status" data-testid="ou-goals-status">
            {message}
          </p>
          {update.isError ? <ErrorAlert error={update.error} /> : null}
        </form>
      ) : null}
      <Paragraph className={summary.canEditGoals ? 'app-ou__goals-print app-ou__pre' : 'app-ou__pre'}>
        {summary.goals ?? t('ouSummary.goals.none')}
      </Paragraph>
    </section>
  );
}

/**
 * A table that may scroll sideways on a narrow screen: a labelled region keyboard users can focus
 * and scroll (WCAG 2.1.1).
 */
function TableWrap({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="app-ou__table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
