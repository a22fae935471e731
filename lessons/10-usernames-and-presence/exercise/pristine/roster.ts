// Exercise 10: unique usernames, as the chat server assigns them.
// Check your work: npm run verify 10      Stuck? npm run hint 10

/** The usernames of the people online, each one unique. */
export class Roster {
  readonly #online = new Set<string>();

  /**
   * Adds a user and returns the name the user gets: `requestedName` when it is free, otherwise
   * `requestedName (N)` with the smallest N from 2 up that is free.
   */
  join(requestedName: string): string {
    const username = requestedName;
    // EXERCISE: when username is already online, try "requestedName (2)", "requestedName (3)" …
    // and use the first one that is not.

    this.#online.add(username);
    return username;
  }

  /** Removes a user, which frees the name for the next join. */
  leave(username: string): void {
    this.#online.delete(username);
  }

  /** The names online, in the order the users joined. */
  get names(): string[] {
    return [...this.#online];
  }
}
