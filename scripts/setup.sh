#!/usr/bin/env bash
# Setup step shared by the run and test commands: installs every Debian package the build,
# the server and the tests need, fetches Dear ImGui's sources from Debian's source package and
# installs the npm test drivers from the lockfile. Idempotent and quiet when nothing is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$(pwd)

IMGUI_SERIES="1.92"          # Dear ImGui 1.92.x: dynamic font atlases make a CJK font practical.
DEPS_DIR="$top/.deps"

# Debian packages by what needs them.
PKGS_BUILD="cmake make g++ pkg-config emscripten nlohmann-json3-dev doctest-dev libhowardhinnant-date-dev"
PKGS_SERVER="libcpp-httplib-dev libssl-dev ca-certificates libsqlite3-dev libpqxx-dev libpq-dev libsodium-dev zlib1g-dev libbrotli-dev tzdata"
PKGS_ASSETS="fonts-wqy-microhei python3 python3-fonttools python3-brotli unicode-data"
PKGS_TESTS="nodejs chromium postgresql sqlite3 openssl dpkg-dev xz-utils curl"

say() { printf 'setup: %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { say "not root and no sudo: install as root or install sudo"; exit 1; }
  SUDO="sudo"
fi
apt_get() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }

missing_packages() {
  local p
  for p in $PKGS_BUILD $PKGS_SERVER $PKGS_ASSETS $PKGS_TESTS; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

# 1. Debian packages.
missing=$(missing_packages | tr '\n' ' ')
if [ -n "${missing// /}" ]; then
  say "installing Debian packages: $missing"
  apt_get update -qq
  # shellcheck disable=SC2086
  apt_get install -y -qq --no-install-recommends $missing >/dev/null
fi
# nodejs may come from elsewhere on a developer machine; npm ships with it there.
command -v npm >/dev/null || { say "installing npm"; apt_get install -y -qq --no-install-recommends npm >/dev/null; }

# 2. Dear ImGui sources from Debian's source package. The deb-src entry is derived from the
#    machine's own apt sources (no host is written here); 1.92 lives in the development suite.
imgui_dir() { ls -d "$DEPS_DIR"/imgui-"$IMGUI_SERIES"* 2>/dev/null | head -n1; }
if [ -z "$(imgui_dir)" ] || [ ! -f "$(imgui_dir)/imgui.h" ]; then
  src_list=/etc/apt/sources.list.d/workbench-imgui-src.sources
  if [ ! -f "$src_list" ]; then
    base=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 || true)
    if [ -n "$base" ]; then
      uri=$(awk '/^URIs:/{print $2; exit}' "$base")
      keyring=$(awk '/^Signed-By:/{print $2; exit}' "$base")
    else
      uri=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list)
      keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    fi
    [ -n "$uri" ] || { say "cannot derive a Debian source entry from the apt configuration"; exit 1; }
    say "enabling Debian source packages (sid) for imgui from $base"
    printf 'Types: deb-src\nURIs: %s\nSuites: sid\nComponents: main\nSigned-By: %s\n' "$uri" "$keyring" |
      $SUDO tee "$src_list" >/dev/null
    apt_get update -qq
  fi
  version=$(apt-cache showsrc imgui 2>/dev/null | awk '/^Version:/{print $2}' | grep "^$IMGUI_SERIES" | sort -V | tail -n1 || true)
  [ -n "$version" ] || { apt_get update -qq; version=$(apt-cache showsrc imgui | awk '/^Version:/{print $2}' | grep "^$IMGUI_SERIES" | sort -V | tail -n1); }
  [ -n "$version" ] || { say "no imgui $IMGUI_SERIES.x source package is available"; exit 1; }
  say "fetching Dear ImGui source package imgui=$version"
  mkdir -p "$DEPS_DIR/download"
  # As root apt hands downloads to its sandbox user, who may not reach a private checkout.
  sandbox=(); [ "$(id -u)" -eq 0 ] && sandbox=(-o APT::Sandbox::User=root)
  (cd "$DEPS_DIR/download" && apt-get source "${sandbox[@]}" --download-only -qq "imgui=$version" >/dev/null)
  tarball=$(ls "$DEPS_DIR"/download/imgui_*.orig.tar.* | head -n1)
  upstream=${version%%-*}; upstream=${upstream#*:}; upstream=${upstream%%+*}
  rm -rf "$DEPS_DIR/imgui-$upstream" && mkdir -p "$DEPS_DIR/imgui-$upstream"
  tar -xf "$tarball" -C "$DEPS_DIR/imgui-$upstream" --strip-components=1
  [ -f "$DEPS_DIR/imgui-$upstream/imgui.h" ] || { say "imgui tarball has an unexpected layout"; exit 1; }
fi

# 3. npm test drivers, exactly as the lockfile says.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm test drivers from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
exit 0
