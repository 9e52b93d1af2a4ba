import { describe, expect, it } from 'vitest';
import { isStaffPath, parseStaffRoute, paths, safeNext } from './routes';

describe('parseStaffRoute', () => {
  it('reads each staff page from its path, with or without a trailing slash', () => {
    expect(parseStaffRoute('/login')).toEqual({ page: 'login', next: undefined });
    expect(parseStaffRoute('/setup/')).toEqual({ page: 'setup' });
    expect(parseStaffRoute('/clinic')).toEqual({ page: 'cohorts' });
    expect(parseStaffRoute('/clinic/')).toEqual({ page: 'cohorts' });
    expect(parseStaffRoute('/clinic/cohorts/Ab_3-x')).toEqual({ page: 'cohort', cohortId: 'Ab_3-x' });
    expect(parseStaffRoute('/clinic/sessions/s1/')).toEqual({ page: 'session', sessionId: 's1' });
    expect(parseStaffRoute('/clinic/audit')).toEqual({ page: 'audit' });
  });

  it('answers unknown or malformed clinic paths with notFound', () => {
    const malformed = ['/clinic/cohorts', '/clinic/cohorts/a/b', '/clinic/sessions/%2e%2e', '/clinic/nothing', '/clinic/audit/1', '/clinic/cohorts/' + 'x'.repeat(65)];
    for (const path of malformed) {
      expect(parseStaffRoute(path)).toEqual({ page: 'notFound' });
    }
  });

  it('keeps a safe place to return to after sign-in', () => {
    expect(parseStaffRoute('/login', '?next=%2Fclinic%2Fsessions%2Fs1')).toEqual({ page: 'login', next: '/clinic/sessions/s1' });
    expect(parseStaffRoute('/login', '?next=https%3A%2F%2Fevil.example')).toEqual({ page: 'login', next: undefined });
  });

  it('round-trips the paths it builds', () => {
    expect(parseStaffRoute(paths.cohort('c-1'))).toEqual({ page: 'cohort', cohortId: 'c-1' });
    expect(parseStaffRoute(paths.session('s_2'))).toEqual({ page: 'session', sessionId: 's_2' });
    expect(parseStaffRoute(paths.cohorts())).toEqual({ page: 'cohorts' });
    expect(parseStaffRoute(paths.audit())).toEqual({ page: 'audit' });
    expect(safeNext(paths.audit())).toBe('/clinic/audit');
    const login = new URL(paths.login('/clinic/cohorts/c1'), 'http://x');
    expect(parseStaffRoute(login.pathname, login.search)).toEqual({ page: 'login', next: '/clinic/cohorts/c1' });
    expect(paths.login()).toBe('/login');
    expect(paths.console('s1')).toBe('/facilitate/s1');
  });
});

describe('isStaffPath', () => {
  it('claims the sign-in, setup and clinic pages only', () => {
    for (const path of ['/login', '/setup', '/clinic', '/clinic/', '/clinic/cohorts/c1', '/clinic/anything']) expect(isStaffPath(path)).toBe(true);
    for (const path of ['/', '/r/abc', '/join/tok', '/facilitate/s1', '/clinical', '/login/x', '/setupx']) expect(isStaffPath(path)).toBe(false);
  });
});

describe('safeNext', () => {
  it('allows clinic pages and refuses anything that could leave the site', () => {
    expect(safeNext('/clinic')).toBe('/clinic');
    expect(safeNext('/clinic/cohorts/c1')).toBe('/clinic/cohorts/c1');
    const unsafe = [null, undefined, '', '/', '//evil.example/clinic', 'https://evil.example', '/clinic//evil', '/clinicx', '/login', '/clinic/a?b=c'];
    for (const next of [...unsafe, 'javascript:alert(1)']) {
      expect(safeNext(next)).toBeUndefined();
    }
  });
});
