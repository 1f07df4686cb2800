# annual-report: `make report` renders the reference edition, `make test` runs every test.
EDITION      ?= inputs/cumbria-2023-24
BUILD_PACKAGES = libxml2-dev pkg-config
BIN          := .build/release/annual-report

.PHONY: report test check build system-packages docs clean

## report: install what is missing, build in release mode, check the default edition
report: build
	$(BIN) check $(EDITION)

## build: the release binary
build: system-packages
	swift build -c release --product annual-report

## test: every test (CI runs this)
test: system-packages
	swift test

## check: validate every edition under inputs/
check: build
	$(BIN) check inputs/*/

## docs: regenerate docs/rules.md from the rule catalogue
docs: build
	$(BIN) rules > docs/rules.md

system-packages:
	@scripts/install-system-packages.sh $(BUILD_PACKAGES)

clean:
	rm -rf .build output/*/
