import { useEffect, useMemo, useRef, useState } from 'react';
import { ChartBar, ListOrdered, MessageSquare, NotebookPen, Users, UsersRound, type LucideIcon } from 'lucide-react';
import type { MemberCommand } from '@hearth/shared';
import type { ModeratedSession, ModeratedState } from '../../session/ModeratedSession';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/Tabs';
import { BreakoutPanel } from '../breakouts/BreakoutPanel';
import { ChatPanel } from '../moderated/ChatPanel';
import { RoundPanel } from '../rounds/RoundPanel';
import { AlertArea } from './AlertArea';
import { openAlerts, type FacilitatorView } from './alerts';
import { NotesTab } from './NotesTab';
import { PeopleTab } from './PeopleTab';
import { peopleRows } from './people';
import { PulseTab } from './PulseTab';
import { SideRoomCard } from './SideRoomCard';
import { useAttentionSignals } from './useAttentionSignals';
import { cameraOffFlags } from './cameraFlags';
import { useNow } from './useNow';
import './console.css';

export type { FacilitatorView };
export type ConsoleProps = { session: ModeratedSession; state: ModeratedState; view: FacilitatorView };
export { ConsoleHeader } from './ConsoleHeader';

type TabId = 'people' | 'round' | 'pairs' | 'pulse' | 'chat' | 'notes';

/**
 * The facilitator's console beside the call: loaded only by facilitators (RoomScreen imports
 * it lazily), so a participant's phone never downloads it. What needs a facilitator stays at
 * the top whatever the tools below have scrolled to; the tools are tabs, so a group of 15 and
 * a co-facilitator fit on a laptop without a long scroll.
 */
export function FacilitatorConsole({ session, state, view }: ConsoleProps) {
  const send = (command: MemberCommand) => void session.command(command);
  const alerts = useMemo(() => openAlerts(view), [view]);
  useAttentionSignals(alerts);
  const rows = useMemo(() => peopleRows(view), [view]);
  // CAM2: one clock for the whole console, ticking only when the cohort flags cameras off.
  const flagMinutes = state.identity?.cameraOffFlagMinutes;
  const now = useNow(15_000, flagMinutes !== undefined);
  const cameraFlags = useMemo(() => cameraOffFlags(view, now, flagMinutes), [view, now, flagMinutes]);
  const [tab, setTab] = useState<TabId>('people');
  const scrolling = useRef<HTMLDivElement>(null);
  // The tabs share one scrolling part: another tool opens at its top, not where the last was left.
  const openTab = (id: TabId) => {
    setTab(id);
    if (scrolling.current) scrolling.current.scrollTop = 0;
  };
  const unread = useUnread(state.chat.length, tab === 'chat');

  const tabs: { id: TabId; label: string; icon: LucideIcon; note?: string | undefined }[] = [
    { id: 'people', label: 'People', icon: Users, note: String(rows.length) },
    { id: 'round', label: 'Round', icon: ListOrdered, note: view.round ? 'on' : undefined },
    { id: 'pairs', label: 'Pairs', icon: UsersRound, note: view.breakout ? 'on' : undefined },
    { id: 'pulse', label: 'Pulse', icon: ChartBar, note: view.pulse ? 'on' : undefined },
    { id: 'chat', label: 'Chat', icon: MessageSquare, note: unread ? String(unread) : undefined },
    { id: 'notes', label: 'Notes', icon: NotebookPen },
  ];

  return (
    <div className="console" data-testid="facilitator-panel">
      <AlertArea alerts={alerts} send={send} />
      <SideRoomCard view={view} send={send} />
      {state.refusal && (
        <p role="alert" className="notice notice-error console-refusal">
          {state.refusal}
        </p>
      )}
      <Tabs className="console-tabs" orientation="vertical" value={tab} onValueChange={(v) => openTab(v as TabId)}>
        <TabList className="console-rail" aria-label="Facilitator tools">
          {tabs.map(({ id, label, icon: Icon, note }) => (
            <Tab key={id} value={id} className="console-tab">
              <Icon aria-hidden="true" />
              <span className="console-tab-label">{label}</span>
              {note && (
                <span className={note === 'on' ? 'console-tab-dot' : 'tab-count console-tab-count'}>
                  {note === 'on' ? <span className="visually-hidden">(running)</span> : note}
                </span>
              )}
            </Tab>
          ))}
        </TabList>
        <div className="console-scroll" data-testid="console-scroll" ref={scrolling}>
          <TabPanel value="people" className="console-panel">
            <PeopleTab session={session} view={view} rows={rows} cameraFlags={cameraFlags} />
          </TabPanel>
          <TabPanel value="round" className="console-panel" forceMount>
            <RoundPanel session={session} view={view} />
          </TabPanel>
          <TabPanel value="pairs" className="console-panel" forceMount>
            <BreakoutPanel session={session} view={view} />
          </TabPanel>
          <TabPanel value="pulse" className="console-panel">
            <PulseTab view={view} send={send} />
          </TabPanel>
          <TabPanel value="chat" className="console-panel" forceMount>
            <div className="console-tab-body">
              <ChatPanel session={session} state={state} facilitator />
            </div>
          </TabPanel>
          <TabPanel value="notes" className="console-panel">
            <NotesTab session={session} view={view} />
          </TabPanel>
        </div>
      </Tabs>
    </div>
  );
}

/** Messages that arrived while the chat tab was not open. */
function useUnread(count: number, reading: boolean): number {
  const [seen, setSeen] = useState(count);
  useEffect(() => {
    if (reading) setSeen(count);
  }, [reading, count]);
  return reading ? 0 : Math.max(0, count - seen);
}
