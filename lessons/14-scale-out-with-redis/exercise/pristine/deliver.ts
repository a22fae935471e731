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
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the finished exercise uses it
  readHistory: () => readonly ChatMessage[],
): ChatMessage[] {
  // EXERCISE: this delivers duplicates and ignores gaps. Deliver nothing for a seq the node has
  // already delivered, only `message` when it is the next seq, and after a gap every stored
  // message after lastDeliveredSeq (plus `message` itself when the history does not contain it).
  return [message];
}
