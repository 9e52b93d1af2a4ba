import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Check } from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';

type Props = Omit<ComponentProps<typeof DropdownMenu.CheckboxItem>, 'children'> & { children: ReactNode };

/**
 * A setting that is on or off inside a Menu (Radix DropdownMenu.CheckboxItem, role
 * menuitemcheckbox): a tick shows when it is on; the menu stays open so several can be set.
 */
export function MenuCheckboxItem({ children, className, onSelect, ...props }: Props) {
  return (
    <DropdownMenu.CheckboxItem
      className={['menu-item', 'menu-item-check', className ?? ''].join(' ').trim()}
      onSelect={(event) => {
        event.preventDefault();
        onSelect?.(event);
      }}
      {...props}
    >
      <span className="menu-item-tick" aria-hidden="true">
        <DropdownMenu.ItemIndicator>
          <Check />
        </DropdownMenu.ItemIndicator>
      </span>
      <span>{children}</span>
    </DropdownMenu.CheckboxItem>
  );
}
