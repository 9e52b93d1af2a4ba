import { createContext, useContext } from 'react';
import type { ClinicApi } from '../../api/clinicApi';
import type { Account } from '../../api/types';

/** An ended sign-in needs no handling here: the API client reports it and StaffApp goes to the sign-in page. */
export type Staff = {
  api: ClinicApi;
  account: Account;
};

export const StaffContext = createContext<Staff | undefined>(undefined);

/** The signed-in staff member and the API, for pages under the clinic area. */
export function useStaff(): Staff {
  const staff = useContext(StaffContext);
  if (!staff) throw new Error('useStaff outside the signed-in clinic area');
  return staff;
}
