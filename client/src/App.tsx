import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Switch } from 'wouter';
import { LiveRegions } from './ui/LiveRegions';
import { StartPage } from './features/start/StartPage';

/*
 * Each way into Hearth is its own chunk, so a participant's phone downloads the session's
 * screens and nothing of the clinic's pages (and the reverse). `npm run build` prints what a
 * participant's first load weighs (scripts/client-size.mjs).
 */
const ModeratedPage = lazy(() => import('./features/moderated/ModeratedPage').then((m) => ({ default: m.ModeratedPage })));
const InvitePage = lazy(() => import('./features/moderated/InvitePage').then((m) => ({ default: m.InvitePage })));
const OpenRoomPage = lazy(() => import('./features/call/OpenRoomPage').then((m) => ({ default: m.OpenRoomPage })));
const StaffApp = lazy(() => import('./features/staff/StaffApp').then((m) => ({ default: m.StaffApp })));

export function App() {
  return (
    <>
      <Suspense fallback={<Loading />}>
        <Switch>
          {/* A participant's personal link (the token then leaves the address: /join), and a signed-in facilitator's console. */}
          <Route path="/join/:invite?">{(params) => <InvitePage fromAddress={params.invite} />}</Route>
          <Route path="/facilitate/:sessionId">{(params) => <ModeratedPage key={params.sessionId} credential={{ sessionId: params.sessionId }} />}</Route>
          <Route path="/r/:room">{(params) => <OpenRoomPage roomId={params.room} />}</Route>
          <Route path="/login">
            <StaffApp />
          </Route>
          <Route path="/setup">
            <StaffApp />
          </Route>
          <Route path="/clinic">
            <StaffApp />
          </Route>
          <Route path="/clinic/*">
            <StaffApp />
          </Route>
          <Route>
            <StartPage />
          </Route>
        </Switch>
      </Suspense>
      <LiveRegions />
    </>
  );
}

function Loading(): ReactNode {
  return (
    <main className="page-center" aria-busy="true">
      <p className="muted">Loading…</p>
    </main>
  );
}
