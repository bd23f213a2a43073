/** Picks one loader out of an `import.meta.glob` result, or undefined when that file is not in the build. */
export function optionalModule<T>(modules: Record<string, () => Promise<T>>, path: string): (() => Promise<T>) | undefined {
  return Object.hasOwn(modules, path) ? modules[path] : undefined;
}
