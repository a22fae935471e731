// The list of online users. A disclosure element keeps it one tap away on a phone screen. While
// the connection is down the list is the last one known, so it is dimmed and labelled as such.

import type { UiMessages } from './messages.ts';

export interface UserListProps {
  ui: UiMessages;
  users: string[];
  count: number;
  truncated: boolean;
  /** False while disconnected: the list may be out of date. */
  live: boolean;
}

export function UserList({ ui, users, count, truncated, live }: UserListProps) {
  return (
    <details className={live ? 'users' : 'users stale'} open>
      <summary>{live ? ui.usersHeading(count) : ui.usersHeadingStale(count)}</summary>
      <ul>
        {users.map((user) => (
          <li key={user}>{user}</li>
        ))}
      </ul>
      {truncated && <p className="hint">{ui.usersTruncated}</p>}
    </details>
  );
}
