import { createContext, useContext } from 'react';
import type { ClinicInfo } from '@hearth/shared';
import type { ClinicApi } from '../../api/clinicApi';
import type { Account } from '../../api/types';

/** An ended sign-in needs no handling here: the API client reports it and StaffApp goes to the sign-in page. */
export type Staff = {
  api: ClinicApi;
  account: Account;
  /** The clinic's name and crisis resources, once loaded (the top bar shows the name). */
  clinic: ClinicInfo | undefined;
  /** After the settings page saves, so the top bar shows the new name at once. */
  onClinicSaved: (clinic: ClinicInfo) => void;
};

export const StaffContext = createContext<Staff | undefined>(undefined);

/** The signed-in staff member and the API, for pages under the clinic area. */
export function useStaff(): Staff {
  const staff = useContext(StaffContext);
  if (!staff) throw new Error('useStaff outside the signed-in clinic area');
  return staff;
}
