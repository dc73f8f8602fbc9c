import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent, PlanMessage } from '../api';
import { useLocale } from '../session';
import { type LooseT, renderPlanMessage } from './plan-message-text';

export function usePlanMessageText(): (m: PlanMessage) => string {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  return (m) => renderPlanMessage(m, t as unknown as LooseT, (key) => i18n.exists(key), locale);
}

/** "Samling 2", "Nettverksmøte 1 – Gruppe 3", "Veiledning 4 – Kari Nordmann", or "Veiledning". */
export function useEventTitle(): (e: Pick<CalendarEvent, 'type' | 'index' | 'group' | 'leader'>) => string {
  const { t } = useTranslation();
  return (e) => {
    switch (e.type) {
      case 'gathering':
        return t('planPage.eventTitle.gathering', { index: e.index });
      case 'networkMeeting':
        return t('planPage.eventTitle.networkMeeting', { index: e.index, group: e.group?.name ?? '' });
      case 'coaching':
        return e.leader
          ? t('planPage.eventTitle.coaching', { index: e.index, leader: e.leader.name })
          : t('planPage.eventTitle.coachingAnonymous');
    }
  };
}

/** A titled list of planner messages in an alert of the given colour; nothing when empty. */
export function PlanMessageList({
  title,
  messages,
  color,
  testId,
}: {
  title: string;
  messages: PlanMessage[];
  color: 'danger' | 'warning' | 'info' | 'success';
  testId?: string;
}) {
  const text = usePlanMessageText();
  if (messages.length === 0) return null;
  return (
    <Alert data-color={color} data-testid={testId}>
      <Heading level={3} data-size="xs">
        {title}
      </Heading>
      {messages.length === 1 ? (
        <Paragraph>{text(messages[0]!)}</Paragraph>
      ) : (
        <ul>
          {messages.map((m, i) => (
            <li key={`${m.code}-${i}`}>{text(m)}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
