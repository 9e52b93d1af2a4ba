/**
 * The clinic API's requests and answers, as shared/src/api defines them: the server parses
 * the requests with those schemas and builds its answers to those types.
 */
export type {
  Account,
  AttendanceRow,
  AuditEntryView as AuditEntry,
  AuditVerification,
  ChangePasswordInput,
  Cohort,
  CohortAttendance,
  CohortFacilitator,
  CohortSchedule,
  DateRangeInput,
  GroupSession,
  InviteLink,
  CohortMember as Member,
  NewAccountInput as NewAccount,
  NewCohortInput,
  NewMemberInput,
  NewSessionInput,
  ResetPasswordInput,
  RevokedInvite,
  SessionAttendance,
  GroupSessionStatus as SessionStatus,
  StaffMember,
  StaffRole as Role,
  WeeklyScheduleInput,
} from '@hearth/shared';
