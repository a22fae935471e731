// Check of exercise 07/frame-header. It reads frames built with the lesson's own encoder, with
// payload lengths on both sides of 125, 126, 65535 and 65536, masked and unmasked. Then it reads
// headers whose 64-bit lengths are far above any real payload, every prefix of a header that is
// cut short, and lengths above Number.MAX_SAFE_INTEGER.

import { pick } from '../../../../shared/i18n.ts';
import type { Check, CheckResult } from '../../../../exercises/check-api.ts';
import { encodeFrame, opcodeName, OPCODES, toHex } from '../../frames.ts';
import { messages } from '../messages.ts';

type HeaderModule = typeof import('./pristine/frame-header.ts');
type FrameHeader = NonNullable<ReturnType<HeaderModule['readFrameHeader']>>;
type Text = typeof messages.en;

/** Payload lengths in the order they are tried: 7-bit first, then 16-bit, then 64-bit. */
const PAYLOAD_LENGTHS = [0, 5, 125, 200, 126, 127, 1000, 65_535, 65_536, 70_000];

/** 64-bit lengths tried with a header alone: a reader of only the low 32 bits gets them wrong. */
const HEADER_ONLY_LENGTHS = [2 ** 32 + 7, 2 ** 40, Number.MAX_SAFE_INTEGER];

const MASKING_KEY = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);
const OPCODE_CYCLE = [OPCODES.text, OPCODES.binary, OPCODES.ping, OPCODES.continuation];

interface HeaderCase {
  bytes: Buffer;
  describe: (t: Text) => string;
  expected: FrameHeader;
}

/** Bytes shown in a failure message: the header and at most two payload bytes. */
function shownBytes(bytes: Buffer, headerLength: number): string {
  const shown = toHex(bytes.subarray(0, headerLength + 2));
  return bytes.length > headerLength + 2 ? `${shown} …` : shown;
}

/** Formats a returned header with its keys in a fixed order, so the student's key order does not matter. */
function formatHeader(header: unknown): string {
  if (header === undefined || header === null || typeof header !== 'object') return String(header);
  const { fin, opcode, masked, payloadLength, headerLength } = header as Record<string, unknown>;
  return `{ fin: ${fin}, opcode: ${opcode}, masked: ${masked}, payloadLength: ${payloadLength}, headerLength: ${headerLength} }`;
}

function sameHeader(actual: unknown, expected: FrameHeader): boolean {
  if (actual === undefined || actual === null || typeof actual !== 'object') return false;
  const header = actual as Record<string, unknown>;
  return (
    header.fin === expected.fin &&
    header.opcode === expected.opcode &&
    header.masked === expected.masked &&
    header.payloadLength === expected.payloadLength &&
    header.headerLength === expected.headerLength
  );
}

function extendedLengthBytes(payloadLength: number): number {
  if (payloadLength <= 125) return 0;
  return payloadLength <= 0xffff ? 2 : 8;
}

function encodedFrameCases(): HeaderCase[] {
  const cases: HeaderCase[] = [];
  let index = 0;
  for (const masked of [false, true]) {
    for (const payloadLength of PAYLOAD_LENGTHS) {
      const opcode = OPCODE_CYCLE[index % OPCODE_CYCLE.length]!;
      // Every third frame is a fragment that more frames of the same message follow.
      const fin = index % 3 !== 2;
      index++;
      const payload = Buffer.alloc(payloadLength, 0x61);
      const bytes = encodeFrame({
        fin,
        opcode,
        payload,
        ...(masked ? { maskingKey: MASKING_KEY } : {}),
      });
      const headerLength = 2 + extendedLengthBytes(payloadLength) + (masked ? 4 : 0);
      cases.push({
        bytes,
        describe: (t) => t.frameDescription(opcodeName(opcode)!, payloadLength, masked, fin),
        expected: { fin, opcode, masked, payloadLength, headerLength },
      });
    }
  }
  return cases;
}

function headerOnlyCases(): HeaderCase[] {
  return HEADER_ONLY_LENGTHS.map((payloadLength, index) => {
    const masked = index % 2 === 1;
    const bytes = Buffer.alloc(10 + (masked ? 4 : 0));
    bytes[0] = 0x80 | OPCODES.binary;
    bytes[1] = (masked ? 0x80 : 0) | 127;
    bytes.writeBigUInt64BE(BigInt(payloadLength), 2);
    if (masked) MASKING_KEY.copy(bytes, 10);
    return {
      bytes,
      describe: (t) => t.headerOnly,
      expected: {
        fin: true,
        opcode: OPCODES.binary,
        masked,
        payloadLength,
        headerLength: bytes.length,
      },
    };
  });
}

function checkHeaders(readFrameHeader: HeaderModule['readFrameHeader'], t: Text): CheckResult {
  for (const { bytes, describe, expected } of [...encodedFrameCases(), ...headerOnlyCases()]) {
    const actual = readFrameHeader(bytes);
    if (!sameHeader(actual, expected)) {
      return {
        ok: false,
        problem: t.wrongHeader(
          shownBytes(bytes, expected.headerLength),
          describe(t),
          formatHeader(actual),
          formatHeader(expected),
        ),
      };
    }

    // A TCP chunk may end anywhere inside the header, so no prefix of it is a header yet.
    for (let cut = 1; cut < expected.headerLength; cut++) {
      const prefix = bytes.subarray(0, cut);
      const early = readFrameHeader(prefix);
      if (early !== undefined)
        return {
          ok: false,
          problem: t.headerTooEarly(cut, toHex(prefix), expected.headerLength, formatHeader(early)),
        };
    }
  }
  return { ok: true };
}

function checkTooLong(readFrameHeader: HeaderModule['readFrameHeader'], t: Text): CheckResult {
  for (const length of [2n ** 53n, 2n ** 63n]) {
    const bytes = Buffer.alloc(10);
    bytes[0] = 0x80 | OPCODES.binary;
    bytes[1] = 127;
    bytes.writeBigUInt64BE(length, 2);
    let actual: unknown;
    try {
      actual = readFrameHeader(bytes);
    } catch (error) {
      if (error instanceof RangeError) continue;
      throw error;
    }
    return { ok: false, problem: t.noRangeError(toHex(bytes), formatHeader(actual)) };
  }
  return { ok: true };
}

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { readFrameHeader } = await context.importFile<HeaderModule>('frame-header.ts');

  const headers = checkHeaders(readFrameHeader, t);
  if (!headers.ok) return headers;
  return checkTooLong(readFrameHeader, t);
};

export default check;
