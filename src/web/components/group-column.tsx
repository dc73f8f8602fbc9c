import { Button, Card, Heading, Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupMember, GroupMix as Mix } from '../../contracts/groups';
import type { ChipColor } from '../groups';
import { formatNumber } from '../format';
import { useLocale } from '../session';
import { GroupMix } from './group-mix';

const DRAG_TYPE = 'application/x-lederprogram-participant';

export interface ColumnTarget {
  /** Group number, or null for "not in a group". */
  number: number | null;
  label: string;
}

/**
 * One group (or the "not placed" list) as a column of people. People move by drag and drop, and
 * by keyboard through each person's "Move to…" menu; a person can be locked in place.
 */
export function GroupColumn({
  number,
  title,
  members,
  size,
  score,
  mix,
  editable,
  targets,
  sizeProblem,
  problems = [],
  sectorColour,
  levelLabel,
  onMove,
  onToggleLock,
}: {
  number: number | null;
  title: string;
  members: (GroupMember & { locked: boolean })[];
  size: { min: number; max: number } | null;
  score: number | null;
  mix: Mix | null;
  editable: boolean;
  targets: ColumnTarget[];
  sizeProblem: boolean;
  /** Broken rules about this group, in words (a save the server refused): shown in red. */
  problems?: string[];
  sectorColour: (value: string) => ChipColor;
  levelLabel: (value: string) => string;
  onMove: (participantId: string, to: number | null) => void;
  onToggleLock: (participantId: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [over, setOver] = useState(false);
  const headingId = `group-${number ?? 'none'}-heading`;
  return (
    <Card
      data-color={over ? 'accent' : 'neutral'}
      variant={number === null ? 'tinted' : 'default'}
      aria-labelledby={headingId}
      data-testid={number === null ? 'group-unassigned' : `group-${number}`}
      style={{ display: 'flex', flexDirection: 'column', gap: '0.75rem', minWidth: 0 }}
      onDragOver={
        editable
          ? (e: React.DragEvent) => {
              if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              setOver(true);
            }
          : undefined
      }
      onDragLeave={editable ? () => setOver(false) : undefined}
      onDrop={
        editable
          ? (e: React.DragEvent) => {
              e.preventDefault();
              setOver(false);
              const id = e.dataTransfer.getData(DRAG_TYPE);
              if (id) onMove(id, number);
            }
          : undefined
      }
    >
      <Heading level={2} data-size="xs" id={headingId}>
        {title}
      </Heading>
      <Paragraph data-size="sm" style={{ margin: 0 }}>
        <span data-testid="group-size">{t('groupsPage.people', { count: members.length })}</span>
        {score !== null ? (
          <>
            {' · '}
            <span data-testid="group-score">
              {t('groupsPage.groupScore', { score: formatNumber(score, locale) })}
            </span>
          </>
        ) : null}
      </Paragraph>
      {sizeProblem && size ? (
        <Paragraph data-size="sm" style={{ margin: 0, color: 'var(--ds-color-danger-text-default)' }}>
          {t('groupsPage.sizeProblem', { count: members.length, min: size.min, max: size.max })}
        </Paragraph>
      ) : null}
      {problems.length > 0 ? (
        <ul
          data-testid="group-problems"
          style={{ margin: 0, paddingInlineStart: '1.25rem', color: 'var(--ds-color-danger-text-default)' }}
        >
          {problems.map((p, i) => (
            <li key={i}>
              <Paragraph data-size="sm" style={{ margin: 0, color: 'inherit' }}>
                {p}
              </Paragraph>
            </li>
          ))}
        </ul>
      ) : null}
      {mix && members.length > 0 ? (
        <GroupMix mix={mix} sectorColour={sectorColour} levelLabel={levelLabel} />
      ) : null}
      {members.length === 0 ? (
        <Paragraph data-size="sm" className="app-subtle" style={{ margin: 0 }}>
          {editable ? t('groupsPage.emptyGroupEditable') : t('groupsPage.emptyGroup')}
        </Paragraph>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '0.5rem' }}>
          {members.map((m) => (
            <li key={m.participantId}>
              <PersonCard
                member={m}
                current={number}
                editable={editable}
                targets={targets}
                sectorColour={sectorColour}
                levelLabel={levelLabel}
                onMove={onMove}
                onToggleLock={onToggleLock}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function PersonCard({
  member,
  current,
  editable,
  targets,
  sectorColour,
  levelLabel,
  onMove,
  onToggleLock,
}: {
  member: GroupMember & { locked: boolean };
  current: number | null;
  editable: boolean;
  targets: ColumnTarget[];
  sectorColour: (value: string) => ChipColor;
  levelLabel: (value: string) => string;
  onMove: (participantId: string, to: number | null) => void;
  onToggleLock: (participantId: string) => void;
}) {
  const { t } = useTranslation();
  const movable = editable && !member.locked && member.pinnedGroup === null;
  return (
    <div
      draggable={movable}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, member.participantId);
        e.dataTransfer.effectAllowed = 'move';
      }}
      data-testid="group-person"
      data-participant={member.participantId}
      style={{
        border: '1px solid var(--ds-color-neutral-border-subtle)',
        borderRadius: 'var(--ds-border-radius-md)',
        padding: '0.5rem',
        background: 'var(--ds-color-neutral-background-default)',
        cursor: movable ? 'grab' : undefined,
        display: 'grid',
        gap: '0.25rem',
      }}
    >
      <strong>{member.name}</strong>
      {member.title ? <span data-size="sm">{member.title}</span> : null}
      <span style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem' }}>
        {member.sector ? (
          <Tag data-color={sectorColour(member.sector)} data-size="sm">
            {member.sector}
          </Tag>
        ) : null}
        <Tag data-color="neutral" variant="outline" data-size="sm">
          {levelLabel(member.level)}
        </Tag>
        {member.locked ? (
          <Tag data-color="warning" data-size="sm">
            {t('groupsPage.locked')}
          </Tag>
        ) : null}
        {member.pinnedGroup !== null ? (
          <Tag data-color="warning" data-size="sm">
            {t('groupsPage.pinned', { number: member.pinnedGroup })}
          </Tag>
        ) : null}
      </span>
      {editable ? (
        <span style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center' }}>
          {member.pinnedGroup === null ? (
            <Select
              data-size="sm"
              aria-label={t('groupsPage.moveLabel', { name: member.name })}
              value=""
              disabled={member.locked}
              onChange={(e) => {
                const value = e.target.value;
                if (value === '') return;
                onMove(member.participantId, value === 'none' ? null : Number(value));
              }}
              style={{ width: 'auto', flex: '1 1 8rem' }}
            >
              <Select.Option value="">{t('groupsPage.moveTo')}</Select.Option>
              {targets
                .filter((g) => g.number !== current)
                .map((g) => (
                  <Select.Option
                    key={g.number ?? 'none'}
                    value={g.number === null ? 'none' : String(g.number)}
                  >
                    {g.label}
                  </Select.Option>
                ))}
            </Select>
          ) : null}
          {current !== null ? (
            <Button
              variant="tertiary"
              data-size="sm"
              aria-pressed={member.locked}
              aria-label={t(member.locked ? 'groupsPage.unlockLabel' : 'groupsPage.lockLabel', {
                name: member.name,
              })}
              onClick={() => onToggleLock(member.participantId)}
            >
              {member.locked ? t('groupsPage.unlock') : t('groupsPage.lock')}
            </Button>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}
