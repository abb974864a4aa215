# 乡治 xiangzhi — one image for every process; the command chooses which:
#   docker run IMAGE serve --subgraph grids   # a subgraph (xz serve; port from deploy/xiangzhi.yaml or $PORT)
#   docker run IMAGE gateway                  # the gateway on the supergraph composed at build time
#   docker run IMAGE migrate                  # apply committed migrations of every subgraph (a job)
#   docker run IMAGE <any other xz command>   # check, compose, seed, events dead, token …
# Configuration: environment variables (docs/operations.md lists them); deploy/xiangzhi.yaml is the
# deployment baked in (mount another and set XZ_DEPLOYMENT to change it).

# ---- build: install everything, compile, compose the supergraph, drop dev dependencies
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY package.json package-lock.json .npmrc ./
COPY libs libs
COPY apps apps
COPY plugins plugins
COPY tools tools
COPY nx.json tsconfig.base.json tsconfig.json eslint.config.mjs ./
RUN npm ci --no-audit --no-fund
RUN npm run build
COPY deploy deploy
RUN node libs/deployment/dist/cli.js compose --config deploy/xiangzhi.yaml --out /app/supergraph.graphql \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf .nx tools

# ---- runtime: Node.js, the compiled workspaces and production dependencies only
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production LOG_FORMAT=json SUPERGRAPH=/app/supergraph.graphql XZ_DEPLOYMENT=/app/deploy/xiangzhi.yaml
WORKDIR /app
COPY --from=build --chown=node:node /app /app
COPY --chmod=755 deploy/docker/entrypoint.sh /usr/local/bin/xiangzhi
USER node
EXPOSE 4000 4001 4002 4003 4004 4005
ENTRYPOINT ["/usr/local/bin/xiangzhi"]
CMD ["gateway"]
