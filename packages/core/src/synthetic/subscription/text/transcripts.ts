import type { ReasonName } from '../contact-centre/contact-reasons.ts';

/**
 * Transcripts from phrase banks. The words follow what happened — the reason, the wait, each
 * transfer, whether it was resolved — so reasons and sentiment can be found in them.
 * Every phrase is plain ASCII without double quotes or backslashes (no JSON escaping needed).
 */
export interface TranscriptFacts {
  reason: ReasonName;
  /** `call`, `callback`, `chat` or `email`. */
  medium: string;
  agentName: string;
  queueSeconds: number;
  transfersTo: readonly string[];
  resolved: boolean;
  cardType: string;
  /** A repeat contact about the same issue. */
  repeat: boolean;
}

const ISSUE: Record<ReasonName, readonly string[]> = {
  plan_question: [
    'Which plan would you recommend for working from home?',
    'Is Fibre 500 available at my address and is there a setup fee?',
  ],
  payment_failed: [
    'My card keeps getting declined at checkout, the payment page just fails.',
    'I tried to pay for my order three times and the payment failed every time.',
  ],
  installation: [
    'The router is not connecting after installation.',
    'My router lights are flashing orange since setup.',
  ],
  no_connection: ['My internet has been down since this morning.', 'I have no connection at all, nothing works.'],
  slow_speed: [
    'My speed is much slower than what I pay for.',
    'The internet keeps buffering in the evenings, the speed test shows 20 megs.',
  ],
  bill_query: [
    'My bill is higher than usual this month, can you explain it?',
    'I do not understand a charge on my bill.',
  ],
  refund: ['I was charged twice this month and I would like a refund.', 'I am owed a refund for the outage last week.'],
  pause_subscription: [
    'I am going abroad for a few weeks and want to pause my subscription, but there is no option in the app.',
    'How do I pause my plan? I looked everywhere on the website and could not find it.',
  ],
  move_home: [
    'I am moving house next month and want to take my broadband with me.',
    'I need to move my service to a new address.',
  ],
  cancel: ['I want to cancel my subscription.', 'I found a cheaper deal and I would like to leave.'],
  plan_change: ['I would like to upgrade to a faster plan.', 'Can I switch to a cheaper plan?'],
};

const RESOLVED: Record<ReasonName, string> = {
  plan_question: 'Fibre 500 is available at your address and there is no setup fee this month.',
  payment_failed: 'I have taken the payment over the phone and your order is confirmed.',
  installation: 'I have reset the line from our side and the router is online now.',
  no_connection: 'I have reset your line and you should be back online now.',
  slow_speed: 'I have fixed a fault on your line, the speed should be back to normal.',
  bill_query: 'The extra charge is the end of your discount, I have explained the breakdown and added a credit.',
  refund: 'I have approved the refund, it will be back on your card in three to five days.',
  pause_subscription: 'Done, your subscription is paused and will restart automatically.',
  move_home: 'I have booked the move, your service will start at the new address on the day.',
  cancel: 'I have processed that for you and sent a confirmation by e-mail.',
  plan_change: 'Your plan has been changed and the new price starts on your next bill.',
};

const UNRESOLVED: Record<ReasonName, string> = {
  plan_question: 'I am not sure, let me get someone to e-mail you the details.',
  payment_failed: 'I am afraid I cannot take card details here, you will need to call our sales line.',
  installation: 'I will need to book an engineer, they will be in touch.',
  no_connection: 'I have raised a fault ticket, an engineer will look at it.',
  slow_speed: 'I have logged it with our network team, it may take a few days.',
  bill_query: 'I need to check with the billing team and get back to you.',
  refund: 'I have raised the refund request, but it needs another team to approve it.',
  pause_subscription: 'I am sorry, pausing cannot be done here, you will need to call us on the phone.',
  move_home: 'I need to check availability at the new address and call you back.',
  cancel: 'I have noted your request, but I cannot complete it here.',
  plan_change: 'I could not change the plan right now, please try again later.',
};

const TRANSFER_LINE: Record<string, string> = {
  care: 'I cannot approve that from here, let me transfer you to our customer care team.',
  billing: 'This has to go back to billing to be processed, I will transfer you now.',
  tech: 'Let me put you through to our technical team.',
  sales: 'Let me put you through to our sales team.',
};

