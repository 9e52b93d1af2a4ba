import { useId, useState, type FormEvent } from 'react';
import type { Cohort, CohortSchedule, GroupSession } from '../../api/types';
import { errorMessage } from '../../api/errorMessage';
import { Field } from './Field';
import { FormMessage } from './FormMessage';
import { describeSchedule, WEEK_ORDER, WEEKDAY_LONG } from './schedule';
import { useStaff } from './staffContext';
import { useStaffForm } from './useStaffForm';
import { checkSchedule, type ScheduleFields } from './validation';

/** How far ahead one click schedules: enough to send invites a week ahead, short enough to review. */
const WEEKS_AHEAD = 2;

type Props = { cohort: Cohort; onSaved: (cohort: Cohort) => void; onSessionsCreated: (sessions: GroupSession[]) => void };

const fieldsOf = (schedule: CohortSchedule | null): ScheduleFields =>
  schedule
    ? { weekdays: schedule.weekdays, startTime: schedule.startTime, duration: String(schedule.durationMinutes) }
    : { weekdays: [], startTime: '18:00', duration: '90' };

/**
 * When the cohort meets each week, on its own clock, and the sessions that follow from it:
 * one click creates the evenings of the next weeks that have no session yet.
 */
export function ScheduleSection({ cohort, onSaved, onSessionsCreated }: Props) {
  const { api } = useStaff();
  const { form, fields, setFields, set, errors, error, busy, submit: run } = useStaffForm<ScheduleFields>(() => fieldsOf(cohort.schedule));
  const [status, setStatus] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string>();
  const [created, setCreated] = useState<string>();
  const daysError = useId();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const { errors: found, body } = checkSchedule(fields);
    await run(
      found,
      async () => {
        const saved = await api.setSchedule(cohort.id, body);
        onSaved(saved);
        setStatus(`Schedule saved: ${describeSchedule(body, cohort.timeZone)}.`);
      },
      (err) => errorMessage(err),
      () => setStatus(undefined),
    );
  };

  const createSessions = async () => {
    setCreating(true);
    setCreateError(undefined);
    setCreated(undefined);
    try {
      const sessions = await api.createScheduledSessions(cohort.id, WEEKS_AHEAD);
      onSessionsCreated(sessions);
      setCreated(
        sessions.length === 0
          ? `Every meeting in the next ${WEEKS_AHEAD} weeks already has a session.`
          : `${sessions.length} ${sessions.length === 1 ? 'session' : 'sessions'} created.`,
      );
    } catch (err) {
      setCreateError(errorMessage(err));
    } finally {
      setCreating(false);
    }
  };

  const toggle = (day: number, on: boolean) =>
    setFields((f) => ({ ...f, weekdays: on ? [...f.weekdays.filter((d) => d !== day), day] : f.weekdays.filter((d) => d !== day) }));

  return (
    <section aria-labelledby="schedule" className="staff-section">
      <h2 id="schedule">Schedule</h2>
      <p className={cohort.schedule ? 'staff-aside' : 'staff-muted'} data-testid="schedule-summary">
        {cohort.schedule ? describeSchedule(cohort.schedule, cohort.timeZone) : 'No weekly schedule yet.'}
      </p>
      {cohort.schedule && (
        <div className="staff-row-actions" role="group" aria-label="Sessions from the schedule">
          <button type="button" disabled={creating} onClick={() => void createSessions()}>
            {creating ? 'Creating…' : `Create the next ${WEEKS_AHEAD} weeks of sessions`}
          </button>
          <FormMessage error={createError} status={created} />
        </div>
      )}
      <form ref={form} className="staff-form staff-card" noValidate onSubmit={(e) => void save(e)} aria-labelledby="weekly-schedule">
        <h3 id="weekly-schedule">Weekly schedule</h3>
        <fieldset className="staff-days" aria-describedby={errors.weekdays ? daysError : undefined}>
          <legend>Days</legend>
          {WEEK_ORDER.map((day, i) => (
            <label key={day} className="staff-day">
              <input
                type="checkbox"
                checked={fields.weekdays.includes(day)}
                aria-invalid={errors.weekdays && i === 0 ? true : undefined}
                onChange={(e) => toggle(day, e.target.checked)}
              />
              {WEEKDAY_LONG[day]}
            </label>
          ))}
          {errors.weekdays && (
            <p id={daysError} className="staff-field-error">
              {errors.weekdays}
            </p>
          )}
        </fieldset>
        <Field
          label="Starts at"
          name="startTime"
          type="time"
          hint={<>On the cohort’s clock ({cohort.timeZone}).</>}
          value={fields.startTime}
          error={errors.startTime}
          onChange={set('startTime')}
        />
        <Field
          label="Length in minutes"
          name="duration"
          type="number"
          inputMode="numeric"
          min={5}
          max={720}
          value={fields.duration}
          error={errors.duration}
          onChange={set('duration')}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save schedule'}
        </button>
        <FormMessage error={error} status={status} />
      </form>
    </section>
  );
}
