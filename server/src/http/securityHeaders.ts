import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { cameOverHttps } from './secureTransport.js';
import { connectSources } from '../lib/origins.js';

/**
 * What a browser may do with Hearth's pages. Invite tokens are in URLs and what is said in a
 * group is health information, so: no script but the app's own files, no framing, no
 * referrer, camera and microphone for this origin only.
 */
export function securityHeaders({ secure, trustedOrigins }: { secure: boolean; trustedOrigins: readonly string[] }): RequestHandler[] {
  const overHttps = helmet(helmetOptions(true, trustedOrigins));
  const plain = helmet(helmetOptions(false, trustedOrigins));
  // Only a page that came over https is told to upgrade and to keep to https (HSTS): one reached
  // over plain http while COOKIE_SECURE is on must still load, to say "use the https address"
  // (HTTPS_REQUIRED) instead of failing every request it makes.
  const byTransport: RequestHandler = (req, res, next) => (secure && cameOverHttps(req) ? overHttps : plain)(req, res, next);
  return [byTransport, permissionsPolicy];
}

function helmetOptions(https: boolean, trustedOrigins: readonly string[]): HelmetOptions {
  return {
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
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    // HSTS only over https: sent over plain http it would be ignored at best, and lock a
    // local install out of http at worst.
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false } : false,
  };
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
