/**
 * Network-group life: two members of Seljord's group 1 open their group space from "Mi gruppe".
 * One saves the shared notes of meeting 1; the other, still on the older version, saves too,
 * sees the conflict with both texts side by side, and saves the merge. Then a member starts a
 * date poll (a Saturday is refused), votes and fixes the meeting with one click. axe runs on
 * each state; the page is checked at phone width.
 */
import { and, asc, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  emailOutbox,
  networkGroupMembers,
  networkGroups,
  networkMeetingNotes,
  networkMeetings,
  participants,
  programmes,
} from '../../src/db/schema/index';
import { catalogs } from '../../src/i18n';
import { expectAccessible, logIn, screenshot, settled, useHarness, type Harness } from './harness';

let h: Harness;
useHarness('group-life.e2e', (harness) => (h = harness));

const nn = catalogs.nn;

/** Seljord's group 1 and its members with a login, by name. */
async function groupOne() {
  const rows = await h.db
    .select({ p: participants, group: networkGroups })
    .from(participants)
    .innerJoin(programmes, eq(programmes.id, participants.programmeId))
    .innerJoin(networkGroupMembers, eq(networkGroupMembers.participantId, participants.id))
    .innerJoin(networkGroups, eq(networkGroups.id, networkGroupMembers.groupId))
    .where(and(like(programmes.name, '%Seljord%'), eq(networkGroups.number, 1)))
    .orderBy(asc(participants.name));
  return { group: rows[0]!.group, members: rows.map((r) => r.p) };
}

