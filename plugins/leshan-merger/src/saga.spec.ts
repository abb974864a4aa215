import { describeSaga } from './testing/saga-suite';

describeSaga('leshan-merger saga on the in-process bus');
