import packageJson from '@/package.json';

/** This release's version (package.json): named in reports, exports' metadata and capture WARCs. */
export const APP_VERSION: string = packageJson.version;
