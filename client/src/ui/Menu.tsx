import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
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
