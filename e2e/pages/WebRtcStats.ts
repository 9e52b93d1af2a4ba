import type { Page } from '@playwright/test';

/*
 * Audio as WebRTC statistics see it, read from the peer connections the page made (recorded by
 * the fixtures' recordPeerConnections), the way chrome://webrtc-internals shows them.
 */

export type AudioReceived = { packetsReceived: number; packetsLost: number; totalSamplesReceived: number; concealedSamples: number; fecPacketsReceived: number; fecPacketsDiscarded: number };

/** Opus packets this page has sent (its microphone's outbound-rtp). */
export function audioSent(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    let sent = 0;
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s: Record<string, unknown>) => {
        if (s['type'] === 'outbound-rtp' && s['kind'] === 'audio') sent += Number(s['packetsSent'] ?? 0);
      });
    }
    return sent;
  });
}

/**
 * One member's audio as this page receives it, found through their tile's audio track: packets,
 * and samples played, of which concealed (made up for what neither a packet nor FEC brought).
 * Null while this page has no audio from them yet.
 */
export function audioFrom(page: Page, memberId: string): Promise<AudioReceived | null> {
  return page.evaluate(async (id) => {
    const audio = document.querySelector(`[data-peer-id="${id}"] audio`) as HTMLAudioElement | null;
    const trackId = (audio?.srcObject as MediaStream | null)?.getAudioTracks()[0]?.id;
    const found = { packetsReceived: 0, packetsLost: 0, totalSamplesReceived: 0, concealedSamples: 0, fecPacketsReceived: 0, fecPacketsDiscarded: 0 };
    if (!trackId) return null;
    const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s: Record<string, unknown>) => {
        if (s['type'] !== 'inbound-rtp' || s['trackIdentifier'] !== trackId) return;
        for (const key of Object.keys(found) as (keyof typeof found)[]) found[key] = Number(s[key] ?? 0);
      });
    }
    return found;
  }, memberId);
}

/** Every Opus line this page negotiated (sending or receiving) has in-band FEC on (useinbandfec=1). */
export function opusFecNegotiated(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    const fmtps: string[] = [];
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      const sdp = `${pc.localDescription?.sdp ?? ''}\n${pc.remoteDescription?.sdp ?? ''}`;
      const opus = [...sdp.matchAll(/a=rtpmap:(\d+) opus\/48000/gi)].map((m) => m[1]);
      for (const pt of opus) fmtps.push(...[...sdp.matchAll(new RegExp(`a=fmtp:${pt} (.*)`, 'g'))].map((m) => m[1]!));
    }
    return fmtps.length > 0 && fmtps.every((f) => /useinbandfec=1/.test(f));
  });
}
