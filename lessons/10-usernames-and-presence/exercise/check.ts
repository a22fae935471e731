// Check of exercise 10: two scripted sessions of joins and leaves. After every step it compares
// the returned name and the whole roster with the chat server's rule. The rule gives the
// requested name when it is free, else the smallest free suffix from (2) up, reused after a leave.

import { pick } from '../../../shared/i18n.ts';
import type { Check } from '../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type RosterModule = typeof import('./pristine/roster.ts');

type Step = { join: string; expected: string } | { leave: string };

const SESSIONS: Step[][] = [
  [
    { join: 'alice', expected: 'alice' },
    { join: 'alice', expected: 'alice (2)' },
    { join: 'bob', expected: 'bob' },
    { join: 'alice', expected: 'alice (3)' },
    // The freed suffix (2) is the smallest free one again.
    { leave: 'alice (2)' },
    { join: 'alice', expected: 'alice (2)' },
    { leave: 'alice' },
    { join: 'alice', expected: 'alice' },
    // A requested name that already ends in a suffix gets its own suffix.
    { join: 'alice (2)', expected: 'alice (2) (2)' },
    // Names are compared exactly, so "Alice" is a different name.
    { join: 'Alice', expected: 'Alice' },
    { join: 'さくら', expected: 'さくら' },
    { join: 'さくら', expected: 'さくら (2)' },
  ],
  [
    { join: 'bob', expected: 'bob' },
    { join: 'bob', expected: 'bob (2)' },
    { join: 'bob', expected: 'bob (3)' },
    { join: 'bob', expected: 'bob (4)' },
    { join: 'bob', expected: 'bob (5)' },
    { leave: 'bob (4)' },
    { leave: 'bob (2)' },
    { join: 'bob', expected: 'bob (2)' },
    { join: 'bob', expected: 'bob (4)' },
    { join: 'bob', expected: 'bob (6)' },
  ],
];

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { Roster } = await context.importFile<RosterModule>('roster.ts');

  let step = 0;
  for (const session of SESSIONS) {
    const roster = new Roster();
    const expectedOnline: string[] = [];

    for (const action of session) {
      step++;
      const before = JSON.stringify(roster.names);
      let label: string;
      if ('join' in action) {
        const actual: unknown = roster.join(action.join);
        label = `join(${JSON.stringify(action.join)})`;
        if (actual !== action.expected) {
          const problem = t.wrongName(
            step,
            before,
            JSON.stringify(action.join),
            JSON.stringify(actual),
            JSON.stringify(action.expected),
          );
          return { ok: false, problem };
        }
        expectedOnline.push(action.expected);
      } else {
        roster.leave(action.leave);
        label = `leave(${JSON.stringify(action.leave)})`;
        expectedOnline.splice(expectedOnline.indexOf(action.leave), 1);
      }

      // Compared as sets, so a roster may keep its names in any order.
      const actualOnline = JSON.stringify([...roster.names].sort());
      const wanted = JSON.stringify([...expectedOnline].sort());
      if (actualOnline !== wanted)
        return { ok: false, problem: t.wrongOnline(step, label, actualOnline, wanted) };
    }
  }
  return { ok: true };
};

export default check;
