// Exercise 04/promise-all: fetch several URLs at the same time and wait for all of them.
// Check your work: npm run verify 04/promise-all      Stuck? npm run hint 04/promise-all

/** Fetches every URL in parallel; resolves with the response bodies in the order of `urls`. */
export async function fetchAll(urls: string[]): Promise<string[]> {
  // map starts every request before anything is awaited; Promise.all keeps the order of urls,
  // whatever order the responses arrive in, and rejects as soon as one request fails.
  return Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url);
      return response.text();
    }),
  );
}
