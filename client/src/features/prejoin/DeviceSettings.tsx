import { useId, useState } from 'react';
import { canChooseSpeaker, type DeviceKind, type DeviceOption } from '../../session/devices';
import type { PreviewState } from '../../session/PreviewMedia';

type Props = {
  state: PreviewState;
  disabled: boolean;
  onSelect: (kind: DeviceKind, deviceId: string) => void;
};

/** Pickers for camera, microphone and (where the browser can) speaker; open at first on wide screens. */
export function DeviceSettings({ state, disabled, onSelect }: Props) {
  const [openAtFirst] = useState(() => window.matchMedia('(min-width: 48rem)').matches);
  const { devices } = state;
  const speakers = canChooseSpeaker() ? devices.speaker : [];
  if (devices.camera.length + devices.mic.length + speakers.length === 0) return null;
  return (
    <details className="device-settings" open={openAtFirst || undefined}>
      <summary>Change camera, microphone or speaker</summary>
      <div className="device-pickers">
        <Picker label="Camera" kind="camera" options={devices.camera} value={state.camera.deviceId} disabled={disabled} onSelect={onSelect} />
        <Picker label="Microphone" kind="mic" options={devices.mic} value={state.mic.deviceId} disabled={disabled} onSelect={onSelect} />
        <Picker label="Speaker" kind="speaker" options={speakers} value={state.speakerId} disabled={disabled} onSelect={onSelect} />
      </div>
    </details>
  );
}

type PickerProps = {
  label: string;
  kind: DeviceKind;
  options: DeviceOption[];
  value: string | undefined;
  disabled: boolean;
  onSelect: (kind: DeviceKind, deviceId: string) => void;
};

function Picker({ label, kind, options, value, disabled, onSelect }: PickerProps) {
  const id = useId();
  if (options.length === 0) return null;
  // The default device may be in use before anything was picked; show it rather than a blank.
  const selected = value !== undefined && options.some((o) => o.id === value) ? value : (options[0]?.id ?? '');
  return (
    <div className="picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={selected} disabled={disabled} onChange={(e) => onSelect(kind, e.target.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
