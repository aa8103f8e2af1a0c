import type { CdxComponent } from './schema.js';

/** Every value of a property, in document order (ref. CycloneDX 1.6: names may repeat). */
export function all(component: CdxComponent, name: string): string[] {
  return (component.properties ?? []).filter((p) => p.name === name).map((p) => p.value ?? '');
}

export function first(component: CdxComponent, name: string): string | undefined {
  return all(component, name)[0];
}
