// Exercise 04/callbacks: fetch several URLs at the same time and call back once all have arrived.
// Check your work: npm run verify 04/callbacks      Stuck? npm run hint 04/callbacks

import http from 'node:http';

/**
 * Fetches every URL in parallel with http.get. After the last response has ended, calls
 * `done(null, bodies)` once, with the bodies in the order of `urls`. A failure calls `done(error)`.
 */
export function fetchAllWithCallbacks(
  urls: string[],
  done: (error: Error | null, bodies?: string[]) => void,
): void {
  const bodies: string[] = [];
  urls.forEach((url, index) => {
    http
      .get(url, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          bodies[index] = body;
        });
      })
      .on('error', (error) => done(error));
  });

  // EXERCISE: this line runs before any response has arrived. Count the finished responses in
  // the 'end' handler instead, and call done(null, bodies) there after the last one.
  done(null, bodies);
}
