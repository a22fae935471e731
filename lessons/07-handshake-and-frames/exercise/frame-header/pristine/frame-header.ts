// Exercise 07/frame-header: read the header of one WebSocket frame (RFC 6455, section 5.2).
// Check your work: npm run verify 07/frame-header      Stuck? npm run hint 07/frame-header

export interface FrameHeader {
  /** True on the last (or only) frame of a message. */
  fin: boolean;
  /** The frame type: 0x1 text, 0x2 binary, 0x8 close, 0x9 ping, 0xa pong, 0x0 continuation. */
  opcode: number;
  /** True when a 4-byte masking key follows the length, as in every client frame. */
  masked: boolean;
  /** The payload length in bytes, as the frame states it. */
  payloadLength: number;
  /** Bytes before the payload: 2, plus 2 or 8 for an extended length, plus 4 for a masking key. */
  headerLength: number;
}

/**
 * Reads the header at the start of `buffer`. The payload need not have arrived yet. Returns
 * undefined while the buffer does not contain the whole header, and throws a RangeError for a
 * 64-bit length above Number.MAX_SAFE_INTEGER, which a JavaScript number cannot hold exactly.
 */
export function readFrameHeader(buffer: Buffer): FrameHeader | undefined {
  if (buffer.length < 2) return undefined;
  const fin = (buffer[0]! & 0x80) !== 0;
  const opcode = buffer[0]! & 0x0f;
  const masked = (buffer[1]! & 0x80) !== 0;
  const lengthField = buffer[1]! & 0x7f;

  let headerLength = 2;
  // eslint-disable-next-line prefer-const -- the finished exercise assigns the extended length
  let payloadLength = lengthField;
  // EXERCISE: 126 and 127 are not lengths. For 126, read the 16-bit length from the next 2 bytes.
  // For 127, read the 64-bit length from the next 8 bytes. Add those bytes to headerLength, and
  // return undefined while they have not arrived.

  if (masked) headerLength += 4;
  if (buffer.length < headerLength) return undefined;
  return { fin, opcode, masked, payloadLength, headerLength };
}
