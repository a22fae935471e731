/**
 * Lesson 07: the WebSocket handshake and frames, by hand.
 *
 * Run it:  npm run lesson 07
 *
 * A WebSocket starts as an HTTP request and continues as frames on the same TCP connection.
 * This lesson skips every WebSocket client library and speaks the protocol (RFC 6455) over a
 * plain `node:net` socket to a `ws` server, printing every line and every byte it exchanges.
 *
 * Watch for four things:
 * 1. The server proves it understood the upgrade by hashing our random key with a fixed GUID.
 * 2. Byte 0 and byte 1 of a frame carry FIN, the opcode, the MASK bit and the payload length.
 * 3. Our frames are masked with a random key; the server's are not.
 * 4. An unmasked frame from a client is a protocol error: the server closes with 1002.
 */

import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect, type AddressInfo, type Socket } from 'node:net';

import { WebSocketServer, type WebSocket } from 'ws';

import { formatVarying, log, useMessages } from '../../shared/lesson.ts';
import {
  computeAccept,
  decodeClosePayload,
  decodeFrame,
  encodeClosePayload,
  encodeFrame,
  opcodeName,
  OPCODES,
  toHex,
  type DecodedFrame,
} from './frames.ts';
import { messages } from './messages.ts';
import { SocketReader } from './socket-reader.ts';

const t = useMessages(messages);

const RFC_SAMPLE_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const RFC_SAMPLE_ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';

// The server: a plain `ws` server that replies to each text message with "Echo: <message>".
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await once(wss, 'listening');
const { port } = wss.address() as AddressInfo;
log(t.listening(`ws://127.0.0.1:${port}`));

wss.on('connection', (ws) => {
  ws.on('error', (error) => log(t.serverError(error.message)));
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    log(t.serverReceived(String(data)));
    ws.send(`Echo: ${String(data)}`);
  });
});

// Part 1: the accept key is base64(SHA-1(key + GUID)). The RFC's own example pins the result.
log(t.part1);
const sampleAccept = computeAccept(RFC_SAMPLE_KEY);
log(`  ${t.sampleKey(RFC_SAMPLE_KEY)}`);
log(`  ${t.sampleAccept(sampleAccept)}`);
log(`  ${t.sampleExpected(RFC_SAMPLE_ACCEPT, sampleAccept === RFC_SAMPLE_ACCEPT ? t.yes : t.no)}`);

// Part 2: the opening handshake. The key is 16 random bytes in base64, new for every handshake,
// so it and the server's accept value differ on every run.
log(t.part2);
const { socket, reader, serverSide } = await openConnection(true);

// Part 3: a text frame from us, masked as every client frame must be, and the server's reply.
log(t.part3);
const text = 'hello';
const maskingKey = randomBytes(4);
const frame = encodeFrame({
  fin: true,
  opcode: OPCODES.text,
  maskingKey,
  payload: Buffer.from(text),
});
log(t.clientFrame(text, frame.length));
describeFrame(frame, decodeFrame(frame)!);
socket.write(frame);

const reply = await reader.readFrame();
log(t.serverFrame(reply.frameLength));
describeFrame(reply.bytes, reply);
log(`  ${t.payloadText(reply.payload.toString('utf8'))}`);

// Part 4: the close handshake. We send a close frame with code 1000 (normal closure). The server
// replies with a close frame of its own and then closes the TCP connection.
log(t.part4);
const serverClosed = closeCodeOf(serverSide);
const closeFrame = encodeFrame({
  fin: true,
  opcode: OPCODES.close,
  maskingKey: randomBytes(4),
  payload: encodeClosePayload(1000, 'done'),
});
log(t.clientClose(1000, 'done', closeFrame.length));
socket.write(closeFrame);

const closeReply = await reader.readFrame();
log(t.serverFrame(closeReply.frameLength));
describeFrame(closeReply.bytes, closeReply);
const { code, reason } = decodeClosePayload(closeReply.payload);
log(`  ${t.payloadClose(String(code), reason)}`);
await reader.waitForClose();
log(t.tcpClosed);
log(t.serverClosed(await serverClosed));

// Part 5: the same text frame without a mask. RFC 6455 says a server must close the connection
// when a client frame is unmasked; `ws` does so with close code 1002 (protocol error).
log(t.part5);
const broken = await openConnection(false);
const brokenClosed = closeCodeOf(broken.serverSide);
const unmasked = encodeFrame({ fin: true, opcode: OPCODES.text, payload: Buffer.from(text) });
log(t.brokenFrame(toHex(unmasked)));
broken.socket.write(unmasked);

