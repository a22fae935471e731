// The list of online users. A disclosure element keeps it one tap away on a phone screen.

import type { UiMessages } from './messages.ts';

export interface UserListProps {
  ui: UiMessages;
  users: string[];
  count: number;
  truncated: boolean;
}

export function UserList({ ui, users, count, truncated }: UserListProps) {
  return (
    <details className="users" open>
      <summary>{ui.usersHeading(count)}</summary>
      <ul>
        {users.map((user) => (
          <li key={user}>{user}</li>
        ))}
      </ul>
      {truncated && <p className="hint">{ui.usersTruncated}</p>}
    </details>
  );
}
