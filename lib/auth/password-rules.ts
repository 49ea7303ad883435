/** Password length rules, shared by the forms (instant feedback) and the server (Better Auth's limits). */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
