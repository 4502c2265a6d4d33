#!/usr/bin/env bash
# Installs code-server (VS Code as a server, from the npm registry) into
# <repo>/.vscode-test/code-server/ for the real-VS-Code e2e tests, following
# /work/shared/docs/real-vscode-e2e.md. Needs scripts/install-system-deps.sh first.
#
# Contract:
#   - idempotent: exits at once when the stamp + check files for
#     CODE_SERVER_VERSION are present; otherwise rebuilds the folder from scratch.
#   - works from any cwd and as root (code-server's own postinstall refuses root
#     and downloads ripgrep, so scripts are off and its steps are done by hand).
#   - entry point afterwards: .vscode-test/code-server/node_modules/code-server/out/node/entry.js
#     (test/e2e/harness.ts resolves it the same way).
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.99.4}"   # last release that runs on Node 20
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/.vscode-test/code-server"
STAMP="$DIR/.installed-$CODE_SERVER_VERSION"
ARGON="$DIR/node_modules/argon2/lib/binding/napi-v3/argon2.node"
VSC="$DIR/node_modules/code-server/lib/vscode"
PTY="$VSC/node_modules/node-pty/build/Release/pty.node"
NPM_FLAGS=(--ignore-scripts --no-audit --no-fund --loglevel=error)

if [ -f "$STAMP" ] && [ -f "$ARGON" ] && [ -f "$PTY" ]; then
  echo "setup-code-server: code-server@$CODE_SERVER_VERSION already installed in $DIR"
  exit 0
fi

command -v rg >/dev/null 2>&1 || { echo "setup-code-server: rg not found; run scripts/install-system-deps.sh" >&2; exit 1; }

start=$(date +%s)
step() { echo "setup-code-server: [$(( $(date +%s) - start ))s] $*"; }

rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
# npm 11 gates install scripts: approve argon2's native build explicitly.
echo '{ "private": true, "allowScripts": { "argon2": true } }' > package.json

step "npm install code-server@$CODE_SERVER_VERSION"
npm install "${NPM_FLAGS[@]}" "code-server@$CODE_SERVER_VERSION"

cd "$VSC"
step "npm install (lib/vscode)"
npm install --omit=dev "${NPM_FLAGS[@]}"

# @vscode/ripgrep would download rg from GitHub; use the system binary instead.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg

step "rebuild native modules (lib/vscode)"
# node-pty's post-install step fails after pty.node is built (it runs
# `npx node-gyp configure -f compile_commands_json`, which npx refuses without
# --yes); the module works, so the exit status is ignored, the output goes to
# rebuild.log, and the require() check below decides.
if ! npm rebuild --ignore-scripts=false --loglevel=error \
  node-pty @parcel/watcher @vscode/spdlog native-watchdog kerberos > "$DIR/rebuild.log" 2>&1; then
  echo "setup-code-server: npm rebuild exited non-zero (expected: node-pty post-install); see $DIR/rebuild.log"
fi
node -e "for (const m of ['node-pty','@parcel/watcher','@vscode/spdlog','native-watchdog','kerberos']) require(m)" || {
  echo "setup-code-server: a native module does not load; tail of rebuild.log:" >&2
  tail -40 "$DIR/rebuild.log" >&2; exit 1; }
ln -sfn node_modules node_modules.asar

step "npm install (lib/vscode/extensions)"
(cd extensions && npm install --omit=dev "${NPM_FLAGS[@]}")

cd "$DIR"
step "rebuild argon2"
npm rebuild --loglevel=error argon2

for f in "$ARGON" "$PTY"; do
  [ -f "$f" ] || { echo "setup-code-server: missing $f; install failed" >&2; exit 1; }
done
touch "$STAMP"
step "done: code-server@$CODE_SERVER_VERSION installed in $DIR"
