/**
 * The only form of a credential Bosun prints: its first characters and `***`. At most 4 characters
 * (enough to tell `AKIA` or `ghp_` apart) and at most a quarter of the secret, so short passwords stay hidden.
 */
export function mask(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}***`;
}
