# Two commands do all set-up on a fresh machine with Python 3.11+ and make:
#   make run    creates .venv from uv.lock and runs the pipeline on data/samples
#   make test   the whole test suite (unit + integration), exactly what CI runs

PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
VENV_STAMP := .venv/.synced

.PHONY: run test eval serve bench report lint clean uv

run: $(VENV_STAMP)
	$(UV) run --frozen zhfacts run $(ARGS)

test: $(VENV_STAMP)
	$(UV) run --frozen pytest $(ARGS)

eval: $(VENV_STAMP)
	$(UV) run --frozen zhfacts evaluate --gold ../shared/gold/dev \
		--input ../shared/seeds --input ../shared/corpus/dev $(ARGS)

serve: $(VENV_STAMP)
	$(UV) run --frozen zhfacts serve $(ARGS)

bench: $(VENV_STAMP)
	$(UV) run --frozen python benchmarks/bench.py $(ARGS)

report: $(VENV_STAMP)
	$(UV) run --frozen zhfacts report $(ARGS)

lint: $(VENV_STAMP)
	$(UV) run --frozen ruff check .

# uv is installed with pip when it is missing; `python3 -m uv` works wherever pip put it
# (a Debian system Python refuses plain user installs, hence the last fallback).
uv:
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || \
		$(PYTHON) -m pip install --quiet --user uv || $(PYTHON) -m pip install --quiet uv || \
		$(PYTHON) -m pip install --quiet --user --break-system-packages uv

$(VENV_STAMP): uv.lock pyproject.toml | uv
	$(UV) sync --frozen --compile-bytecode
	@touch $@

clean:
	rm -rf .venv warehouse/*.duckdb warehouse/*.duckdb.wal warehouse/*.lock warehouse/data_docs warehouse/gx
