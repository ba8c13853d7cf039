// The peer's composition: GraphQL Mesh turns the agencies' OpenAPI contracts (the same files our stubs serve)
// into one supergraph for Hive Gateway, calling the bench stubs on $STUB_PORT.
import { defineConfig } from '@graphql-mesh/compose-cli';
import { createPrefixTransform } from '@graphql-mesh/fusion-composition';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

const stubs = `http://127.0.0.1:${process.env.STUB_PORT ?? '18091'}`;
const agency = (name: string) => ({
  sourceHandler: loadOpenAPISubgraph(name, {
    source: `../../stubs/${name}/openapi.yaml`,
    endpoint: `${stubs}/${name}/v1`,
  }),
  // The agencies reuse type names (Error, Address) with different shapes; each keeps its own.
  transforms: [createPrefixTransform({ value: `${name}_`, includeRootOperations: false })],
});

export const composeConfig = defineConfig({
  subgraphs: ['police', 'housing', 'bdc'].map(agency),
});
