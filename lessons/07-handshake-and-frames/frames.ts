// The pure parts of the WebSocket protocol (RFC 6455) that lesson 07 does by hand: the
// Sec-WebSocket-Accept value of the opening handshake, and encoding and decoding one frame.

import { createHash } from 'node:crypto';

/** The fixed GUID that RFC 6455 section 1.3 appends to the client's key before hashing. */
export const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Frame types (the 4-bit opcode of byte 0). */
export const OPCODES = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const;

export type OpcodeName = keyof typeof OPCODES;

/**
 * Computes the Sec-WebSocket-Accept value a server must send for `key`: base64 of the SHA-1 of
 * the key followed by the GUID. It proves that the server read this handshake, not an old one.
 */
export function computeAccept(key: string): string {
  return createHash('sha1')
    .update(key + WEBSOCKET_GUID)
    .digest('base64');
}

export interface Frame {
  /** True on the last (or only) frame of a message. */
  fin: boolean;
  opcode: number;
  /** The 4 masking-key bytes, which every client frame carries and no server frame does. */
  maskingKey?: Buffer;
  /** The payload as the application receives it, already unmasked. */
  payload: Buffer;
}

/** A decoded frame plus where its parts sit in the buffer, for printing it byte by byte. */
export interface DecodedFrame extends Frame {
  masked: boolean;
  /** The payload length as the frame states it. */
  payloadLength: number;
  /** Bytes before the payload: 2, plus 2 or 8 for an extended length, plus 4 for a masking key. */
  headerLength: number;
  /** The frame's full size in bytes. */
  frameLength: number;
}

/** XORs `data` with the 4-byte `maskingKey`, byte i with key byte i % 4; masking twice unmasks. */
export function applyMask(data: Buffer, maskingKey: Buffer): Buffer {
  const result = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) result[i] = data[i]! ^ maskingKey[i % 4]!;
  return result;
}

/** Encodes one frame: byte 0 is FIN and the opcode, byte 1 the MASK bit and the payload length. */
export function encodeFrame(frame: Frame): Buffer {
  const { payload, maskingKey } = frame;
  if (maskingKey !== undefined && maskingKey.length !== 4) {
    throw new RangeError(`invalid masking key of ${maskingKey.length} bytes: use exactly 4 bytes`);
  }
  if (!Number.isInteger(frame.opcode) || frame.opcode < 0 || frame.opcode > 0xf) {
    throw new RangeError(`invalid opcode ${frame.opcode}: use an integer from 0x0 to 0xf`);
  }

  // Lengths up to 125 fit in byte 1; 126 announces a 16-bit length, 127 a 64-bit length.
  let lengthBytes: Buffer;
  let lengthField: number;
  if (payload.length <= 125) {
    lengthField = payload.length;
    lengthBytes = Buffer.alloc(0);
  } else if (payload.length <= 0xffff) {
    lengthField = 126;
    lengthBytes = Buffer.alloc(2);
    lengthBytes.writeUInt16BE(payload.length);
  } else {
    lengthField = 127;
    lengthBytes = Buffer.alloc(8);
    lengthBytes.writeBigUInt64BE(BigInt(payload.length));
  }

  const head = Buffer.from([
    (frame.fin ? 0x80 : 0) | frame.opcode,
    (maskingKey ? 0x80 : 0) | lengthField,
  ]);
  if (!maskingKey) return Buffer.concat([head, lengthBytes, payload]);
  return Buffer.concat([head, lengthBytes, maskingKey, applyMask(payload, maskingKey)]);
}

/**
 * Decodes the frame at the start of `buffer`. Returns undefined while the buffer does not yet
 * contain the whole frame, so a reader can wait for more bytes and call it again.
 */
export function decodeFrame(buffer: Buffer): DecodedFrame | undefined {
  if (buffer.length < 2) return undefined;
  const fin = (buffer[0]! & 0x80) !== 0;
  const opcode = buffer[0]! & 0x0f;
  const masked = (buffer[1]! & 0x80) !== 0;
  const lengthField = buffer[1]! & 0x7f;

  let offset = 2;
  let payloadLength = lengthField;
  if (lengthField === 126) {
    if (buffer.length < offset + 2) return undefined;
    payloadLength = buffer.readUInt16BE(offset);
    offset += 2;
  } else if (lengthField === 127) {
    if (buffer.length < offset + 8) return undefined;
    const length = buffer.readBigUInt64BE(offset);
    if (length > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`invalid frame: payload length ${length} is larger than 2^53 - 1`);
    }
    payloadLength = Number(length);
    offset += 8;
  }

  let maskingKey: Buffer | undefined;
  if (masked) {
    if (buffer.length < offset + 4) return undefined;
    maskingKey = Buffer.from(buffer.subarray(offset, offset + 4));
    offset += 4;
  }

  const frameLength = offset + payloadLength;
  if (buffer.length < frameLength) return undefined;
  const data = Buffer.from(buffer.subarray(offset, frameLength));

  return {
    fin,
    opcode,
    masked,
    ...(maskingKey ? { maskingKey } : {}),
    payload: maskingKey ? applyMask(data, maskingKey) : data,
    payloadLength,
    headerLength: offset,
    frameLength,
  };
}

/** Builds the payload of a close frame: a 2-byte close code, then an optional UTF-8 reason. */
export function encodeClosePayload(code: number, reason = ''): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code);
  payload.write(reason, 2);
  return payload;
}

/** Reads a close frame's payload; an empty payload means no code was given (1005 in the API). */
export function decodeClosePayload(payload: Buffer): { code: number | undefined; reason: string } {
  if (payload.length < 2) return { code: undefined, reason: '' };
  return { code: payload.readUInt16BE(0), reason: payload.subarray(2).toString('utf8') };
}

/** Returns the name of a known opcode, such as `text` for 0x1. */
export function opcodeName(opcode: number): OpcodeName | undefined {
  return (Object.keys(OPCODES) as OpcodeName[]).find((name) => OPCODES[name] === opcode);
}

/** Formats bytes as lowercase hex pairs separated by spaces, e.g. `81 85`. */
export function toHex(bytes: Buffer): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
