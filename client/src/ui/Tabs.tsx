import * as RadixTabs from '@radix-ui/react-tabs';
import type { ComponentProps } from 'react';

/**
 * Tabs (Radix): arrow keys move between tabs, Tab moves into the panel. Styled by base.css
 * (.tabs-list, .tab); panels keep their state while hidden when `forceMount` is given.
 */
export const Tabs = RadixTabs.Root;

export function TabList({ className, ...props }: ComponentProps<typeof RadixTabs.List>) {
  return <RadixTabs.List className={className ? `tabs-list ${className}` : 'tabs-list'} {...props} />;
}

export function Tab({ className, ...props }: ComponentProps<typeof RadixTabs.Trigger>) {
  return <RadixTabs.Trigger className={className ? `tab ${className}` : 'tab'} {...props} />;
}

export const TabPanel = RadixTabs.Content;
