import { renameAnalyzed } from './selection.js';
import type { FileEntry, LayerEntry, LayerSelection } from './selection.js';

/**
 * The image's root filesystem as the layers stack it, holding only what the selections hold:
 * every path, and the bytes of selected files. ref. OCI image-spec v1.1 "Applying Changesets".
 */
export type OverlayNode = DirNode | FileNode | SymlinkNode | OtherNode;

export interface DirNode {
  kind: 'dir';
  layer: string;
  children: Map<string, OverlayNode>;
}

export interface FileNode {
  kind: 'file';
  /** Digest of the layer that wrote this path last. */
  layer: string;
  /** Its path here may differ from the node's (a hard link carries its target's entry). */
  entry: FileEntry;
}

export interface SymlinkNode {
  kind: 'symlink';
  layer: string;
  target: string;
}

export interface OtherNode {
  kind: 'other';
  layer: string;
}

/** Symlinks followed in one lookup before giving up, as Linux does (MAXSYMLINKS). */
export const MAX_SYMLINK_HOPS = 40;

/** Stacks the layers, bottom first. */
export function buildOverlay(layers: readonly LayerSelection[]): DirNode {
  const root: DirNode = { kind: 'dir', layer: '', children: new Map() };
  for (const layer of layers) applyLayer(root, layer);
  return root;
}

/**
 * "Whiteout files MUST only apply to resources in lower/parent layers. Files that are present in the
 * same layer as a whiteout file can only be hidden by whiteout files in subsequent layers." So the
 * layer's whiteouts and opaque markers are applied first, wherever they sit in the tar, then its entries.
 */
function applyLayer(root: DirNode, layer: LayerSelection): void {
  for (const entry of layer.entries) {
    if (entry.type === 'whiteout') {
      const parent = lookupDir(root, parentParts(entry.path));
      parent?.children.delete(baseName(entry.path));
    } else if (entry.type === 'opaque') {
      ensureDir(root, splitPath(entry.path), layer.digest).children.clear();
    }
  }
  for (const entry of layer.entries) addEntry(root, entry, layer.digest);
}

function addEntry(root: DirNode, entry: LayerEntry, layer: string): void {
  if (entry.type === 'whiteout' || entry.type === 'opaque') return;
  const parent = ensureDir(root, parentParts(entry.path), layer);
  const name = baseName(entry.path);
  switch (entry.type) {
    case 'dir': {
      // A directory over a directory merges with it; over anything else it replaces it.
      if (parent.children.get(name)?.kind !== 'dir') parent.children.set(name, { kind: 'dir', layer, children: new Map() });
      return;
    }
    case 'file':
      parent.children.set(name, { kind: 'file', layer, entry });
      return;
    case 'symlink':
      parent.children.set(name, { kind: 'symlink', layer, target: entry.target });
      return;
    case 'hardlink': {
      // The target is in a lower layer (the spec neither allows nor forbids it: image-spec issue
      // #1204): the link is that file under a new name. Bytes analyzers saw it under the target's
      // name, and their outputs name files only in locations and errors, so those are renamed.
      const target = lookup(root, entry.target, false);
      if (target?.kind === 'file') {
        const { analyzed, ...same } = target.entry;
        const renamed = analyzed?.map((a) => renameAnalyzed(a, target.entry.path, entry.path));
        parent.children.set(name, { kind: 'file', layer, entry: { ...same, path: entry.path, ...(renamed !== undefined ? { analyzed: renamed } : {}) } });
      } else {
        parent.children.set(name, { kind: 'other', layer });
      }
      return;
    }
    case 'other':
      parent.children.set(name, { kind: 'other', layer });
  }
}

/**
 * The directory at `parts`, created when missing. A symlink on the way is followed when it leads to
 * a directory inside the root (as containerd applies layers: parents resolve in the root); anything
 * else in the way is replaced, as extracting a layer over it would.
 */
function ensureDir(root: DirNode, parts: readonly string[], layer: string): DirNode {
  let stack: DirNode[] = [root];
  for (const part of parts) {
    const dir = stack[stack.length - 1] ?? root;
    const child = dir.children.get(part);
    if (child?.kind === 'dir') {
      stack.push(child);
      continue;
    }
    if (child?.kind === 'symlink') {
      const resolved = resolveSteps([...stack], [part], true);
      if (resolved?.node.kind === 'dir') {
        stack = [...resolved.parents, resolved.node];
        continue;
      }
    }
    const created: DirNode = { kind: 'dir', layer, children: new Map() };
    dir.children.set(part, created);
    stack.push(created);
  }
  return stack[stack.length - 1] ?? root;
}

/** The directory at `parts`, following symlinks, or undefined. */
function lookupDir(root: DirNode, parts: readonly string[]): DirNode | undefined {
  const node = parts.length === 0 ? root : lookup(root, parts.join('/'), true);
  return node?.kind === 'dir' ? node : undefined;
}

/**
 * The node at a root-relative path, resolving symlinks as a chroot would: absolute targets restart
 * at the root, `..` stops at the root, at most MAX_SYMLINK_HOPS links. Nothing resolves on the host.
 */
export function lookup(root: DirNode, path: string, followLast: boolean): OverlayNode | undefined {
  return resolveSteps([root], splitPath(path), followLast)?.node;
}

/** Walks `parts` from the directory on top of `stack` (root first); gives the node and the directories above it. */
function resolveSteps(stack: DirNode[], parts: readonly string[], followLast: boolean): { node: OverlayNode; parents: DirNode[] } | undefined {
  const root = stack[0];
  if (root === undefined) return undefined;
  let pending = [...parts];
  let hops = 0;
  while (pending.length > 0) {
    const [part, ...rest] = pending;
    pending = rest;
    if (part === undefined) break;
    if (part === '..') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const dir = stack[stack.length - 1] ?? root;
    const node = dir.children.get(part);
    if (node === undefined) return undefined;
    const last = pending.length === 0;
    if (node.kind === 'symlink' && (!last || followLast)) {
      if (++hops > MAX_SYMLINK_HOPS) return undefined;
      if (node.target.startsWith('/')) stack.length = 1;
      pending = [...splitPath(node.target), ...pending];
      continue;
    }
    if (last) return { node, parents: stack };
    if (node.kind !== 'dir') return undefined;
    stack.push(node);
  }
  const node = stack.pop() ?? root;
  return { node, parents: stack.length > 0 ? stack : [] };
}

/** Every regular file that survives, with its path, sorted as scanRootfs sorts. */
export function survivingFiles(root: DirNode, offered: (path: string) => boolean): Array<{ path: string; node: FileNode }> {
  const out: Array<{ path: string; node: FileNode }> = [];
  const stack: Array<{ dir: DirNode; prefix: string }> = [{ dir: root, prefix: '' }];
  while (stack.length > 0) {
    const { dir, prefix } = stack.pop() ?? { dir: root, prefix: '' };
    for (const [name, node] of dir.children) {
      const path = prefix === '' ? name : `${prefix}/${name}`;
      if (node.kind === 'dir') stack.push({ dir: node, prefix: path });
      else if (node.kind === 'file' && offered(path)) out.push({ path, node });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

function parentParts(path: string): string[] {
  return splitPath(path).slice(0, -1);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
