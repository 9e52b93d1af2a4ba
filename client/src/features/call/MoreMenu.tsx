import { Ellipsis } from 'lucide-react';
import { Menu, MenuCheckboxItem, MenuContent, MenuLabel, MenuRadioGroup, MenuRadioItem, MenuSeparator, MenuTrigger } from '../../ui/Menu';
import { useCallPreferences, type LayoutMode, type SelfView } from './callPreferences';
import { ControlButton } from './ControlButton';

/**
 * The call's settings behind one button: layout, self view and (for those who take turns) the
 * turn's sound cue, remembered on the device.
 */
export function MoreMenu({ turnSound }: { turnSound: boolean }) {
  const [prefs, set] = useCallPreferences();
  return (
    <Menu>
      <MenuTrigger asChild>
        <ControlButton label="More" icon={<Ellipsis aria-hidden="true" />} />
      </MenuTrigger>
      <MenuContent align="end" side="top">
        <MenuLabel>Layout</MenuLabel>
        <MenuRadioGroup value={prefs.layout} onValueChange={(v) => set({ layout: v as LayoutMode })}>
          <MenuRadioItem value="gallery">Gallery: everyone the same size</MenuRadioItem>
          <MenuRadioItem value="speaker">Speaker view: the speaker large</MenuRadioItem>
        </MenuRadioGroup>
        <MenuSeparator />
        <MenuLabel>Your own video</MenuLabel>
        <MenuRadioGroup value={prefs.selfView} onValueChange={(v) => set({ selfView: v as SelfView })}>
          <MenuRadioItem value="shown">Self view in the grid</MenuRadioItem>
          <MenuRadioItem value="small">Small self view in the corner</MenuRadioItem>
          <MenuRadioItem value="hidden">Hide self view</MenuRadioItem>
        </MenuRadioGroup>
        {turnSound && (
          <>
            <MenuSeparator />
            <MenuCheckboxItem checked={prefs.soundCues} onCheckedChange={(on) => set({ soundCues: on })}>
              Sound when your turn starts
            </MenuCheckboxItem>
          </>
        )}
      </MenuContent>
    </Menu>
  );
}
