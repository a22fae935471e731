// Exercise 04/promise-all: fetch several URLs at the same time and wait for all of them.
// Check your work: npm run verify 04/promise-all      Stuck? npm run hint 04/promise-all

/** Fetches every URL in parallel; resolves with the response bodies in the order of `urls`. */
export async function fetchAll(urls: string[]): Promise<string[]> {
  const bodies: string[] = [];
  // EXERCISE: this loop waits for each response before it starts the next request.
  // Start all requests first and wait for them together with Promise.all.
  for (const url of urls) {
    const response = await fetch(url);
    bodies.push(await response.text());
  }
  return bodies;
}
