/** The keyed ID number hash lives in `@xiangzhi/grids-api` (personnel keeps cadres' hashes with the same key). */
export { DEVELOPMENT_ID_HASH_SECRET, idHashSecret, idNumberHash, normaliseIdNumber } from '@xiangzhi/grids-api';
