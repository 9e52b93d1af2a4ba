import { ArrowDown, ArrowUp, Ellipsis, Trash2 } from 'lucide-react';
import type { ClinicInfo } from '@hearth/shared';
import type { UseFormReturn } from 'react-hook-form';
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from '../../ui/Menu';
import { Field, SelectField } from './Field';

export const MAX_RESOURCES = 8;
export const EMPTY_RESOURCE = { label: '', kind: 'call' as const, value: '', detail: '' };

type Resource = ClinicInfo['crisisResources'][number];

type Props = {
  /** The settings form, whose values are a ClinicInfo. */
  form: UseFormReturn<ClinicInfo, unknown, ClinicInfo>;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
};

const VALUE_LABEL: Record<Resource['kind'], { label: string; hint: string }> = {
  call: { label: 'Number to call', hint: 'As it is dialled, such as 988 or +44 800 689 5652.' },
  text: { label: 'Number to text', hint: 'The number the message is sent to, such as 741741.' },
  web: { label: 'Web address', hint: 'The page’s address, starting with https://.' },
};

/** One crisis resource of the settings form: what it is, how to reach it, and a line of how and when. */
export function CrisisResourceFields({ form, index, count, onMove, onRemove }: Props) {
  const name = `crisisResources.${index}` as const;
  const errors = form.formState.errors.crisisResources?.[index];
  const kind = form.watch(`${name}.kind`);
  const label = form.watch(`${name}.label`);
  const place = `Resource ${index + 1}`;
  const value = VALUE_LABEL[kind] ?? VALUE_LABEL.call;

  return (
    <li className="staff-resource">
      <fieldset>
        <legend className="visually-hidden">{place}</legend>
        <div className="staff-resource-head">
          <span className="staff-resource-place" aria-hidden="true">
            {index + 1}
          </span>
          <span className="staff-resource-name">{label.trim() || 'New resource'}</span>
          <Menu>
            <MenuTrigger asChild>
              <button type="button" className="btn btn-icon btn-quiet" aria-label={`Actions for ${place}`}>
                <Ellipsis aria-hidden="true" />
              </button>
            </MenuTrigger>
            <MenuContent align="end">
              <MenuItem icon={<ArrowUp aria-hidden="true" />} disabled={index === 0} onSelect={() => onMove(index, index - 1)}>
                Move up
              </MenuItem>
              <MenuItem icon={<ArrowDown aria-hidden="true" />} disabled={index === count - 1} onSelect={() => onMove(index, index + 1)}>
                Move down
              </MenuItem>
              <MenuSeparator />
              <MenuItem danger icon={<Trash2 aria-hidden="true" />} onSelect={() => onRemove(index)}>
                Remove
              </MenuItem>
            </MenuContent>
          </Menu>
        </div>
        <div className="staff-resource-grid">
          <Field label="Name" hint="As participants will read it." autoComplete="off" error={errors?.label?.message} {...form.register(`${name}.label`)} />
          <SelectField label="How to reach it" error={errors?.kind?.message} {...form.register(`${name}.kind`)}>
            <option value="call">A call</option>
            <option value="text">A text message</option>
            <option value="web">A web page</option>
          </SelectField>
          <Field
            label={value.label}
            hint={value.hint}
            autoComplete="off"
            spellCheck={false}
            inputMode={kind === 'web' ? 'url' : 'tel'}
            error={errors?.value?.message}
            {...form.register(`${name}.value`)}
          />
          <Field
            label="Detail line (optional)"
            hint="How and when, such as “Call or text, any time”. For a text line, what to send."
            autoComplete="off"
            error={errors?.detail?.message}
            {...form.register(`${name}.detail`)}
          />
        </div>
      </fieldset>
    </li>
  );
}
