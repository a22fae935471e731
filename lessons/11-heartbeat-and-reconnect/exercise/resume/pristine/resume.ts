// Exercise 11/resume: which messages a reconnecting client missed.
// Check your work: npm run verify 11/resume      Stuck? npm run hint 11/resume

/** One chat message as the server keeps it; `seq` grows by 1 per message, starting at 1. */
export interface ChatMessage {
  seq: number;
  text: string;
}

/**
 * The messages a client must receive to catch up, or a gap: the messages after its last seen
 * one that the server no longer has, from `firstMissingSeq` to `lastMissingSeq` inclusive.
 */
export type ResumeResult =
  | { ok: true; messages: ChatMessage[] }
  | { ok: false; firstMissingSeq: number; lastMissingSeq: number };

/**
 * Returns the messages after `lastSeenSeq` (0 when the client has seen nothing), oldest first.
 * `history` contains the newest messages only, oldest first, with consecutive sequence numbers.
 * When the messages right after `lastSeenSeq` have dropped out of it, returns the gap instead.
 */
export function missedMessages(history: readonly ChatMessage[], lastSeenSeq: number): ResumeResult {
  // EXERCISE: this leaves out only the last seen message. Return only the messages after
  // lastSeenSeq, and report a gap when the oldest message in history is newer than lastSeenSeq + 1.
  return { ok: true, messages: history.filter((message) => message.seq !== lastSeenSeq) };
}
