#!/bin/sh
# The Python module's tests (ctest python/module): python3-pytest from the
# first python3 that has it, else exit 77 (skipped) saying why.
# usage: run.sh SOURCE_DIR   (LOWWEAR_LIBRARY and LW_BINARY in the environment)
cd "$1" || exit 1
for py in python3 /usr/bin/python3; do
  if "$py" -c 'import pytest' 2>/dev/null; then
    exec "$py" -m pytest -q -rs -p no:cacheprovider python/tests
  fi
done
echo "skipped: no python3 with pytest (apt-get install python3-pytest)"
exit 77