function minutes(seconds: number): string {
  const m = Math.round(seconds / 60);
  return m === 1 ? 'a minute' : `${m} minutes`;
}

/** A call, callback, chat or e-mail transcript for what happened. */
export function transcriptOf(facts: TranscriptFacts, random: () => number): string {
  const lines: string[] = [];
  const pick = (options: readonly string[]): string => options[Math.floor(random() * options.length)] as string;
  if (facts.medium === 'email') {
    lines.push(`Customer: ${pick(ISSUE[facts.reason])}`);
    lines.push(
      `Agent: Hello, this is ${facts.agentName}. ${facts.resolved ? RESOLVED[facts.reason] : UNRESOLVED[facts.reason]}`,
    );
    return lines.join(' ');
  }
  if (facts.medium === 'callback')
    lines.push(`Agent: Hi, this is ${facts.agentName} calling you back as you requested.`);
  else if (facts.medium === 'chat') lines.push(`Agent: Hi, you are chatting with ${facts.agentName}. How can I help?`);
  else lines.push(`Agent: Thanks for calling, you are speaking to ${facts.agentName}. How can I help?`);
  if (facts.queueSeconds >= 300) {
    lines.push(`Customer: I have been waiting ${minutes(facts.queueSeconds)} to get through.`);
    lines.push('Agent: I am sorry about the wait, we are very busy.');
  }
  const issue =
    facts.reason === 'payment_failed' && facts.cardType === 'amex'
      ? 'My Amex card keeps failing at checkout.'
      : pick(ISSUE[facts.reason]);
  lines.push(`Customer: ${facts.repeat ? 'This is not the first time I have contacted you about this. ' : ''}${issue}`);
  facts.transfersTo.forEach((queue, i) => {
    lines.push(`Agent: ${TRANSFER_LINE[queue] ?? 'Let me transfer you.'}`);
    if (i > 0) lines.push('Customer: I keep getting passed between departments, this is ridiculous.');
  });
  lines.push(`Agent: ${facts.resolved ? RESOLVED[facts.reason] : UNRESOLVED[facts.reason]}`);
  if (!facts.resolved)
    lines.push(
      pick([
        'Customer: This is really frustrating, it is still not sorted.',
        'Customer: So I have to contact you again? Unbelievable.',
      ]),
    );
  else if (facts.queueSeconds >= 600 || facts.transfersTo.length > 1)
    lines.push('Customer: Thanks, but that took far too long.');
  else lines.push(pick(['Customer: Brilliant, thank you for your help.', 'Customer: Great, thanks, that was quick.']));
  return lines.join(' ');
}

const BOT_CONTAINED: Partial<Record<ReasonName, string>> = {
  no_connection: 'There is a known outage in your area, engineers expect to fix it within four hours.',
  bill_query: 'Your bill is higher because your introductory discount has ended. Here is the breakdown.',
  plan_question: 'Fibre 500 is available at your address. Here are the plans and prices.',
  plan_change: 'You can change your plan in the app under Account, Plan. Here is the link.',
  slow_speed: 'I ran a line test and reset your connection. Try a speed test again now.',
  installation: 'Restart your router by holding the reset button for ten seconds.',
  move_home: 'You can tell us about your move here. Here is the link to the moving form.',
  refund: 'Your refund is on its way and will reach your card in three to five days.',
};

/** The bot's side of a chat that ended in the bot: contained, or a dead end. */
export function botTranscriptOf(reason: ReasonName, contained: boolean, random: () => number): string {
  const issue = ISSUE[reason][Math.floor(random() * ISSUE[reason].length)] as string;
  const start = `Bot: Hi, I am the virtual assistant. What can I help you with today? Customer: ${issue}`;
  if (contained)
    return `${start} Bot: ${BOT_CONTAINED[reason] ?? 'Here is what I found.'} Customer: Thanks, that helped.`;
  if (reason === 'pause_subscription') {
    return `${start} Bot: Sorry, I cannot pause a subscription. Please call us. Customer: Why can I not do this online? Useless.`;
  }
  return `${start} Bot: Sorry, I did not understand that. Could you rephrase? Customer: agent Bot: Sorry, I did not understand that. Customer: Forget it.`;
}
