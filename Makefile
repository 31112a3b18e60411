# The two commands: `make run` and `make test`. Both set up .venv on first use.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	&& { echo $$p; break; }; done)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck contracts unit bench clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "SpecAssist needs Python 3.11 or newer on PATH." >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/specassist --demo

test: lint typecheck contracts unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check specassist tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

unit: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/import_bench.py
	$(BIN)/python bench/match_bench.py
	$(BIN)/python bench/match_scaling.py
	$(BIN)/python bench/tender_bench.py
	$(BIN)/python bench/discovery_bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache dist build

# ---- desktop bundle (installer/README.md) ----
PYINSTALLER := $(VENV)/.pyinstaller
BUNDLE_DIR  := dist/specassist
VERSION     := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' specassist/__init__.py)
ARCHIVE     := dist/specassist-$(VERSION)-linux-$(shell uname -m).tar.gz

$(PYINSTALLER): $(STAMP)
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.10"
	touch $(PYINSTALLER)

bundle: $(PYINSTALLER)
	rm -rf build/pyinstaller $(BUNDLE_DIR)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller installer/specassist.spec
	tar -C dist -czf $(ARCHIVE) specassist
	@du -sh $(BUNDLE_DIR) $(ARCHIVE)

bundle-test:
	installer/bundle_test.sh $(BUNDLE_DIR)

.PHONY: bundle bundle-test
