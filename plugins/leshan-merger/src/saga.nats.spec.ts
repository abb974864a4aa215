import { natsUnreachable, TEST_NATS_URL } from '@xiangzhi/testing';
import { describeSaga } from './testing/saga-suite';

/** The same saga on NATS JetStream (skipped when NATS is unreachable, unless `XZ_REQUIRE_NATS=true`). */
const down = natsUnreachable(TEST_NATS_URL);
if (down) {
  describe.skip(`leshan-merger saga on NATS JetStream (${down})`, () => {
    it('merges and compensates over NATS', () => undefined);
  });
} else {
  describeSaga('leshan-merger saga on NATS JetStream', TEST_NATS_URL);
}
