#!/usr/bin/env bash
# Sets Hearth up on a Debian/Ubuntu machine that has Node.js and npm:
# system packages the media worker needs, npm dependencies, the mediasoup worker, a build.
#   npm run setup                      what running Hearth needs
#   npm run setup -- --with-test-tools   also Chromium, docker-compose, redis-server, iproute2 and espeak-ng (a voice for the weak-network e2e), for `npm test`
#   npm run setup -- --with-bench-tools  also ffmpeg (the media benchmarks' recording), for `npm run bench`
set -euo pipefail
cd "$(dirname "$0")/.."

with_test_tools=0
with_bench_tools=0
for arg in "$@"; do
  case "$arg" in
    --with-test-tools) with_test_tools=1 ;;
    --with-bench-tools) with_bench_tools=1 ;;
    *) echo "setup: unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { printf '[setup] %s\n' "$*"; }

node_major=$(node -p 'process.versions.node.split(".")[0]')
node_minor=$(node -p 'process.versions.node.split(".")[1]')
if [ "$node_major" -lt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -lt 19 ]; }; then
  echo "setup: Hearth needs Node.js 20.19 or newer (found $(node --version))" >&2
  exit 1
fi

# What the mediasoup worker needs to build from source (used only when no prebuilt worker
# can be had) and to run (libsrtp2-1), and what the test suite drives.
packages=(meson ninja-build pkg-config g++ patch libssl-dev libuv1-dev libabsl-dev
  libflatbuffers-dev flatbuffers-compiler libsrtp2-dev libsrtp2-1)
if [ "$with_test_tools" = 1 ]; then packages+=(chromium docker-compose openssl redis-server iproute2 ethtool python3 espeak-ng); fi
# ffmpeg encodes the clip the media benchmarks' bots replay (bench/media/recording.mjs); the tests do not need it.
if [ "$with_bench_tools" = 1 ]; then packages+=(chromium ffmpeg iproute2); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "setup: missing system packages (${missing[*]}) and no apt-get to install them; install their equivalents and rerun" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "system packages present"
fi

# npm ci only when nothing is installed or the lockfile changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies"
  # mediasoup's own postinstall would try GitHub and PyPI; the next step obtains the worker instead.
  MEDIASOUP_WORKER_BIN=skip-mediasoup-postinstall npm ci --no-audit --no-fund
else
  say "npm dependencies up to date"
fi

node scripts/worker/obtain-worker.mjs

say "building"
npm run build --silent
say "done"
