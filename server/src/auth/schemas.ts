/*
 * The account schemas live in @hearth/shared (shared/src/api/accounts.ts), so the staff
 * pages validate their forms with the very rules the server parses with. Re-exported here
 * for the server's own callers (the create-admin command).
 */
export { ChangePasswordBody, Email, LoginBody, NewAccountBody, NewPassword, ResetPasswordBody, StaffId, StaffName } from '@hearth/shared';
