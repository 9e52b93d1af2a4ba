import { CAMERA_OFF_FLAG_CHOICES, CameraOffFlagBody } from '@hearth/shared';
import { useState } from 'react';
import type { Cohort } from '../../api/types';
import { SelectField } from './Field';
import { FormMessage } from './FormMessage';
import { useStaff } from './staffContext';
import { useOutcome } from './useOutcome';

type Props = { cohort: Cohort; onSaved: (cohort: Cohort) => void };

/**
 * CAM2: when the facilitator's console quietly notes that a participant's camera has been off
 * (many programs require cameras on for the whole session). Never shown to participants.
 */
export function CameraFlagSection({ cohort, onSaved }: Props) {
  const { api } = useStaff();
  const { outcome, busy, run } = useOutcome();
  const [choice, setChoice] = useState(cohort.cameraOffFlagMinutes === null ? '' : String(cohort.cameraOffFlagMinutes));
  const save = () =>
    run(async () => {
      const { cameraOffFlagMinutes } = CameraOffFlagBody.parse({ cameraOffFlagMinutes: choice === '' ? null : Number(choice) });
      onSaved(await api.setCameraOffFlag(cohort.id, cameraOffFlagMinutes));
      return cameraOffFlagMinutes === null ? 'Cameras off are not flagged.' : `A camera off for more than ${cameraOffFlagMinutes} minutes is flagged in the console.`;
    });
  const choices = [...new Set([...CAMERA_OFF_FLAG_CHOICES, ...(cohort.cameraOffFlagMinutes === null ? [] : [cohort.cameraOffFlagMinutes])])].sort((a, b) => a - b);
  return (
    <section aria-labelledby="camera-flag" className="staff-section">
      <h2 id="camera-flag">Cameras</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <SelectField
          label="Flag a camera off after"
          hint="Facilitators see a quiet note beside the person in their console. Participants never see it."
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          <option value="">Never (no flag)</option>
          {choices.map((n) => (
            <option key={n} value={String(n)}>
              {n} minutes
            </option>
          ))}
        </SelectField>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Save
        </button>
        <FormMessage error={outcome.error} status={outcome.status} />
      </form>
    </section>
  );
}
