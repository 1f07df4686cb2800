#!/usr/bin/env bash
# Installs the Python referees the tests use (from PyPI), when they are missing.
# Usage: scripts/install-python-packages.sh PACKAGE...
set -euo pipefail
missing=()
for package in "$@"; do
  python3 -m pip show -q "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing missing Python packages: ${missing[*]}"
python3 -m pip install -q --disable-pip-version-check "${missing[@]}"
