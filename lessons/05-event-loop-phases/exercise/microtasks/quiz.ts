// Quiz for exercise 05/microtasks: in which order does this script print its letters?
// Predict before you run it, and write the order into answer.txt.
//
// The quiz starts inside a timer callback on purpose: at the top level of an ES module, Node 20
// runs promise callbacks before process.nextTick callbacks, while inside a callback nextTick
// callbacks run first.

setTimeout(() => {
  console.log('A');
  setTimeout(() => console.log('B'), 0);
  Promise.resolve().then(() => console.log('C'));
  process.nextTick(() => console.log('D'));
  queueMicrotask(() => console.log('E'));
  console.log('F');
}, 0);
