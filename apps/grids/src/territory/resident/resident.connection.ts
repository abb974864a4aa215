import { ConnectionType } from '@xiangzhi/kernel';
import { Resident } from './resident.entity';

/** `ResidentConnection` / `ResidentEdge`. */
export const ResidentConnection = ConnectionType(Resident, 'Resident', '居民 / Residents');
