// How long a sign-in lasts: the session cookie and its server-side row expire together.
export const SESSION_MAX_AGE_S = 30 * 24 * 3600;
