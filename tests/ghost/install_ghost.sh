#!/usr/bin/env bash
# Install a real Ghost (the CMS behind the site) from the npm registry, for the tests marked `ghost`.
# Cached outside the repository: KYIVIND_GHOST_HOME (default ~/.cache/kyivind/ghost-<version>).
set -euo pipefail
VERSION="${KYIVIND_GHOST_VERSION:-5.130.6}"
HOME_DIR="${KYIVIND_GHOST_HOME:-$HOME/.cache/kyivind/ghost-$VERSION}"
if [ -f "$HOME_DIR/package/.installed" ]; then
  echo "Ghost $VERSION already installed in $HOME_DIR"; exit 0
fi
command -v npm >/dev/null || { echo "npm not found: Ghost tests will be skipped"; exit 0; }
mkdir -p "$HOME_DIR"; cd "$HOME_DIR"
rm -rf package ghost-*.tgz
npm pack "ghost@$VERSION" --silent >/dev/null
tar xzf ghost-*.tgz
cd package
# one devDependency is fetched from a host outside the package registries: drop them all
node -e 'const f="package.json";const p=require("./"+f);delete p.devDependencies;require("fs").writeFileSync(f,JSON.stringify(p,null,2))'
npm install --omit=dev --legacy-peer-deps --no-audit --no-fund --loglevel=error
touch .installed
echo "Ghost $VERSION installed in $HOME_DIR/package"