const rejection = await broken.reader.readFrame();
log(t.serverFrame(rejection.frameLength));
describeFrame(rejection.bytes, rejection);
const rejected = decodeClosePayload(rejection.payload);
log(`  ${t.payloadClose(String(rejected.code), rejected.reason)}`);

// After a protocol error `ws` stops reading and closes the TCP connection right after its close
// frame, without waiting for ours. Having received no close frame, its 'close' event reports
// 1006 (abnormal closure), although the code it sent was 1002.
await broken.reader.waitForClose();
log(t.tcpClosedAtOnce);
log(t.serverClosedAbnormally(await brokenClosed));

wss.close();

/**
 * Opens a TCP connection and performs the WebSocket upgrade on it. With `verbose`, prints the
 * request and the response line by line and checks Sec-WebSocket-Accept.
 */
async function openConnection(verbose: boolean): Promise<{
  socket: Socket;
  reader: SocketReader;
  serverSide: WebSocket;
}> {
  const serverConnection = once(wss, 'connection') as Promise<[WebSocket]>;
  const socket = connect({ host: '127.0.0.1', port });
  const reader = new SocketReader(socket);
  await once(socket, 'connect');

  const key = randomBytes(16).toString('base64');
  const request = [
    'GET / HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${key}`,
    'Sec-WebSocket-Version: 13',
  ];
  socket.write(`${request.join('\r\n')}\r\n\r\n`);
  const response = (await reader.readHead()).split('\r\n');
  const [serverSide] = await serverConnection;

  if (!verbose) {
    log(t.handshakeDone(response[0]!));
    return { socket, reader, serverSide };
  }

  log(t.clientSends);
  for (const line of request) log(`  ${hideValue(line, 'Sec-WebSocket-Key')}`);
  log(t.serverSends);
  for (const line of response)
    log(`  ${hideValue(hideValue(line, 'Sec-WebSocket-Accept'), 'Date')}`);

  const acceptLine = response.find((line) =>
    line.toLowerCase().startsWith('sec-websocket-accept:'),
  );
  const accept = acceptLine?.slice(acceptLine.indexOf(':') + 1).trim();
  log(t.acceptCheck(accept === computeAccept(key) ? t.yes : t.no));
  return { socket, reader, serverSide };
}

/** Resolves with the close code of the server's side of a connection once it has closed. */
function closeCodeOf(serverSide: WebSocket): Promise<number> {
  // events.once() would reject on the 'error' event that precedes a close with 1002.
  return new Promise((resolve) => serverSide.once('close', (code) => resolve(code)));
}

/** Hides the value of header `name` in `line` where it differs from run to run. */
function hideValue(line: string, name: string): string {
  if (!line.toLowerCase().startsWith(`${name.toLowerCase()}:`)) return line;
  const value = line.slice(name.length + 1).trim();
  return `${line.slice(0, name.length)}: ${formatVarying(value)}`;
}

/** Prints a frame field by field; masking key and masked payload are random, so they may be hidden. */
function describeFrame(
  bytes: Buffer,
  frame: Pick<DecodedFrame, 'fin' | 'opcode' | 'masked' | 'payloadLength'>,
): void {
  const hex = (from: number, to = from + 1) => toHex(bytes.subarray(from, to));
  const range = (from: number, to: number) =>
    to - from === 1 ? String(from) : `${from}–${to - 1}`;
  const opcode = `0x${frame.opcode.toString(16)}`;
  log(`  ${t.byte0(hex(0), frame.fin ? 1 : 0, opcode, opcodeName(frame.opcode) ?? '?')}`);
  log(`  ${t.byte1(hex(1), frame.masked ? 1 : 0, bytes[1]! & 0x7f)}`);

  let offset = 2;
  const lengthField = bytes[1]! & 0x7f;
  if (lengthField >= 126) {
    const size = lengthField === 126 ? 2 : 8;
    log(`  ${t.extendedLength(range(offset, offset + size), frame.payloadLength)}`);
    offset += size;
  }

  if (frame.masked) {
    log(
      `  ${t.maskingKey(range(offset, offset + 4), formatVarying(hex(offset, offset + 4).replaceAll(' ', '')))}`,
    );
    offset += 4;
    const end = offset + frame.payloadLength;
    log(
      `  ${t.maskedPayload(range(offset, end), formatVarying(hex(offset, end).replaceAll(' ', '')))}`,
    );
    return;
  }

  if (frame.payloadLength > 0) {
    log(
      `  ${t.payload(range(offset, offset + frame.payloadLength), hex(offset, offset + frame.payloadLength))}`,
    );
  }
}
