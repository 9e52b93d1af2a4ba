import { describe, expect, it } from 'vitest';
import type { GroupSession } from '../../api/types';
import { sessionOrder, sessionWhen, STATUS_WORDS } from './sessionStatus';

const session = (id: string, scheduledStart: string | undefined, createdAt = '2025-03-01T00:00:00.000Z', status: GroupSession['status'] = 'scheduled'): GroupSession => ({
  id,
  cohortId: 'c1',
  title: id,
  ...(scheduledStart ? { scheduledStart } : {}),
  status,
  createdBy: 'a1',
  createdAt,
});

describe('session status', () => {
  it('has one word per status, none of them about the start time', () => {
    expect(STATUS_WORDS).toEqual({ scheduled: 'Upcoming', live: 'Live now', ended: 'Ended' });
  });

  it('says when a session starts on the cohort’s clock, or that it has no start time', () => {
    expect(sessionWhen({ scheduledStart: '2025-03-04T00:00:00.000Z' }, 'America/Chicago')).toMatch(/Mon, Mar 3, 6:00\s?PM CST/);
    expect(sessionWhen({}, 'America/Chicago')).toBe('No start time set');
  });

  it('lists the soonest first, then sessions without a start in the order they were made', () => {
    const sorted = [
      session('later', '2025-03-05T00:00:00.000Z'),
      session('none-2', undefined, '2025-03-02T00:00:00.000Z'),
      session('sooner', '2025-03-04T00:00:00.000Z'),
      session('none-1', undefined, '2025-03-01T00:00:00.000Z'),
    ].sort(sessionOrder);
    expect(sorted.map((s) => s.id)).toEqual(['sooner', 'later', 'none-1', 'none-2']);
  });

  it('puts a live session first and ended ones last, the most recent of them first', () => {
    const sorted = [
      session('ended-old', '2025-02-01T00:00:00.000Z', undefined, 'ended'),
      session('next', '2025-03-04T00:00:00.000Z'),
      session('ended-recent', '2025-03-01T00:00:00.000Z', undefined, 'ended'),
      session('live', '2025-03-03T00:00:00.000Z', undefined, 'live'),
    ].sort(sessionOrder);
    expect(sorted.map((s) => s.id)).toEqual(['live', 'next', 'ended-recent', 'ended-old']);
  });
});
