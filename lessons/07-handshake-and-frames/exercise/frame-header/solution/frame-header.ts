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
  let payloadLength = lengthField;
  // Up to 125 the field is the length, while 126 and 127 announce a 16-bit or 64-bit length after it.
  if (lengthField === 126) {
    if (buffer.length < 4) return undefined;
    payloadLength = buffer.readUInt16BE(2);
    headerLength += 2;
  } else if (lengthField === 127) {
    if (buffer.length < 10) return undefined;
    const length = buffer.readBigUInt64BE(2);
    if (length > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`invalid frame: payload length ${length} is larger than 2^53 - 1`);
    }
    payloadLength = Number(length);
    headerLength += 8;
  }

  if (masked) headerLength += 4;
  if (buffer.length < headerLength) return undefined;
  return { fin, opcode, masked, payloadLength, headerLength };
}
