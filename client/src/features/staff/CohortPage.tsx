import { CalendarClock, Globe } from 'lucide-react';
import { useLocation, useSearch } from 'wouter';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/Tabs';
import { errorMessage } from '../../api/errorMessage';
import { BillingDaysExport } from './BillingDaysExport';
import { BillingProfileSection } from './BillingProfileSection';
import { Breadcrumbs } from './Breadcrumbs';
import { CohortAttendanceSection } from './CohortAttendanceSection';
import { CohortFacilitatorsSection } from './CohortFacilitatorsSection';
import { LoadFailed } from './LoadFailed';
import { MembersSection } from './MembersSection';
import { CameraFlagSection } from './CameraFlagSection';
import { NeverPairsSection } from './NeverPairsSection';
import { paths } from './routes';
import { describeSchedule } from './schedule';
import { ScheduleSection } from './ScheduleSection';
import { SessionsSection } from './SessionsSection';
import { useStaff } from './staffContext';
import { useLoad } from './useLoad';
import { usePageHeading } from './usePageHeading';

/** The parts of a cohort's page, each a tab; the open one is in the address (`?tab=`), so a reload keeps it. */
const TABS = ['sessions', 'members', 'schedule', 'camera', 'never-pair', 'attendance', 'billing', 'facilitators'] as const;
type CohortTab = (typeof TABS)[number];
const isTab = (value: string | null): value is CohortTab => TABS.includes(value as CohortTab);

/** /clinic/cohorts/<id>: one standing group, its sessions, members, schedule, breakout rules, attendance and (admins) facilitators. */
export function CohortPage({ cohortId }: { cohortId: string }) {
  const { api, account } = useStaff();
  const [, navigate] = useLocation();
  // Who leads a cohort is the admins' to choose; facilitators are not shown the tab.
  const admin = account.role === 'admin';
  const requested = new URLSearchParams(useSearch()).get('tab');
  const tab: CohortTab = isTab(requested) && (admin || requested !== 'facilitators') ? requested : 'sessions';
  const loaded = useLoad(async () => {
    // The API lists cohorts but has no route for one; the list is small.
    const [cohorts, members, sessions] = await Promise.all([api.cohorts(), api.members(cohortId), api.sessions(cohortId)]);
    return { cohort: cohorts.find((c) => c.id === cohortId), members, sessions };
  });
  const state = loaded.state;
  const cohort = state.status === 'ready' ? state.data.cohort : undefined;
  const heading = usePageHeading(cohort?.name ?? 'Cohort');

  return (
    <main className="staff-page">
      <Breadcrumbs trail={[{ label: 'Cohorts', to: paths.cohorts() }]} current={cohort?.name ?? 'Cohort'} />
      <header className="staff-page-head">
        <h1 ref={heading} tabIndex={-1}>
          {cohort?.name ?? (state.status === 'loading' ? 'Loading cohort…' : 'Cohort')}
        </h1>
        {cohort && (
          <p className="staff-meta">
            <span>
              <Globe aria-hidden="true" />
              <span>
                Meets in the <strong>{cohort.timeZone}</strong> time zone.
              </span>
            </span>
            <span>
              <CalendarClock aria-hidden="true" />
              <span>{cohort.schedule ? describeSchedule(cohort.schedule, cohort.timeZone) : 'No weekly schedule yet'}</span>
            </span>
          </p>
        )}
      </header>
      {state.status === 'failed' && <LoadFailed message={errorMessage(state.error)} onRetry={loaded.reload} />}
      {state.status === 'ready' && !cohort && (
        <p role="alert" className="notice notice-error">
          This cohort could not be found. It may have been removed, or the link may be incomplete.
        </p>
      )}
      {cohort && state.status === 'ready' && (
        <Tabs value={tab} onValueChange={(next) => navigate(paths.cohort(cohort.id, next === 'sessions' ? undefined : next), { replace: true })}>
          <TabList aria-label="Parts of this cohort" className="staff-tabs">
            <Tab value="sessions">
              Sessions <span className="tab-count">{state.data.sessions.length}</span>
            </Tab>
            <Tab value="members">
              Members <span className="tab-count">{state.data.members.length}</span>
            </Tab>
            <Tab value="schedule">Schedule</Tab>
            <Tab value="camera">Cameras</Tab>
            <Tab value="never-pair">
              Never pair <span className="tab-count">{cohort.neverPairs.length}</span>
            </Tab>
            <Tab value="attendance">Attendance</Tab>
            <Tab value="billing">Billing</Tab>
            {admin && <Tab value="facilitators">Facilitators</Tab>}
          </TabList>
          <TabPanel value="sessions" className="staff-panel">
            <SessionsSection cohort={cohort} sessions={state.data.sessions} />
          </TabPanel>
          <TabPanel value="members" className="staff-panel">
            <MembersSection
              cohortId={cohort.id}
              members={state.data.members}
              onAdded={(member) => loaded.set((d) => ({ ...d, members: [...d.members, member] }))}
            />
          </TabPanel>
          <TabPanel value="schedule" className="staff-panel">
            <ScheduleSection
              cohort={cohort}
              onSaved={(saved) => loaded.set((d) => ({ ...d, cohort: saved }))}
              onSessionsCreated={(created) => loaded.set((d) => ({ ...d, sessions: [...d.sessions, ...created] }))}
            />
          </TabPanel>
          <TabPanel value="camera" className="staff-panel">
            <CameraFlagSection cohort={cohort} onSaved={(saved) => loaded.set((d) => ({ ...d, cohort: saved }))} />
          </TabPanel>
          <TabPanel value="never-pair" className="staff-panel">
            <NeverPairsSection cohort={cohort} members={state.data.members} onSaved={(saved) => loaded.set((d) => ({ ...d, cohort: saved }))} />
          </TabPanel>
          <TabPanel value="attendance" className="staff-panel">
            <CohortAttendanceSection cohort={cohort} />
            <BillingDaysExport cohort={cohort} members={state.data.members} />
          </TabPanel>
          <TabPanel value="billing" className="staff-panel">
            <BillingProfileSection cohort={cohort} onSaved={(saved) => loaded.set((d) => ({ ...d, cohort: saved }))} />
          </TabPanel>
          {admin && (
            <TabPanel value="facilitators" className="staff-panel">
              <CohortFacilitatorsSection cohort={cohort} />
            </TabPanel>
          )}
        </Tabs>
      )}
    </main>
  );
}
