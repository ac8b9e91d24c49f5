# One image for the api, worker and migrate apps (the command picks the app).
# Build: docker build -t utskrivningsflodet .   (see docker-compose.yml)
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-save --no-audit --no-fund
COPY . .
RUN node tools/setup.cjs && node tools/build.cjs \
  && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends curl \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma/migrations ./prisma/migrations
USER node
# api: node dist/apps/api/src/main.js · worker: node dist/apps/worker/src/main.js
# migrate: node dist/apps/migrate/src/main.js
CMD ["node", "--enable-source-maps", "dist/apps/api/src/main.js"]
