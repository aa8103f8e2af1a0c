export { openImageArchive } from './open-image-archive.js';
export { openDockerArchive } from './docker-archive.js';
export { openOciLayout } from './oci-layout.js';
export { directoryFiles, tarFiles } from './archive-files.js';
export type { ArchiveFiles } from './archive-files.js';
export type { ArchiveSelection } from './select-image.js';
