/**
 * Set in the browser at sign-out: while it lives, every sign-in asks the IdP for a fresh login, so on
 * a shared computer the next person cannot walk into the previous user's still-open IdP session.
 */
export const SIGNED_OUT_COOKIE = "eunha-signed-out";
export const SIGNED_OUT_MAX_AGE_SECONDS = 12 * 60 * 60;
