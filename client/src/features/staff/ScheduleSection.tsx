import { useId } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES, WeeklySchedule } from '@hearth/shared';
import { CalendarPlus } from 'lucide-react';
import { useController, useForm } from 'react-hook-form';
import type { Cohort, CohortSchedule, GroupSession } from '../../api/types';
import { asSentence, Field } from './Field';
import { FormMessage } from './FormMessage';
import { describeSchedule, WEEK_ORDER, WEEKDAY_LONG } from './schedule';
import { useStaff } from './staffContext';
import { useOutcome } from './useOutcome';

/** How far ahead one click schedules: enough to send invites a week ahead, short enough to review. */
const WEEKS_AHEAD = 2;

type Props = { cohort: Cohort; onSaved: (cohort: Cohort) => void; onSessionsCreated: (sessions: GroupSession[]) => void };

const fieldsOf = (schedule: CohortSchedule | null) => schedule ?? { weekdays: [], startTime: '18:00', durationMinutes: 90 };

/**
 * When the cohort meets each week, on its own clock, and the sessions that follow from it:
 * one click creates the evenings of the next weeks that have no session yet.
 */
export function ScheduleSection({ cohort, onSaved, onSessionsCreated }: Props) {
  const { api } = useStaff();
  const created = useOutcome();

  const createSessions = () =>
    created.run(async () => {
      const sessions = await api.createScheduledSessions(cohort.id, WEEKS_AHEAD);
      onSessionsCreated(sessions);
      return sessions.length === 0
        ? `Every meeting in the next ${WEEKS_AHEAD} weeks already has a session.`
        : `${sessions.length} ${sessions.length === 1 ? 'session' : 'sessions'} created.`;
    });

  return (
    <section aria-labelledby="schedule" className="staff-split">
      <div className="staff-section">
        <h2 id="schedule" className="visually-hidden">
          Schedule
        </h2>
        <div className={cohort.schedule ? 'card staff-schedule-summary' : 'staff-empty'}>
          <p data-testid="schedule-summary">{cohort.schedule ? describeSchedule(cohort.schedule, cohort.timeZone) : 'No weekly schedule yet.'}</p>
          {cohort.schedule ? (
            <div className="staff-stack" role="group" aria-label="Sessions from the schedule">
              <p className="muted">Creates the meetings of the next {WEEKS_AHEAD} weeks that have no session yet, each with its own invite links.</p>
              <button type="button" className="btn btn-primary" disabled={created.busy} onClick={() => void createSessions()}>
                <CalendarPlus aria-hidden="true" />
                {created.busy ? 'Creating…' : `Create the next ${WEEKS_AHEAD} weeks of sessions`}
              </button>
              <FormMessage error={created.outcome.error} status={created.outcome.status} />
            </div>
          ) : (
            <p className="muted">Choose the days and time the group meets; sessions for the coming weeks can then be made in one step.</p>
          )}
        </div>
      </div>
      <div className="staff-side">
        <WeeklyScheduleForm cohort={cohort} onSaved={onSaved} />
      </div>
    </section>
  );
}

function WeeklyScheduleForm({ cohort, onSaved }: Pick<Props, 'cohort' | 'onSaved'>) {
  const { api } = useStaff();
  const form = useForm({ resolver: zodResolver(WeeklySchedule), defaultValues: fieldsOf(cohort.schedule) });
  const { errors, isSubmitting } = form.formState;
  const { outcome, run, clear } = useOutcome();
  const days = useController({ control: form.control, name: 'weekdays' });
  const daysError = useId();

  const save = form.handleSubmit(
    (schedule) =>
      run(async () => {
        onSaved(await api.setSchedule(cohort.id, schedule));
        return `Schedule saved: ${describeSchedule(schedule, cohort.timeZone)}.`;
      }),
    clear,
  );

  const toggle = (day: number, on: boolean) => days.field.onChange(on ? [...days.field.value.filter((d) => d !== day), day] : days.field.value.filter((d) => d !== day));

  return (
    <form className="card staff-form" noValidate onSubmit={(e) => void save(e)} aria-labelledby="weekly-schedule">
      <h3 id="weekly-schedule">Weekly schedule</h3>
      <fieldset className="staff-days" aria-describedby={errors.weekdays ? daysError : undefined}>
        <legend>Days</legend>
        {WEEK_ORDER.map((day, i) => (
          <label key={day} className="check">
            <input
              type="checkbox"
              // The first day takes the focus when no day is chosen.
              ref={i === 0 ? days.field.ref : undefined}
              checked={days.field.value.includes(day)}
              aria-invalid={errors.weekdays ? true : undefined}
              onChange={(e) => toggle(day, e.target.checked)}
              onBlur={days.field.onBlur}
            />
            {WEEKDAY_LONG[day]}
          </label>
        ))}
        {errors.weekdays?.message && (
          <p id={daysError} className="field-error">
            {asSentence(errors.weekdays.message)}
          </p>
        )}
      </fieldset>
      <div className="staff-field-row">
        <Field
          label="Starts at"
          type="time"
          hint={<>On the cohort’s clock ({cohort.timeZone}).</>}
          error={errors.startTime?.message}
          {...form.register('startTime')}
        />
        <Field
          label="Length in minutes"
          type="number"
          inputMode="numeric"
          min={MIN_SESSION_MINUTES}
          max={MAX_SESSION_MINUTES}
          hint={`${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES}.`}
          error={errors.durationMinutes?.message}
          {...form.register('durationMinutes', { valueAsNumber: true })}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
        {isSubmitting ? 'Saving…' : 'Save schedule'}
      </button>
      <FormMessage error={outcome.error} status={outcome.status} />
    </form>
  );
}
