import { Alert, Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  GroupMember,
  GroupViolation,
  MemberGroupView,
  Proposal,
  StaffGroupsView,
} from '../../contracts/groups';
import { type ProgrammeDetail, isApiError } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { type ColumnTarget, GroupColumn } from '../components/group-column';
import { GroupKeepApart } from '../components/group-keep-apart';
import { GroupSettingsForm } from '../components/group-settings';
import { GroupSpaceLink, GroupSpaceOverview } from '../components/group-space-overview';
import { PageLoading } from '../components/loading';
import { ProgrammePageHead } from '../components/programme-page-head';
import { formatNumber, formatPercent } from '../format';
import {
  type Draft,
  colourScale,
  draftOf,
  fromProposal,
  movePerson,
  toggleLock,
  useGroupCheck,
  useGroups,
  useProposeGroups,
  useSaveGroups,
  withGroupCount,
} from '../groups';
import { useLocale } from '../session';

/**
 * `/programmes/:programmeId/groups`: staff arrange the network groups (columns, move by drag or
 * keyboard, lock, propose, save); the client admin reads them; a participant sees only their own
 * group with the members' contact details.
 */
export function GroupsPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const groups = useGroups(programme.id);
  const member = groups.data?.view === 'member';
  return (
    <div className="app-page">
      <ProgrammePageHead
        programme={programme}
        title={member ? t('groupsPage.myTitle') : t('groupsPage.title')}
        path={`/programmes/${programme.id}/groups`}
        lead={
          member
            ? t('groupsPage.myIntro')
            : groups.data?.view === 'staff' && !groups.data.canEdit
              ? t('groupsPage.readIntro')
              : t('groupsPage.intro')
        }
      />
      {groups.isPending ? (
        <PageLoading />
      ) : groups.isError ? (
        <ErrorAlert error={groups.error} />
      ) : groups.data.view === 'member' ? (
        <>
          {groups.data.group ? <GroupSpaceLink programmeId={programme.id} /> : null}
          <MyGroup view={groups.data} />
        </>
      ) : (
        <>
          <GroupBoard programme={programme} view={groups.data} />
          <GroupSpaceOverview programmeId={programme.id} />
        </>
      )}
    </div>
  );
}

