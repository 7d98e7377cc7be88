import type { Channel } from '@waymark/core';

interface ChannelStyle {
  label: string;
  colour: string;
  /** A 24×24 outline icon's SVG path data. */
  icon: string;
}

/** Each channel's name, colour and icon: the same wherever a channel is drawn. */
const STYLES: Readonly<Record<Channel, ChannelStyle>> = {
  web: {
    label: 'Web',
    colour: '#4263eb',
    icon: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18',
  },
  app: {
    label: 'App',
    colour: '#7048e8',
    icon: 'M8 3h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1M11 18h2',
  },
  email: { label: 'E-mail', colour: '#e8590c', icon: 'M4 6h16v12H4zM4 7l8 6 8-6' },
  sms: { label: 'SMS', colour: '#0ca678', icon: 'M4 5h16v11H9l-5 4z' },
  push: { label: 'Push', colour: '#f59f00', icon: 'M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zM10 21h4' },
  phone: {
    label: 'Phone',
    colour: '#1c7ed6',
    icon: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1',
  },
  chat: { label: 'Chat', colour: '#12b886', icon: 'M4 5h12v8H8l-4 3zM16 9h4v8l-3-2h-6v-2' },
  social: { label: 'Social', colour: '#e64980', icon: 'M9 4 7 20M17 4l-2 16M4 9h16M3 15h16' },
  store: { label: 'Store', colour: '#74b816', icon: 'M4 9l1-5h14l1 5M4 9v11h16V9M4 9h16M9 20v-6h6v6' },
  ivr: {
    label: 'IVR',
    colour: '#15aabf',
    icon: 'M7 5h.01M12 5h.01M17 5h.01M7 10h.01M12 10h.01M17 10h.01M7 15h.01M12 15h.01M17 15h.01M12 20h.01',
  },
  bot: { label: 'Bot', colour: '#ae3ec9', icon: 'M6 8h12v10H6zM12 4v4M9.5 12h.01M14.5 12h.01M9.5 15h5' },
  mail: { label: 'Mail', colour: '#a6753f', icon: 'M4 10a4 4 0 0 1 8 0v8H4zM12 10h8v8h-8M16 6v4h2' },
  other: { label: 'Other', colour: '#868e96', icon: 'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8' },
};

const UNKNOWN: ChannelStyle = { label: 'No channel', colour: '#adb5bd', icon: 'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8' };

export function channelStyle(channel: Channel | null): ChannelStyle {
  return channel === null ? UNKNOWN : STYLES[channel];
}

/** A channel as a coloured round badge with its icon; the name is the badge's title and label. */
export function ChannelIcon({ channel, size = 28 }: { channel: Channel | null; size?: number }) {
  const style = channelStyle(channel);
  return (
    <span
      className="channel-icon"
      style={{ background: style.colour, width: size, height: size }}
      title={style.label}
      role="img"
      aria-label={style.label}
      data-channel={channel ?? ''}
    >
      <svg
        viewBox="0 0 24 24"
        width={Math.round(size * 0.58)}
        height={Math.round(size * 0.58)}
        fill="none"
        stroke="currentColor"
        strokeWidth={channel === 'ivr' ? 3 : 2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <path d={style.icon} />
      </svg>
    </span>
  );
}
