# Attest — the two commands a newcomer needs are `make run` and `make test`.
# Each installs what is missing first (Debian/Ubuntu packages via apt-get, npm packages).

SHELL := /bin/bash
.DEFAULT_GOAL := help

TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
APP_DEBUG := $(TARGET_DIR)/debug/attest-desktop
TAURI := $(CURDIR)/ui/node_modules/.bin/tauri
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages to build the app, and to drive it in tests.
BUILD_PACKAGES := build-essential file pkg-config libssl-dev libwebkit2gtk-4.1-dev \
  libsoup-3.0-dev libjavascriptcoregtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev
# LibreOffice and poppler read our DOCX and PDF exports in the tests, networkx (PyPI)
# our GraphML and GEXF.
TEST_PACKAGES := xvfb xauth webkit2gtk-driver libreoffice-writer-nogui poppler-utils fonts-dejavu-core \
  fonts-noto-core

.PHONY: help deps test-deps apt ui app run test lint test-rust test-ui test-e2e bindings bundle install clean

help:
	@echo "make run      install what is missing, build, and start Attest on the default notebook"
	@echo "make test     install what is missing (and the test tools), run every test"
	@echo "make bundle   build the .deb (target/release/bundle/deb)"
	@echo "make install  install that .deb"

# --- dependencies -------------------------------------------------------------------

deps:
	@command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs), then run make again."; exit 1; }
	@command -v node >/dev/null && node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' \
	  || { echo "Node.js 20 or newer is needed (node --version)."; exit 1; }
	@$(MAKE) --no-print-directory apt PACKAGES="$(BUILD_PACKAGES)"
	@if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then \
	  cd ui && npm ci --no-audit --no-fund; fi

test-deps: deps
	@$(MAKE) --no-print-directory apt PACKAGES="$(TEST_PACKAGES)"
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --version "^2" --locked
	@python3 -c 'import networkx' 2>/dev/null || python3 -m pip install --quiet networkx

# Installs the Debian packages in PACKAGES that are not installed yet.
apt:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# --- build and run ------------------------------------------------------------------

ui: deps
	cd ui && npm run build

# The app with the UI embedded (debug build: quick to compile, what the tests drive).
app: deps
	$(TAURI) build --debug --no-bundle

run: app
	$(APP_DEBUG)

# --- tests --------------------------------------------------------------------------

test: test-deps
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-rust
	$(MAKE) --no-print-directory bindings
	$(MAKE) --no-print-directory test-ui
	$(MAKE) --no-print-directory test-e2e

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --locked -- -D warnings

test-rust:
	cargo test --workspace --locked

# ts-rs writes ui/src/bindings during `cargo test`; committed bindings must match.
bindings:
	@if git rev-parse --git-dir >/dev/null 2>&1 && [ -n "$$(git status --porcelain -- ui/src/bindings)" ]; then \
	  git status --short -- ui/src/bindings; \
	  echo "ui/src/bindings is out of date with the Rust types: commit the regenerated files."; exit 1; fi

test-ui:
	cd ui && npm test

test-e2e: app
	ATTEST_APP=$(APP_DEBUG) NO_AT_BRIDGE=1 xvfb-run -a --server-args="-screen 0 1280x800x24" \
	  node --test --test-reporter=spec tests/e2e/

# --- packages -----------------------------------------------------------------------

bundle: deps
	$(TAURI) build --bundles deb

install: bundle
	$(SUDO) apt-get install -y $(TARGET_DIR)/release/bundle/deb/*.deb

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
