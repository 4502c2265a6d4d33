#!/usr/bin/env bash
# Installs the Debian packages the real-VS-Code e2e tests need
# (see /work/shared/docs/real-vscode-e2e.md):
#   chromium            headless browser driven by playwright-core
#   ripgrep             stands in for @vscode/ripgrep's downloaded binary
#   lib*-dev, pkg-config  let code-server's native modules compile
#   (plus g++/make/python3 for node-gyp, only if not already on PATH)
# Idempotent: packages already installed are skipped, and apt-get is not
# called at all when nothing is missing. Runs as root (CI) or via sudo.
set -euo pipefail

PKGS=(chromium ripgrep libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# Compiler toolchain for the native rebuilds (node-gyp): checked by command,
# since it may come from somewhere other than apt (e.g. pyenv's python3).
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v python3 >/dev/null 2>&1 || missing+=(python3)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: all packages present (${PKGS[*]})"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "install-system-deps: not root and no sudo; please install: ${missing[*]}" >&2
  exit 1
fi

start=$(date +%s)
echo "install-system-deps: installing ${missing[*]}"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
echo "install-system-deps: done in $(( $(date +%s) - start ))s"
