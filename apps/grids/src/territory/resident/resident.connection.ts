import { LazyConnectionType } from '@xiangzhi/kernel';
import { Resident } from './resident.entity';

/** `ResidentConnection` / `ResidentEdge`: a county holds a million residents, so the count runs only when asked for, and stops above the kernel's COUNT_LIMIT. */
export const ResidentConnection = LazyConnectionType(Resident, 'Resident', '居民 / Residents');