function MyGroup({ view }: { view: MemberGroupView }) {
  const { t } = useTranslation();
  if (!view.group) return <Paragraph>{t('groupsPage.notInGroup')}</Paragraph>;
  const { group } = view;
  return (
    <section className="app-section" aria-labelledby="my-group-heading" data-testid="my-group">
      <Heading level={2} data-size="sm" id="my-group-heading">
        {t('groupsPage.myGroupHeading', { name: group.name, count: group.members.length })}
      </Heading>
      <ul
        style={{
          listStyle: 'none',
          padding: 0,
          margin: 0,
          display: 'grid',
          gap: '1rem',
          gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))',
        }}
      >
        {group.members.map((m) => (
          <li key={m.participantId}>
            <Card data-color="neutral" style={{ height: '100%' }}>
              <Heading level={3} data-size="2xs">
                {m.me ? t('groupsPage.me', { name: m.name }) : m.name}
              </Heading>
              {m.title || m.unit ? (
                <Paragraph data-size="sm">{[m.title, m.unit].filter(Boolean).join(', ')}</Paragraph>
              ) : null}
              <Paragraph data-size="sm" style={{ overflowWrap: 'anywhere' }}>
                <Link href={`mailto:${m.email}`}>{m.email}</Link>
                {m.phone ? (
                  <>
                    <br />
                    <Link href={`tel:${m.phone.replace(/\s+/g, '')}`}>{m.phone}</Link>
                  </>
                ) : null}
              </Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The sentence for a broken rule, naming the people. */
function violationText(
  v: GroupViolation,
  say: (rule: GroupViolation['rule'], vars: Record<string, string | number>) => string,
  ctx: { min: number; max: number; expected: number; count: number },
) {
  const names = v.people.map((p) => p.name);
  const [first = '', second = ''] = names;
  const list = names.join(', ');
  const group = v.group ?? 0;
  switch (v.rule) {
    case 'reportsTo':
      return say('reportsTo', { person: first, leader: second, group });
    case 'keepApart':
      return say('keepApart', { a: first, b: second, group });
    case 'groupSize':
      return say('groupSize', { group, count: names.length, min: ctx.min, max: ctx.max });
    case 'groupCount':
      return say('groupCount', { count: ctx.count, expected: ctx.expected });
    case 'pinned':
      return say('pinned', { name: list, group });
    case 'unassigned':
      return say('unassigned', { names: list });
    case 'duplicate':
      return say('duplicate', { name: list });
    case 'unknownPerson':
      return say('unknownPerson', { name: list });
  }
}

function GroupBoard({ programme, view }: { programme: ProgrammeDetail; view: StaffGroupsView }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [proposal, setProposal] = useState<{ proposal: Proposal; draft: Draft | null } | null>(null);
  const [seed, setSeed] = useState(1);
  const [announcement, setAnnouncement] = useState('');
  const check = useGroupCheck(programme.id, draft);
  const propose = useProposeGroups(programme.id);
  const save = useSaveGroups(programme.id);
  const { settings } = view;
  const editable = view.canEdit;
  const groupName = (n: number) => t('groupsPage.groupName', { number: n });

  const people = useMemo(() => {
    const map = new Map<string, GroupMember>();
    for (const g of view.groups) for (const m of g.members) map.set(m.participantId, m);
    for (const m of view.unassigned) map.set(m.participantId, m);
    return map;
  }, [view]);
  const sectorColour = useMemo(() => colourScale([...people.values()].map((p) => p.sector ?? '')), [people]);
  const levelLabel = (level: string) =>
    i18n.exists(`levels.${level}`) ? t(`levels.${level}` as 'levels.other') : level;

  const current: Draft = withGroupCount(draft ?? draftOf(view), settings.count, groupName);
  const placed = new Set(current.flatMap((g) => g.members.map((m) => m.participantId)));
  const unassigned = [...people.values()].filter((p) => !placed.has(p.participantId));

  const checked = draft ? check.data : null;
  const score = draft ? (checked?.score ?? null) : view.score;
  const violations = draft ? (checked?.violations ?? []) : view.violations;
  const mixOf = (n: number) =>
    draft
      ? (checked?.groups.find((g) => g.number === n) ?? null)
      : (view.groups.find((g) => g.number === n) ?? null);
  const hasSaved = view.groups.length > 0;
  const dirty = draft !== null;
  const checking = dirty && (check.isFetching || !checked);
  const proven =
    score !== null &&
    violations.length === 0 &&
    ((proposal?.draft === draft && draft !== null && proposal.proposal.optimal) ||
      (view.bound !== null && score >= view.bound - 1e-9));
  const sizeBroken = new Set(violations.filter((v) => v.rule === 'groupSize').map((v) => v.group));

  const targets: ColumnTarget[] = [
    ...current.map((g) => ({ number: g.number, label: g.name })),
    { number: null, label: t('groupsPage.unassigned') },
  ];

  const change = (next: Draft, message: string) => {
    save.reset();
    setDraft(withGroupCount(next, settings.count, groupName));
    setAnnouncement(message);
  };
  const onMove = (participantId: string, to: number | null) => {
    const name = people.get(participantId)?.name ?? '';
    const label = targets.find((g) => g.number === to)?.label ?? '';
    change(movePerson(current, participantId, to), t('groupsPage.moved', { name, group: label }));
    // Keyboard users keep their place: focus follows the person to their new group.
    window.requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-participant="${participantId}"] select`)?.focus(),
    );
  };
  const onToggleLock = (participantId: string) => {
    const name = people.get(participantId)?.name ?? '';
    const wasLocked = current.some((g) =>
      g.members.some((m) => m.participantId === participantId && m.locked),
    );
    change(
      toggleLock(current, participantId),
      t(wasLocked ? 'groupsPage.unlockedMessage' : 'groupsPage.lockedMessage', { name }),
    );
  };
  const onPropose = () => {
    setAnnouncement('');
    propose.mutate(
      { seed, ...(draft || hasSaved ? { groups: current } : {}) },
      {
        onSuccess: (p) => {
          setSeed((s) => s + 1);
          if (p.infeasible) {
            setProposal({ proposal: p, draft: null });
            setAnnouncement(t('groupsPage.proposalFailed'));
            return;
          }
          const next = fromProposal(p);
          setProposal({ proposal: p, draft: next });
          setDraft(next);
          setAnnouncement(t('groupsPage.proposed', { score: formatNumber(p.score, locale) }));
        },
      },
    );
  };
  const onSave = () => {
    save.mutate(current, {
      onSuccess: () => {
        setDraft(null);
        setProposal(null);
        setAnnouncement(t('groupsPage.savedMessage'));
      },
    });
  };
  const onDiscard = () => {
    setDraft(null);
    setProposal(null);
    setAnnouncement(t('groupsPage.discarded'));
  };

  const infeasible = proposal?.proposal.infeasible ?? null;
  const say = (rule: GroupViolation['rule'], vars: Record<string, string | number>): string =>
    t(`groupsPage.violations.${rule}`, vars);
  const ctx = { min: settings.min, max: settings.max, expected: settings.count, count: current.length };
  // A save the server refused (400 with the broken rules): each rule in red, in the list and in
  // the column of the group it is about.
  const refused = save.isError ? refusedViolations(save.error) : null;
  const refusedIn = (n: number) =>
    (refused ?? []).filter((v) => v.group === n).map((v) => violationText(v, say, ctx));

  return (
    <>
      <section className="app-section" aria-label={t('groupsPage.summaryHeading')}>
        <Paragraph data-testid="groups-score" data-checking={checking ? 'true' : 'false'}>
          {score === null
            ? t('groupsPage.scoreChecking')
            : view.bound === null
              ? t('groupsPage.scoreNoBound', { score: formatNumber(score, locale) })
              : t('groupsPage.score', {
                  score: formatNumber(score, locale),
                  bound: formatNumber(view.bound, locale),
                })}{' '}
          {proven ? (
            <Tag data-color="success" data-size="sm" data-testid="groups-optimal">
              {t('groupsPage.optimal')}
            </Tag>
          ) : proposal?.draft === draft && draft !== null && proposal.proposal.gap !== null ? (
            <Tag data-color="neutral" data-size="sm">
              {t('groupsPage.gap', { gap: formatPercent(proposal.proposal.gap, locale) })}
            </Tag>
          ) : null}
        </Paragraph>
        <Paragraph data-size="sm">
          {t('groupsPage.settingsSummary', { count: settings.count, min: settings.min, max: settings.max })}
        </Paragraph>
        {editable ? (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center' }}>
            <Button onClick={onPropose} loading={propose.isPending} data-testid="groups-propose">
              {t('groupsPage.propose')}
            </Button>
            <Button
              variant="secondary"
              onClick={onSave}
              loading={save.isPending}
              disabled={!dirty || checking || violations.length > 0}
              data-testid="groups-save"
            >
              {t('groupsPage.save')}
            </Button>
            {dirty ? (
              <>
                <Button variant="tertiary" onClick={onDiscard}>
                  {t('groupsPage.discard')}
                </Button>
                <Tag data-color="warning" data-testid="groups-unsaved">
                  {t('groupsPage.unsaved')}
                </Tag>
              </>
            ) : null}
          </div>
        ) : (
          <Paragraph data-size="sm">{t('groupsPage.readOnly')}</Paragraph>
        )}
        {editable ? <Paragraph data-size="sm">{t('groupsPage.howToMove')}</Paragraph> : null}
        <Paragraph aria-live="polite" aria-atomic="true" data-testid="groups-announcement" data-size="sm">
          {announcement}
        </Paragraph>
        {propose.isError ? <ErrorAlert error={propose.error} /> : null}
        {refused ? (
          <Alert data-color="danger" data-testid="groups-save-refused">
            <Heading level={3} data-size="2xs">
              {t('groupsPage.saveRefused')}
            </Heading>
            <ul>
              {refused.map((v, i) => (
                <li key={i}>{violationText(v, say, ctx)}</li>
              ))}
            </ul>
          </Alert>
        ) : save.isError ? (
          <ErrorAlert error={save.error} />
        ) : null}
        {check.isError && dirty ? <ErrorAlert error={check.error} /> : null}
        {infeasible ? (
          <Alert data-color="warning" data-testid="groups-infeasible">
            <Heading level={3} data-size="2xs">
              {t('groupsPage.infeasibleHeading')}
            </Heading>
            <ul>
              {infeasible.problems.map((p, i) => (
                <li key={i}>
                  {t(`groupsPage.infeasible.${infeasibleKey(p.rule)}`, {
                    names: p.people.map((x) => x.name).join(', '),
                    group: p.group ?? '',
                    count: people.size,
                    groups: settings.count,
                    min: settings.min,
                    max: settings.max,
                  })}
                </li>
              ))}
            </ul>
            {infeasible.suggestions.length > 0 ? (
              <>
                <Paragraph>{t('groupsPage.suggestionsIntro')}</Paragraph>
                <ul>
                  {infeasible.suggestions.map((s, i) => (
                    <li key={i}>
                      {t('groupsPage.suggestion', {
                        groups: s.groups,
                        min: s.min,
                        max: s.max,
                        sizes: s.sizes.join(' + '),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Alert>
        ) : null}
        {violations.length > 0 ? (
          <Alert data-color="danger" data-testid="groups-violations">
            <Heading level={3} data-size="2xs">
              {t('groupsPage.violationsHeading', { count: violations.length })}
            </Heading>
            <ul>
              {violations.map((v, i) => (
                <li key={i}>{violationText(v, say, ctx)}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {!hasSaved && !dirty ? <Paragraph>{t('groupsPage.noGroupsYet')}</Paragraph> : null}
      </section>

      <div
        data-testid="groups-board"
        style={{
          display: 'grid',
          gap: '1rem',
          gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))',
          alignItems: 'start',
          marginBlock: '1rem',
        }}
      >
        {current.map((g) => {
          const described = mixOf(g.number);
          return (
            <GroupColumn
              key={g.number}
              number={g.number}
              title={g.name}
              members={g.members.flatMap((m) => {
                const p = people.get(m.participantId);
                return p ? [{ ...p, locked: m.locked }] : [];
              })}
              size={settings}
              score={described?.score ?? null}
              mix={described?.mix ?? null}
              editable={editable}
              targets={targets}
              sizeProblem={sizeBroken.has(g.number)}
              problems={refusedIn(g.number)}
              sectorColour={sectorColour}
              levelLabel={levelLabel}
              onMove={onMove}
              onToggleLock={onToggleLock}
            />
          );
        })}
        {unassigned.length > 0 ? (
          <GroupColumn
            number={null}
            title={t('groupsPage.unassigned')}
            members={unassigned.map((p) => ({ ...p, locked: false }))}
            size={null}
            score={null}
            mix={null}
            editable={editable}
            targets={targets}
            sizeProblem={false}
            sectorColour={sectorColour}
            levelLabel={levelLabel}
            onMove={onMove}
            onToggleLock={onToggleLock}
          />
        ) : null}
      </div>

      {editable ? (
        <GroupSettingsForm
          programmeId={programme.id}
          settings={settings}
          onSaved={(s) => {
            if (draft) setDraft(withGroupCount(draft, s.count, groupName));
          }}
        />
      ) : null}
      <GroupKeepApart
        programmeId={programme.id}
        pairs={view.keepApart}
        people={[...people.values()].map((p) => ({ id: p.participantId, name: p.name }))}
        editable={editable}
      />
    </>
  );
}

/** The broken rules of a save the server refused (its 400 body), or null for any other error. */
function refusedViolations(error: unknown): GroupViolation[] | null {
  if (!isApiError(error) || error.status !== 400) return null;
  const body = error.body as { violations?: unknown } | undefined;
  return Array.isArray(body?.violations) && body.violations.length > 0
    ? (body.violations as GroupViolation[])
    : null;
}

const INFEASIBLE_KEYS = [
  'sizes',
  'pinOutOfRange',
  'pinCapacity',
  'pinnedApart',
  'apartCapacity',
  'search',
] as const;
type InfeasibleKey = (typeof INFEASIBLE_KEYS)[number] | 'other';
function infeasibleKey(rule: string): InfeasibleKey {
  return (INFEASIBLE_KEYS as readonly string[]).includes(rule) ? (rule as InfeasibleKey) : 'other';
}
