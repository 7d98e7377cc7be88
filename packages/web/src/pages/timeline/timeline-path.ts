/** The address of a customer's timeline, for links from pages that list customers. */
export const timelinePath = (customer: string): string => `/timeline?customer=${encodeURIComponent(customer)}`;
