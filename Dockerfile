# syntax=docker/dockerfile:1
# The production images, cms and web, from one file (docs/deploy.md):
#   docker build --target cms -t pythondotorg-cms .
#   docker build --target web -t pythondotorg-web .
# docker-compose.yml builds both. The build stage has the dev dependencies and runs
# `npm run build` (the CMS's Next.js build, and dist/: the servers and commands compiled to
# JavaScript); the runtime stages have production dependencies only (no vitest, eslint,
# playwright, tsx, embedded Postgres or Meilisearch binary: tests/integration/deploy checks the
# same install), run plain node as the unprivileged `node` user, on Node 24 (the version
# scripts/installNode.sh tests with).
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 DATA_DIR=/data
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# What the compiled programs read at run time, and nothing else of the sources.
COPY --from=build /app/dist ./dist
COPY --from=build /app/cms/.next ./cms/.next
COPY --from=build /app/cms/next.config.mjs ./cms/next.config.mjs
COPY --from=build /app/cms/mail/templates ./cms/mail/templates
COPY --from=build /app/web/src/views ./web/src/views
COPY --from=build /app/web/public ./web/public
# Uploads and generated secrets live in DATA_DIR (a volume); the app's files stay root's, read-only to it.
RUN rm -rf cms/.next/cache && mkdir -p /data && chown node:node /data
USER node

FROM runtime AS cms
EXPOSE 3000
# Migrate, ensure the configured admin, seed an empty database; then serve. exec: node is the
# process that gets SIGTERM (compose runs tini as PID 1 in front of it).
CMD ["sh", "-c", "node dist/scripts/prepare.js && exec node dist/cms/server.js --port 3000"]

FROM runtime AS web
EXPOSE 8080
CMD ["node", "dist/web/server.js"]