describe('network-group life', () => {
  it('merges a notes conflict, and runs a date poll to a fixed meeting', async () => {
    const { group, members } = await groupOne();
    const [anne, bjorn] = members;
    const space = `/programmes/${group.programmeId}/groups/${group.id}`;

    // Anne comes in through the groups page's link to her own group.
    const a = (await h.newPage()).page;
    await logIn(a, anne!.email);
    await a.goto(`/programmes/${group.programmeId}/groups`);
    await settled(a);
    await a.getByTestId('group-space-link').click();
    await a.waitForURL(/\/groups\/mine$/);
    await a.getByTestId('group-space').waitFor();
    await expect.poll(() => a.locator('main h1').textContent()).toContain(group.name);
    await expectAccessible(a, 'group space (member)');

    const b = (await h.newPage()).page;
    await logIn(b, bjorn!.email);
    await b.goto(space);
    await settled(b);
    await b.getByTestId('group-space').waitFor();

    // Both have meeting 1's notes (written in the demo) open on the same version.
    const notesOf = (page: typeof a) => page.getByTestId('group-meeting-1').getByTestId('group-notes');
    const fieldOf = (page: typeof a) => notesOf(page).locator('textarea').first();
    await fieldOf(a).waitFor();
    await fieldOf(b).waitFor();
    const before = await fieldOf(a).inputValue();
    expect(before).toContain('Førebuing til første møte');

    await fieldOf(a).fill(`${before}\n- Anne: vi set av ti minutt til refleksjon.`);
    await notesOf(a).getByTestId('group-notes-save').click();
    await notesOf(a)
      .getByTestId('group-notes-message')
      .filter({ hasText: nn.groupLife.notes.saved })
      .waitFor();

    await fieldOf(b).fill(`${before}\n- Bjørn: kvar tek med eit døme frå veka.`);
    await notesOf(b).getByTestId('group-notes-save').click();
    const conflict = notesOf(b).getByTestId('group-notes-conflict');
    await conflict.waitFor();
    expect(await conflict.getByTestId('group-notes-theirs').textContent()).toContain(
      'Anne: vi set av ti minutt',
    );
    expect(await conflict.getByTestId('group-notes-mine').textContent()).toContain('Bjørn: kvar tek med');
    const merged = conflict.locator('textarea');
    expect(await merged.inputValue()).toMatch(/Anne: vi set av ti minutt[\s\S]*Bjørn: kvar tek med/);
    await expectAccessible(b, 'group notes conflict');
    await screenshot(b, 'group-life-notes-conflict');
    await conflict.getByTestId('group-notes-save-merged').click();
    await notesOf(b)
      .getByTestId('group-notes-message')
      .filter({ hasText: nn.groupLife.notes.saved })
      .waitFor();
    expect(await fieldOf(b).inputValue()).toMatch(/Anne: vi set av ti minutt[\s\S]*Bjørn: kvar tek med/);
    const [first] = await h.db
      .select({ note: networkMeetingNotes })
      .from(networkMeetingNotes)
      .innerJoin(networkMeetings, eq(networkMeetings.id, networkMeetingNotes.meetingId))
      .where(and(eq(networkMeetings.groupId, group.id), eq(networkMeetings.number, 1)));
    expect(first!.note.version).toBe(4);
    expect(first!.note.text).toContain('Anne: vi set av ti minutt');
    expect(first!.note.text).toContain('Bjørn: kvar tek med');

    // A new poll: a Saturday is refused before anything is sent; two working days pass.
    const form = a.getByTestId('group-poll-form');
    const candidate = (n: number) => form.getByTestId('group-poll-candidate').nth(n);
    await candidate(0).locator('input[type="date"]').fill('2027-09-18');
    await candidate(0)
      .getByTestId('group-poll-problem')
      .filter({ hasText: nn.groupLife.poll.problems.weekend })
      .waitFor();
    await candidate(0).locator('input[type="date"]').fill('2027-09-14');
    await candidate(1).locator('input[type="date"]').fill('2027-09-15');
    await candidate(1).getByTestId('group-poll-candidate-busy').waitFor();
    await expect.poll(() => candidate(0).getByTestId('group-poll-problem').count()).toBe(0);
    await form.getByTestId('group-poll-create').click();
    await a.getByText(nn.groupLife.poll.created).waitFor();

    const poll = a.getByTestId('group-poll').filter({ hasText: 'tysdag 14. september 2027' });
    await poll.waitFor();
    await poll.getByRole('radio', { name: nn.groupLife.poll.answers.yes }).first().check();
    await poll.getByTestId('group-poll-vote').click();
    await poll.getByText(nn.groupLife.poll.votesSaved).waitFor();
    await expect.poll(() => poll.getByTestId('group-poll-counts').first().textContent()).toContain('1 ja');
    await expectAccessible(a, 'group space with a poll');

    const mailBefore = (
      await h.db.select().from(emailOutbox).where(eq(emailOutbox.kind, 'group_meeting_invitation'))
    ).length;
    await poll.getByTestId('group-poll-fix').first().click();
    const fixed = a.getByTestId('group-poll-fixed');
    await expect.poll(() => fixed.textContent()).toMatch(/Møte \d+ er fastsett/);
    const mail = await h.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.kind, 'group_meeting_invitation'));
    expect(mail.length - mailBefore).toBe(members.length);
    const [meeting] = await h.db
      .select()
      .from(networkMeetings)
      .where(and(eq(networkMeetings.groupId, group.id), eq(networkMeetings.facilitated, false)));
    expect(meeting).toMatchObject({ advisorUserId: null, status: 'planned' });
    // The new meeting is in the plan as self-run.
    const planned = a.getByTestId(`group-meeting-${meeting!.number}`);
    await planned.waitFor();
    expect(await planned.textContent()).toContain(nn.groupLife.selfRun);
    await screenshot(a, 'group-life-poll-fixed');

    // Phone width: nothing wider than the screen, still accessible.
    await a.setViewportSize({ width: 390, height: 844 });
    await a.reload();
    await settled(a);
    await a.getByTestId('group-space').waitFor();
    const overflow = await a.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(a, 'group space on a phone');
    await screenshot(a, 'group-life-phone');
  });
});
