import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Histogram } from 'prom-client';
import type { GatewayContext } from './actor-data-source';

type GatewayResponse = Awaited<ReturnType<GraphQLDataSource<GatewayContext>['process']>>;

/**
 * Times every fetch the gateway makes to one subgraph into `xz_subgraph_fetch_duration_seconds`
 * (`subgraph`, `outcome`: `ok`, `error` when the subgraph answered with errors, `unavailable` when
 * it could not be reached or answered a non-2xx status).
 */
export class TimedDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly inner: GraphQLDataSource<GatewayContext>,
    private readonly subgraph: string,
    private readonly histogram: Histogram<'subgraph' | 'outcome'>,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayResponse> {
    const end = this.histogram.startTimer({ subgraph: this.subgraph });
    try {
      const response = await this.inner.process(options);
      end({ outcome: response.errors?.length ? 'error' : 'ok' });
      return response;
    } catch (error) {
      end({ outcome: 'unavailable' });
      throw error;
    }
  }
}
