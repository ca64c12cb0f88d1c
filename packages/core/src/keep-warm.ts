/**
 * One instance of each class whose methods run the parse's hot loops, kept for the life of the
 * page or worker once a file was parsed. V8 forgets a class's hidden classes (its instances' field
 * layouts) once no instance is left, and throws away the optimized code of its methods with them:
 * every file after the first would run those loops cold again, from the interpreter up
 * (Chromium's deopt trace showed the dictionary's, the number reader's and the scanner's code
 * dropped at each parse). Called from the constructors, not at module load, so the modules stay
 * free of side effects (bundlers leave them out of the first load).
 */
const kept = new Map<unknown, object | undefined>();

/** Makes and keeps one instance the first time `key` (the class) is given. */
export function keepWarm(key: unknown, make: () => object): void {
  if (kept.has(key)) return;
  kept.set(key, undefined); // the instance `make` constructs calls here too
  kept.set(key, make());
}
