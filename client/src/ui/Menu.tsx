import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Check } from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';

/**
 * A menu of actions behind one button (Radix DropdownMenu): arrow keys move, Enter picks,
 * Escape closes and returns focus to the button. Styled by base.css (.menu, .menu-item).
 */
export const Menu = DropdownMenu.Root;
export const MenuTrigger = DropdownMenu.Trigger;

export function MenuContent({ children, ...props }: ComponentProps<typeof DropdownMenu.Content>) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content className="menu" sideOffset={4} collisionPadding={8} {...props}>
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}

type ItemProps = Omit<ComponentProps<typeof DropdownMenu.Item>, 'children'> & { icon?: ReactNode; danger?: boolean; children: ReactNode };

export function MenuItem({ icon, danger, children, className, ...props }: ItemProps) {
  return (
    <DropdownMenu.Item className={['menu-item', danger ? 'menu-item-danger' : '', className ?? ''].join(' ').trim()} {...props}>
      {icon}
      <span>{children}</span>
    </DropdownMenu.Item>
  );
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="menu-separator" />;
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <DropdownMenu.Label className="menu-label">{children}</DropdownMenu.Label>;
}

/** One choice of several (a layout, a size): read as a radio item, the chosen one marked. */
export const MenuRadioGroup = DropdownMenu.RadioGroup;

export function MenuRadioItem({ children, className, ...props }: Omit<ComponentProps<typeof DropdownMenu.RadioItem>, 'children'> & { children: ReactNode }) {
  return (
    <DropdownMenu.RadioItem className={['menu-item', 'menu-item-check', className ?? ''].join(' ').trim()} {...props}>
      <MenuCheck />
      <span>{children}</span>
    </DropdownMenu.RadioItem>
  );
}

/** An on/off setting (sound cues): read as a checkbox item. */
export function MenuCheckboxItem({ children, className, ...props }: Omit<ComponentProps<typeof DropdownMenu.CheckboxItem>, 'children'> & { children: ReactNode }) {
  return (
    <DropdownMenu.CheckboxItem className={['menu-item', 'menu-item-check', className ?? ''].join(' ').trim()} {...props}>
      <MenuCheck />
      <span>{children}</span>
    </DropdownMenu.CheckboxItem>
  );
}

/** The tick in front of a chosen item; an empty box of the same width keeps the labels aligned. */
function MenuCheck() {
  return (
    <span className="menu-check" aria-hidden="true">
      <DropdownMenu.ItemIndicator>
        <Check />
      </DropdownMenu.ItemIndicator>
    </span>
  );
}
