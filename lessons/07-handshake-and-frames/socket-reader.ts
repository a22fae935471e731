// Reads a raw TCP socket the way lesson 07 needs it: first the HTTP response head, then one
// WebSocket frame at a time. TCP delivers a byte stream, not messages, so one `data` event may
// contain half a frame or two frames. The reader keeps the bytes until a whole unit has arrived.

import type { Socket } from 'node:net';

import { decodeFrame, type DecodedFrame } from './frames.ts';

const HEAD_END = '\r\n\r\n';

export class SocketReader {
  #buffer = Buffer.alloc(0);
  #ended = false;
  #wake: (() => void) | undefined;

  constructor(socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#wake?.();
    });
    socket.on('close', () => {
      this.#ended = true;
      this.#wake?.();
    });
  }

  /** Resolves with the HTTP head (status line and headers), without the blank line after it. */
  async readHead(): Promise<string> {
    for (;;) {
      const end = this.#buffer.indexOf(HEAD_END);
      if (end !== -1) {
        const head = this.#buffer.subarray(0, end).toString('latin1');
        this.#buffer = this.#buffer.subarray(end + HEAD_END.length);
        return head;
      }
      await this.#more('the HTTP response head');
    }
  }

  /** Resolves with the next whole frame and its raw bytes. */
  async readFrame(): Promise<DecodedFrame & { bytes: Buffer }> {
    for (;;) {
      const frame = decodeFrame(this.#buffer);
      if (frame) {
        const bytes = this.#buffer.subarray(0, frame.frameLength);
        this.#buffer = this.#buffer.subarray(frame.frameLength);
        return { ...frame, bytes };
      }
      await this.#more('a WebSocket frame');
    }
  }

  /** Resolves once the peer has closed the TCP connection. */
  async waitForClose(): Promise<void> {
    while (!this.#ended) await new Promise<void>((resolve) => (this.#wake = resolve));
  }

  #more(expected: string): Promise<void> {
    if (this.#ended) {
      return Promise.reject(new Error(`connection closed while waiting for ${expected}`));
    }
    return new Promise((resolve) => (this.#wake = resolve));
  }
}
