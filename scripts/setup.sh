#!/usr/bin/env bash
# setup.sh prepares a Debian or Ubuntu machine to build, run and test
# servicebp. It is idempotent: a second run checks and does nothing.
#
#   1. installs the Debian packages Fyne needs to build, the ones the
#      headless GUI tests use, and fonts with CJK glyphs, via apt-get, only
#      when some are missing (with sudo when not root);
#   2. downloads the Go modules;
#   3. installs staticcheck into $(go env GOPATH)/bin when it is missing or
#      not the pinned version.
#
# Go itself (1.26 or newer) must already be installed: https://go.dev/doc/install
set -euo pipefail

cd "$(dirname "$0")/.."

STATICCHECK_VERSION=v0.7.0

# Debian packages, by purpose (see DESIGN.md).
build_pkgs=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev)
gui_test_pkgs=(xvfb xauth xdotool imagemagick)
font_pkgs=(fonts-noto-cjk fonts-droid-fallback)
# Checkers of the SVG and PDF exports: xmllint, rsvg-convert, pdftotext and pdftoppm.
export_check_pkgs=(libxml2-utils librsvg2-bin poppler-utils)
# git and patch, for the tests of the git drivers and of fmt -d's diffs.
vcs_test_pkgs=(git patch)

say() { printf 'setup: %s\n' "$*"; }

install_debian_packages() {
	if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
		say "not a Debian-based system: install a C compiler and the OpenGL and X11 headers yourself (see Fyne's Getting started docs)"
		return 0
	fi
	local missing=() pkg
	for pkg in "${build_pkgs[@]}" "${gui_test_pkgs[@]}" "${font_pkgs[@]}" "${export_check_pkgs[@]}" "${vcs_test_pkgs[@]}"; do
		if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
			missing+=("$pkg")
		fi
	done
	if ((${#missing[@]} == 0)); then
		say "Debian packages: all present"
		return 0
	fi
	local sudo=()
	if ((EUID != 0)); then
		if ! command -v sudo >/dev/null 2>&1; then
			say "missing packages (${missing[*]}) and not root, and sudo is not installed" >&2
			return 1
		fi
		sudo=(sudo)
	fi
	say "installing Debian packages: ${missing[*]}"
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

check_go() {
	if ! command -v go >/dev/null 2>&1; then
		say "Go is not installed (or not on PATH); servicebp needs Go 1.26 or newer: https://go.dev/doc/install" >&2
		return 1
	fi
}

download_modules() {
	say "Go modules: go mod download"
	go mod download
}

install_staticcheck() {
	local gopath bin
	gopath="$(go env GOPATH)"
	bin="${gopath%%:*}/bin"
	if [[ -x "$bin/staticcheck" ]] && "$bin/staticcheck" -version 2>/dev/null | grep -qF "($STATICCHECK_VERSION)"; then
		say "staticcheck $STATICCHECK_VERSION: present in $bin"
		return 0
	fi
	say "installing staticcheck $STATICCHECK_VERSION into $bin"
	GOBIN="$bin" go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
}

install_debian_packages
check_go
download_modules
install_staticcheck
say "done"
