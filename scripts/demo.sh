#!/usr/bin/env bash
# The main job on a fresh machine: install what is needed, build, package the VSIX, and open
# a real VS Code (code-server) on the demo workspace with the example trace already open.
# Prints the local address to open in a browser; Ctrl-C stops it.
#   PORT=8080 scripts/demo.sh      choose the port (default: 8080, or the next free one)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

scripts/install-system-deps.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi
npm run build
npm run package
VSIX=$(ls -t agent-trace-debugger-*.vsix | head -1)
scripts/setup-code-server.sh

DEMO="$ROOT/.vscode-test/demo"
rm -rf "$DEMO" && mkdir -p "$DEMO/user/User" "$DEMO/extensions"
cp -r demo/workspace "$DEMO/workspace"
cat > "$DEMO/user/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "workbench.colorTheme": "Default Dark Modern" }
JSON
CS="$ROOT/.vscode-test/code-server/node_modules/code-server/out/node/entry.js"
node "$CS" --user-data-dir "$DEMO/user" --extensions-dir "$DEMO/extensions" --install-extension "$ROOT/$VSIX" >/dev/null

PORT=${PORT:-8080}
while (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
echo
echo "VSIX: $VSIX ($(du -k "$VSIX" | cut -f1) KB)"
echo "Agent Trace Debugger demo: open http://127.0.0.1:$PORT/?folder=$DEMO/workspace"
echo "(the example trace opens by itself; Ctrl-C stops the server)"
# --config: keep code-server from writing ~/.config/code-server/config.yaml (it holds a password).
exec node "$CS" --config "$DEMO/config.yaml" --auth none --bind-addr "127.0.0.1:$PORT" --user-data-dir "$DEMO/user" --extensions-dir "$DEMO/extensions" \
  --disable-telemetry --disable-update-check --disable-workspace-trust "$DEMO/workspace"
