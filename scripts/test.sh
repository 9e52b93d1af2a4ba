#!/usr/bin/env bash
# The whole test suite: lint, typecheck, build, compose file, unit, integration, end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "lint"
npm run lint --silent
step "typecheck and build"
npm run build --silent
npx tsc -p tsconfig.tests.json
step "docker-compose.yml"
HEARTH_DOMAIN=hearth.example.org TURN_SECRET=compose-check-only-secret HEARTH_SECRET=compose-check-only-secret-of-32-chars REDIS_PASSWORD=compose-check-only docker-compose -f docker-compose.yml config -q && echo "docker-compose config: ok"
step "mediasoup worker: smoke test and a DTLS handshake"
node scripts/worker/smoke.mjs
node scripts/worker/dtls-smoke.mjs
results=.test-results
rm -rf "$results" && mkdir -p "$results"
step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json"
step "integration tests (real server, real mediasoup worker)"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/integration.json"
step "end-to-end tests (Chromium)"
PLAYWRIGHT_JSON_OUTPUT_FILE="$PWD/$results/e2e.json" npm run test:e2e --silent
step "summary"
node scripts/test-summary.mjs "$results"
