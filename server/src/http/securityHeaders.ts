import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { connectSources } from '../lib/origins.js';

/**
 * What a browser may do with Hearth's pages. Invite tokens are in URLs and what is said in a
 * group is health information, so: no script but the app's own files, no framing, no
 * referrer, camera and microphone for this origin only.
 */
export function securityHeaders({ secure, trustedOrigins }: { secure: boolean; trustedOrigins: readonly string[] }): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          // The built client is files only (checked: client/dist/index.html has no inline script).
          'script-src': ["'self'"],
          'script-src-attr': ["'none'"],
          // Radix's dialogs lock scrolling with a <style> element they add at run time; a style
          // cannot run script, so allowing inline styles costs little. No other site's styles.
          'style-src': ["'self'", "'unsafe-inline'"],
          'font-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          // Video plays from MediaStreams (srcObject), never from a URL: nothing to allow.
          'media-src': ["'self'"],
          // Signalling is Socket.IO over a WebSocket to this node ('self' covers ws/wss) or to
          // another node of the deployment that runs the session.
          'connect-src': ["'self'", ...connectSources(trustedOrigins)],
          'worker-src': ["'none'"],
          'object-src': ["'none'"],
          'base-uri': ["'none'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          // Over plain http (the quick start on localhost) upgrading would break every request.
          'upgrade-insecure-requests': secure ? [] : null,
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
      // HSTS only when Hearth is served over https (COOKIE_SECURE says so): sent over plain
      // http it would be ignored at best, and lock a local install out of http at worst.
      strictTransportSecurity: secure ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false } : false,
    }),
    permissionsPolicy,
  ];
}

/**
 * helmet leaves Permissions-Policy alone: camera and microphone for Hearth's own pages only
 * (never a frame of another site), and the powerful features it never uses off for everyone.
 */
const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=(self)',
  'display-capture=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'hid=()',
  'midi=()',
].join(', ');

const permissionsPolicy: RequestHandler = (_req, res, next) => {
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  next();
};
