// Lesson 07's protocol functions: the Sec-WebSocket-Accept computation and the frame encoder and
// decoder, checked against the examples of RFC 6455 and by round trips.

import { describe, expect, it } from 'vitest';

import {
  applyMask,
  computeAccept,
  decodeClosePayload,
  decodeFrame,
  encodeClosePayload,
  encodeFrame,
  opcodeName,
  OPCODES,
  toHex,
} from '../../lessons/07-handshake-and-frames/frames.ts';
import { messages } from '../../lessons/07-handshake-and-frames/messages.ts';
import { checkCatalogue } from '../../shared/i18n.ts';

// RFC 6455 section 5.7 uses this masking key in its masked "Hello" example.
const RFC_MASKING_KEY = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);

describe('lesson 07 frames', () => {
  describe('computeAccept', () => {
    it('matches the RFC 6455 sample', () => {
      expect(computeAccept('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    });

    it('differs for another key', () => {
      expect(computeAccept('AAAAAAAAAAAAAAAAAAAAAA==')).not.toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    });
  });

  describe('encodeFrame', () => {
    it('encodes the unmasked "Hello" of RFC 6455', () => {
      const frame = encodeFrame({ fin: true, opcode: OPCODES.text, payload: Buffer.from('Hello') });
      expect(toHex(frame)).toBe('81 05 48 65 6c 6c 6f');
    });

    it('encodes the masked "Hello" of RFC 6455', () => {
      const frame = encodeFrame({
        fin: true,
        opcode: OPCODES.text,
        maskingKey: RFC_MASKING_KEY,
        payload: Buffer.from('Hello'),
      });
      expect(toHex(frame)).toBe('81 85 37 fa 21 3d 7f 9f 4d 51 58');
    });

    it('clears FIN on a non-final fragment', () => {
      const frame = encodeFrame({ fin: false, opcode: OPCODES.text, payload: Buffer.from('Hel') });
      expect(frame[0]).toBe(0x01);
    });

    it.each([
      [125, '7d', 2],
      [126, '7e 00 7e', 4],
      [65_535, '7e ff ff', 4],
      [65_536, '7f 00 00 00 00 00 01 00 00', 10],
    ])('writes a %i-byte payload length as %s', (length, lengthHex, headerLength) => {
      const frame = encodeFrame({
        fin: true,
        opcode: OPCODES.binary,
        payload: Buffer.alloc(length),
      });
      expect(toHex(frame.subarray(1, headerLength))).toBe(lengthHex);
      expect(frame.length).toBe(headerLength + length);
    });

    it('rejects a masking key of 3 bytes', () => {
      expect(() =>
        encodeFrame({
          fin: true,
          opcode: 1,
          maskingKey: Buffer.alloc(3),
          payload: Buffer.alloc(0),
        }),
      ).toThrow('invalid masking key of 3 bytes: use exactly 4 bytes');
    });

    it('rejects opcode 16', () => {
      expect(() => encodeFrame({ fin: true, opcode: 16, payload: Buffer.alloc(0) })).toThrow(
        'invalid opcode 16: use an integer from 0x0 to 0xf',
      );
    });
  });

  describe('decodeFrame', () => {
    it('decodes the masked "Hello" of RFC 6455', () => {
      const frame = decodeFrame(Buffer.from('818537fa213d7f9f4d5158', 'hex'));
      expect(frame).toBeDefined();
      expect(frame!.fin).toBe(true);
      expect(frame!.opcode).toBe(OPCODES.text);
      expect(frame!.masked).toBe(true);
      expect(frame!.maskingKey).toEqual(RFC_MASKING_KEY);
      expect(frame!.payloadLength).toBe(5);
      expect(frame!.headerLength).toBe(6);
      expect(frame!.frameLength).toBe(11);
      expect(frame!.payload.toString()).toBe('Hello');
    });

    it.each([0, 5, 125, 126, 1000, 65_535, 65_536, 70_000])(
      'round-trips a masked %i-byte payload',
      (length) => {
        const payload = Buffer.alloc(length, 'a');
        const encoded = encodeFrame({ fin: true, opcode: 2, maskingKey: RFC_MASKING_KEY, payload });
        const decoded = decodeFrame(encoded);
        expect(decoded?.payloadLength).toBe(length);
        expect(decoded?.frameLength).toBe(encoded.length);
        expect(decoded?.payload.equals(payload)).toBe(true);
      },
    );

    it('returns undefined for every incomplete prefix', () => {
      const encoded = encodeFrame({
        fin: true,
        opcode: OPCODES.text,
        maskingKey: RFC_MASKING_KEY,
        payload: Buffer.alloc(300, 'x'),
      });
      for (let length = 0; length < encoded.length; length++) {
        expect(decodeFrame(encoded.subarray(0, length))).toBeUndefined();
      }
    });

    it('leaves the bytes of a following frame alone', () => {
      const first = encodeFrame({ fin: true, opcode: OPCODES.text, payload: Buffer.from('one') });
      const second = encodeFrame({ fin: true, opcode: OPCODES.text, payload: Buffer.from('two') });
      const decoded = decodeFrame(Buffer.concat([first, second]));
      expect(decoded?.payload.toString()).toBe('one');
      expect(decoded?.frameLength).toBe(first.length);
    });

    it('rejects a 64-bit length above 2^53 - 1', () => {
      const header = Buffer.from('827fffffffffffffffff', 'hex');
      expect(() => decodeFrame(header)).toThrow('is larger than 2^53 - 1');
    });
  });

  describe('applyMask', () => {
    it('unmasks what it masked', () => {
      const data = Buffer.from('こんにちは');
      expect(applyMask(applyMask(data, RFC_MASKING_KEY), RFC_MASKING_KEY).equals(data)).toBe(true);
    });
  });

  describe('close payload', () => {
    it('encodes 1000 with a reason', () => {
      expect(toHex(encodeClosePayload(1000, 'done'))).toBe('03 e8 64 6f 6e 65');
    });

    it('decodes 1002 without a reason', () => {
      expect(decodeClosePayload(Buffer.from([0x03, 0xea]))).toEqual({ code: 1002, reason: '' });
    });

    it('decodes an empty payload as no code', () => {
      expect(decodeClosePayload(Buffer.alloc(0))).toEqual({ code: undefined, reason: '' });
    });
  });

  describe('opcodeName', () => {
    it.each([
      [0x1, 'text'],
      [0x8, 'close'],
      [0xa, 'pong'],
      [0x3, undefined],
    ])('names opcode %i %s', (opcode, name) => {
      expect(opcodeName(opcode)).toBe(name);
    });
  });

  describe('messages', () => {
    it('has the same non-empty keys in both languages', () => {
      expect(checkCatalogue(messages)).toEqual([]);
    });
  });
});
