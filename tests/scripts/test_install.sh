#!/usr/bin/env bash
# cmake --install into a temporary prefix, then a user's C program compiled
# against it with `pkg-config --cflags --libs lowwear` maps the full adder
# through the API; its program must equal `lowwear map`'s byte for byte.
#   test_install.sh BUILD_DIR SOURCE_DIR C_COMPILER
# LW_CFLAGS (set by CTest) adds the sanitizer flags of a sanitizer build.
set -uo pipefail
build=$1 src=$2 cc=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# a skip is visible, and a failure under LW_TEST_NO_SKIP=1 (as in CI)
skip() {
  echo "SKIP: $*"
  [ -n "${LW_TEST_NO_SKIP:-}" ] && fail "skipped under LW_TEST_NO_SKIP: $*"
  exit 77
}
command -v pkg-config >/dev/null ||
  skip "pkg-config not installed (scripts/deps.sh installs it)"

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" ||
  fail "cmake --install exited $?: $(tail -3 "$tmp/install.log")"
lib=$prefix/lib
[ -d "$prefix/lib64" ] && lib=$prefix/lib64
for f in bin/lowwear include/lowwear/lowwear.h include/lowwear/status.h \
  share/doc/lowwear/README.md share/man/man1/lowwear.1; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
[ -e "$lib/liblowwear.a" ] || fail "not installed: liblowwear.a"
[ -e "$lib/pkgconfig/lowwear.pc" ] || fail "not installed: lowwear.pc"
so=$(objdump -p "$lib/liblowwear.so" | awk '/SONAME/ { print $2 }')
[ "$so" = liblowwear.so.0 ] || fail "soname '$so', expected liblowwear.so.0"

export PKG_CONFIG_PATH=$lib/pkgconfig
version=$(pkg-config --modversion lowwear) || fail "pkg-config has no lowwear"
[ "$version" = "$("$prefix/bin/lowwear" --version | awk '{ print $NF }')" ] ||
  fail "lowwear.pc version $version differs from lowwear --version"
# shellcheck disable=SC2046,SC2086
"$cc" ${LW_CFLAGS:-} -o "$tmp/install_map" "$src/tests/scripts/install_map.c" \
  $(pkg-config --cflags --libs lowwear) || fail "compiling against the prefix"
# the program must load the installed library, not the build's (ldd's whole
# output first: grep -q ends early, and pipefail would count ldd's SIGPIPE)
loads=$(LD_LIBRARY_PATH=$lib ldd "$tmp/install_map" 2>&1)
case "$loads" in
*"$lib/liblowwear.so.0"*) ;;
*) fail "install_map does not load $lib/liblowwear.so.0: $loads" ;;
esac

circuit=$src/examples/full_adder.blif
LD_LIBRARY_PATH=$lib "$tmp/install_map" "$circuit" "$tmp/api.json" ||
  fail "install_map exited $?"
"$prefix/bin/lowwear" map "$circuit" -o "$tmp/cli.json" || fail "lowwear map"
cmp "$tmp/api.json" "$tmp/cli.json" || fail "API program differs from lowwear map's"
echo "installed to a prefix; pkg-config lowwear $version; API program equals lowwear map's ($(wc -c <"$tmp/cli.json") bytes)"
