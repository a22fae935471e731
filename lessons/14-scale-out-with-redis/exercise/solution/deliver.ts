// Exercise 14: deliver the messages a chat node receives through Redis pub/sub in sequence order,
// once each, and fill a gap from the history Redis stores.
// Check your work: npm run verify 14      Stuck? npm run hint 14

/** One chat message. Redis gives every message the next `seq`, starting at 1. */
export interface ChatMessage {
  seq: number;
  text: string;
}

/**
 * Returns the messages to deliver to this node's clients, oldest first, when `message` arrives by
 * pub/sub and the node has delivered everything up to `lastDeliveredSeq`. `readHistory` returns
 * the history Redis stores (the newest messages, oldest first, with consecutive `seq`). Each call
 * is a round trip to Redis, so call it only when a message is missing.
 */
export function messagesToDeliver(
  lastDeliveredSeq: number,
  message: ChatMessage,
  readHistory: () => readonly ChatMessage[],
): ChatMessage[] {
  // A replay of a message the node delivered already, or the live copy of a replayed one.
  if (message.seq <= lastDeliveredSeq) return [];
  if (message.seq === lastDeliveredSeq + 1) return [message];

  // A gap: Redis stored `message` and the ones before it before publishing. Messages that have
  // dropped out of its history window are lost, and clients see the jump in `seq`.
  const missed = readHistory().filter((stored) => stored.seq > lastDeliveredSeq);
  const newestSeq = missed.at(-1)?.seq ?? lastDeliveredSeq;
  // With a history window of 0 the stored history never contains the message itself.
  if (message.seq > newestSeq) missed.push(message);
  return missed;
}
