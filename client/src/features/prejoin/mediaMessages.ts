import type { DeviceNotice } from '../../session/PreviewMedia';
import type { MediaProblem } from '../../session/localMedia';

/** How one input stands once the pre-join screen has tried to open it. */
export type InputStatus = 'ok' | MediaProblem;

export type MediaMessage = {
  /** The most important problem, for styling and tests (`data-problem`). */
  problem: MediaProblem;
  /** What happened and how to fix it. */
  text: string;
  /** What the participant can do anyway. */
  next: string;
};

/** When two problems differ, the one the participant can fix themselves comes first. */
const PRIORITY: readonly MediaProblem[] = ['denied', 'in-use', 'unknown', 'no-device'];

type Subject = 'camera' | 'mic' | 'both';
const NOUN: Record<Subject, string> = { camera: 'camera', mic: 'microphone', both: 'camera and microphone' };

function problemText(problem: MediaProblem, subject: Subject): string {
  const noun = NOUN[subject];
  const them = subject === 'both' ? 'them' : 'it';
  switch (problem) {
    case 'denied':
      return `Your browser blocked the ${noun} for Hearth. To allow ${them}, click or tap the lock or camera icon next to the web address (on an iPhone, the “aA” button), choose Allow, then press Try again.`;
    case 'no-device':
      return subject === 'both'
        ? 'No camera or microphone was found. If you have one, plug it in and it will show up here.'
        : `No ${noun} was found. If you have one, plug it in and it will show up here.`;
    case 'in-use':
      return `Your ${noun} ${subject === 'both' ? 'are' : 'is'} being used by another app, such as another video call. Close that app, then press Try again.`;
    case 'unknown':
      return `Your ${noun} could not be started. Press Try again, or reload the page.`;
    default: {
      const unknown: never = problem;
      return String(unknown);
    }
  }
}

function nextText(cameraOk: boolean, micOk: boolean): string {
  if (cameraOk) return 'You can join with your camera only: you will hear the group, but they will not hear you.';
  if (micOk) return 'You can join with your microphone only: the group will see your initial instead of video.';
  return 'You can still join now to see and hear the group.';
}

/** The kind words for the pre-join screen, or nothing when both inputs work. */
export function mediaMessage(camera: InputStatus, mic: InputStatus): MediaMessage | undefined {
  const problems = [camera, mic].filter((s): s is MediaProblem => s !== 'ok');
  if (problems.length === 0) return undefined;
  const problem = PRIORITY.find((p) => problems.includes(p)) ?? 'unknown';
  const text =
    camera !== 'ok' && camera === mic
      ? problemText(camera, 'both')
      : [
          { subject: 'camera' as const, status: camera },
          { subject: 'mic' as const, status: mic },
        ]
          .filter((i): i is { subject: 'camera' | 'mic'; status: MediaProblem } => i.status !== 'ok')
          // The problem that decides data-problem is told first.
          .sort((a, b) => PRIORITY.indexOf(a.status) - PRIORITY.indexOf(b.status))
          .map((i) => problemText(i.status, i.subject))
          .join(' ');
  return { problem, text, next: nextText(camera === 'ok', mic === 'ok') };
}

export type JoinChoice = { label: string; camera: boolean };
export type JoinChoices = { primary: JoinChoice; secondary: JoinChoice | undefined };

/**
 * The buttons: the main one joins with everything that works; the other leaves the camera
 * off. Without a camera, joining with the microphone is the main action.
 */
export function joinChoices(cameraOk: boolean, micOk: boolean): JoinChoices {
  if (cameraOk && micOk) return { primary: { label: 'Join', camera: true }, secondary: { label: 'Join with camera off', camera: false } };
  if (micOk) return { primary: { label: 'Join with microphone only', camera: false }, secondary: undefined };
  if (cameraOk) {
    return {
      primary: { label: 'Join with camera only', camera: true },
      secondary: { label: 'Join without camera and microphone', camera: false },
    };
  }
  return { primary: { label: 'Join without camera and microphone', camera: false }, secondary: undefined };
}

const DEVICE_NOUN: Record<DeviceNotice['kind'], string> = { camera: 'camera', mic: 'microphone', speaker: 'speaker' };

/** A short note when Hearth had to use another device than the one chosen. */
export function deviceNoticeText(notice: DeviceNotice): string {
  const noun = DEVICE_NOUN[notice.kind];
  const using = notice.using ? `“${notice.using}”` : 'the default one';
  switch (notice.reason) {
    case 'fell-back':
      return `Your usual ${noun} is not connected, so Hearth is using ${using}.`;
    case 'disconnected':
      return `Your ${noun} was disconnected, so Hearth switched to ${using}.`;
    case 'lost':
      return `Your ${noun} was disconnected.`;
    default: {
      const unknown: never = notice.reason;
      return String(unknown);
    }
  }
}
