import { Router } from 'express';
import { PurgeRequest, type PurgePreview } from '@hearth/shared';
import type { Clinic } from '../clinic/createClinic.js';
import { InvalidStateError } from '../errors.js';
import { countPurgeable, purgeBefore } from '../records/purge.js';
import { retentionCutoff } from '../records/retention.js';
import { signedIn } from './guards.js';
import { parseBody } from './parseBody.js';

/**
 * Purging what is past the clinic's retention period (admins only, api.routes.ts): first a
 * preview of the counts, then the purge of what the preview covered. The audit log and the
 * disclosure log are never purged (records/purge.ts).
 */
export function retentionRoutes({ clinic }: { clinic: Clinic }): Router {
  const router = Router();

  const cutoffNow = async () => {
    const { months } = await clinic.retention.get();
    return { months, cutoff: months === null ? null : retentionCutoff(clinic.clock(), months) };
  };

  router.get('/clinic/retention/preview', async (_req, res) => {
    const { months, cutoff } = await cutoffNow();
    const preview: PurgePreview = { months, cutoff: cutoff === null ? null : new Date(cutoff).toISOString(), counts: cutoff === null ? {} : await countPurgeable(clinic, cutoff) };
    res.json(preview);
  });

  router.post('/clinic/retention/purge', async (req, res) => {
    const { before } = parseBody(PurgeRequest, req.body);
    const { cutoff } = await cutoffNow();
    if (cutoff === null) throw new InvalidStateError('the clinic has no retention period: set one before purging');
    // What the preview showed, and never past today's cut-off (the period may have grown since).
    const counts = await purgeBefore(clinic, Math.min(Date.parse(before), cutoff), signedIn(res).id);
    res.json({ counts });
  });

  return router;
}
