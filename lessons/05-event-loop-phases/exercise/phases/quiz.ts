// Quiz for exercise 05/phases: in which order does this script print its letters?
// Predict before you run it, and write the order into answer.txt.
//
// Everything happens inside the callback of fs.readFile, that is in the poll phase of the event
// loop. From there the order of setTimeout(0) and setImmediate is fixed; at the top level of the
// main module it is not, because it depends on how long the loop took to start.

import { readFile } from 'node:fs';
import { fileURLToPath } from 'node:url';

readFile(fileURLToPath(import.meta.url), () => {
  console.log('A');
  setTimeout(() => console.log('B'), 0);
  setImmediate(() => {
    console.log('C');
    process.nextTick(() => console.log('G'));
  });
  process.nextTick(() => console.log('D'));
  Promise.resolve().then(() => console.log('E'));
  console.log('F');
});
