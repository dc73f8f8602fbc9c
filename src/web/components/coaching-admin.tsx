import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoachingView } from '../../contracts/coaching';
import { formatDateTime, formatNumber, formatTime } from '../format';
import { useLocale } from '../session';

type Overview = NonNullable<CoachingView['overview']>;

/** The provider admin's coaching: hours per advisor and every booking. Never notes. */
export function CoachingAdminOverview({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const perId = useId();
  const bookId = useId();
  const n = (x: number) => formatNumber(x, locale);
  return (
    <>
      <section className="app-section" aria-labelledby={perId} data-testid="coaching-per-advisor">
        <Heading level={2} data-size="sm" id={perId}>
          {t('coaching.admin.perAdvisorHeading')}
        </Heading>
        <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={perId}>
          <Table className="app-table" data-color="neutral" border>
            <caption className="ds-sr-only">{t('coaching.admin.perAdvisorCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('coaching.admin.advisor')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('coaching.admin.open')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('coaching.admin.booked')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('coaching.admin.held')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('coaching.admin.hours')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('coaching.admin.late')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('coaching.admin.noShow')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {overview.perAdvisor.map((p) => (
                <Table.Row key={p.advisor?.id ?? '-'}>
                  <Table.HeaderCell scope="row">{p.advisor?.name ?? '–'}</Table.HeaderCell>
                  <Table.Cell>{n(p.open)}</Table.Cell>
                  <Table.Cell>{n(p.booked)}</Table.Cell>
                  <Table.Cell>{n(p.held)}</Table.Cell>
                  <Table.Cell>{n(p.heldHours)}</Table.Cell>
                  <Table.Cell>{n(p.cancelledLate)}</Table.Cell>
                  <Table.Cell>{n(p.noShow)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>
      <section className="app-section" aria-labelledby={bookId} data-testid="coaching-bookings">
        <Heading level={2} data-size="sm" id={bookId}>
          {t('coaching.admin.bookingsHeading')}
        </Heading>
        {overview.sessions.length === 0 ? (
          <Paragraph>{t('coaching.admin.none')}</Paragraph>
        ) : (
          <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={bookId}>
            <Table className="app-table" data-color="neutral" border>
              <caption className="ds-sr-only">{t('coaching.admin.bookingsCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('coaching.admin.when')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('coaching.admin.leader')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('coaching.admin.advisor')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('coaching.admin.mode')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('coaching.admin.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {overview.sessions.map((s) => (
                  <Table.Row key={s.id}>
                    <Table.Cell>
                      {formatDateTime(s.start, locale)}–{formatTime(s.end, locale)}
                    </Table.Cell>
                    <Table.HeaderCell scope="row">{s.participant?.name ?? '–'}</Table.HeaderCell>
                    <Table.Cell>{s.advisor?.name ?? '–'}</Table.Cell>
                    <Table.Cell>{t(`coaching.modes.${s.mode}`)}</Table.Cell>
                    <Table.Cell>{t(`coaching.statuses.${s.status}`)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
