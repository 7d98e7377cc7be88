/** The traits that can link identities when a workspace enables it (`identity.linkBy`). */
export const LINK_TRAITS = ['email', 'phone'] as const;
export type LinkTrait = (typeof LINK_TRAITS)[number];

/** An e-mail address as a link key: trimmed and lower-cased; null unless it has an `@`. */
export function normalizeEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim().toLowerCase();
  return email.includes('@') ? email : null;
}

/** A phone number as a link key: its digits, keeping a leading `+`; null without any digit. */
export function normalizePhone(value: unknown): string | null {
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) text = String(value);
  else return null;
  const digits = text.replace(/\D/g, '');
  if (digits === '') return null;
  return text.startsWith('+') ? `+${digits}` : digits;
}

/**
 * The link keys an identify call's traits carry for the enabled traits, namespaced so an
 * e-mail and a phone number never meet (`email:…`, `phone:…`).
 */
export function traitLinkKeys(
  linkBy: ReadonlySet<LinkTrait>,
  traits: { readonly [key: string]: unknown } | null | undefined,
): string[] {
  if (traits === null || traits === undefined || linkBy.size === 0) return [];
  const keys: string[] = [];
  if (linkBy.has('email')) {
    const email = normalizeEmail(traits.email);
    if (email !== null) keys.push(`email:${email}`);
  }
  if (linkBy.has('phone')) {
    const phone = normalizePhone(traits.phone);
    if (phone !== null) keys.push(`phone:${phone}`);
  }
  return keys;
}
