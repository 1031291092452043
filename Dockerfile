# syntax=docker/dockerfile:1
# The production process: `npm start` (src/start.ts — the start-up checks, then one process or one
# per shard as SHARD_COUNT says) on Node 24 LTS, with production dependencies only, as a non-root user.
# Build: docker build -t film-fanatic-discord .   Run: docker run --env-file .env --stop-timeout 15 film-fanatic-discord
# (or docker compose up -d, see compose.yaml). .dockerignore keeps out node_modules, tests, the
# sandbox, the benchmark and .env.

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY convex ./convex
COPY src ./src
USER node
# Healthy while every shard is connected to Discord: each writes a heartbeat to HEALTH_DIR every
# 10 s (src/index.ts); src/healthcheck.ts fails when one is missing or older than 45 s.
ENV HEALTH_DIR=/tmp/film-fanatic-health
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["node", "--import", "tsx", "src/healthcheck.ts"]
# SIGTERM from `docker stop` reaches node directly (no shell, no npm in between): the bot stops
# taking interactions, finishes those in flight (up to 10 s) and exits 0. `docker run` needs
# --stop-timeout 15 for that (its default is 10 s); compose.yaml sets stop_grace_period: 15s.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/start.ts"]
