import type { Access } from 'payload'

/** Public data (lists of operating systems, release cycles, navigation): readable by anyone. */
export const anyone: Access = () => true
