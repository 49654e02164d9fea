# Dexra: one image, two targets. `app` is Next's standalone server; `worker` runs `npm run worker` from source.
# Not built on the development machine (it has no Docker engine): kept deliberately plain.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/vendor-assets.mjs scripts/
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build

# The app: the standalone server (only the modules Next traced), static files, and the migrations it applies at start.
FROM node:20-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
USER node
EXPOSE 3000
# SIGTERM is handled: draining, SSE streams closed with a reconnect hint, leases released, exit within 10 s.
CMD ["node", "server.js"]

# The worker (webhook delivery; scale it out freely): the build stage with its full node_modules and sources.
FROM build AS worker
ENV NODE_ENV=production
USER node
CMD ["node", "--import", "tsx", "scripts/worker.ts"]

# PgBouncer from Debian (1.18), as the tests use it: transaction mode, see deploy/pgbouncer.ini.
FROM debian:bookworm-slim AS pgbouncer
RUN apt-get update && apt-get install -y --no-install-recommends pgbouncer && rm -rf /var/lib/apt/lists/*
COPY deploy/pgbouncer.ini deploy/userlist.txt /etc/pgbouncer/
USER postgres
EXPOSE 6432
CMD ["pgbouncer", "/etc/pgbouncer/pgbouncer.ini"]
