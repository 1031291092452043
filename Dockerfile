# syntax=docker/dockerfile:1
# Runs the bot (src/index.ts) with production dependencies only, as a non-root user.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY convex ./convex
COPY src ./src
USER node
# SIGTERM from `docker stop` reaches node directly and triggers a graceful shutdown.
CMD ["node", "--import", "tsx", "src/index.ts"]
