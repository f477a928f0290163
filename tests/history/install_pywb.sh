#!/usr/bin/env bash
# pywb in a virtual environment of its own (it pins redis, werkzeug, pyOpenSSL and brings brotlipy, whose
# `brotli` module would shadow the one kyivind reads brotli answers with): tests/history/.venv-pywb
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -x "$here/.venv-pywb/bin/wayback" ]; then
  python -m venv "$here/.venv-pywb"
  "$here/.venv-pywb/bin/pip" install -q "pywb>=2.8"
fi
"$here/.venv-pywb/bin/wayback" --help >/dev/null
echo "pywb: $here/.venv-pywb/bin/wayback"
