/** The journey's stages (the default ones) and which activities belong to each. */
export const STAGES = ['Awareness', 'Consideration', 'Purchase', 'Service & Support', 'Loyalty & Advocacy'] as const;
export type StageName = (typeof STAGES)[number];

/**
 * Activities by stage. `Contact Completed` and `Survey Answered` belong to whichever stage
 * the customer is in, so they are not listed: stage reach counts the activities below only.
 */
export const STAGE_ACTIVITIES: Record<StageName, readonly string[]> = {
  Awareness: ['Ad Clicked', 'Home Viewed', 'Store Visited'],
  Consideration: ['Plans Viewed', 'Coverage Checked'],
  Purchase: ['Signed Up', 'Checkout Started', 'Payment Failed', 'Order Completed', 'Installation Scheduled'],
  'Service & Support': [
    'Router Activated',
    'Router Setup Failed',
    'Engineer Visit Completed',
    'Signed In',
    'Bill Issued',
    'Bill Viewed',
    'Service Status Checked',
    'Speed Test Run',
    'Help Article Viewed',
    'Account Settings Viewed',
    'Subscription Paused',
    'Subscription Resumed',
    'Move Home Started',
    'Address Changed',
    'Refund Issued',
    'Plan Changed',
    'Cancellation Page Viewed',
    'Retention Offer Accepted',
    'Subscription Cancelled',
  ],
  'Loyalty & Advocacy': ['Email Opened', 'Email Clicked', 'Referral Sent', 'Review Posted'],
};

/** Stage bit (1 << stage index) of each activity; 0 for activities outside the stages. */
const STAGE_BIT = new Map<string, number>();
STAGES.forEach((stage, index) => {
  for (const activity of STAGE_ACTIVITIES[stage]) STAGE_BIT.set(activity, 1 << index);
});

export function stageBitOf(activity: string): number {
  return STAGE_BIT.get(activity) ?? 0;
}
