# diplograf: `make demo` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
OUT ?= out
SHARED ?= ../shared
#: the code before issue 21 (speed and scale), built side by side by benchmark-build
BASELINE ?= 2b45114

.PHONY: demo test test-fast lint models evaluate-models scores audit browser servers benchmark benchmark-build benchmark-view notebooks clean help

help:
	@echo "make demo             build the graph from examples/ into $(OUT)/ (creates $(VENV))"
	@echo "make test             the whole test suite (installs what it needs, Chromium included)"
	@echo "make test-fast        the tests not marked slow"
	@echo "make lint             ruff"
	@echo "make models           train the Indonesian Stanza models from $(SHARED)/data (resumable; PROFILE=cpu|gpu)"
	@echo "make evaluate-models  score the bundled models on GSD, CSUI and the NER test sets"
	@echo "                      (EVALUATE_ARGS=--tag-oracle: what the tagger's errors cost the parser)"
	@echo "make scores           per-relation scores on both development sets of $(SHARED) into docs/scores.md"
	@echo "make audit            100 random facts from 300 real articles to judge by hand (out/audit/); verdicts in docs/"
	@echo "make benchmark        load time and query latency, 1M synthetic triples: pyoxigraph vs rdflib"
	@echo "make notebooks        execute every notebook of notebooks/ (on the bundled examples, no network)"
	@echo "make benchmark-build  build speed and memory: words/s, stages, cached rebuild, peak RSS at 30 and 300 real articles, 2 workers,"
	@echo "                      and the same cold builds by the code before issue 21 (BASELINE=2b45114) side by side (about 12 min)"
	@echo "make benchmark-view   graph.html's size and load time in headless Chromium: examples, 300 real articles"

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,train,notebooks,scale]'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/diplograf build examples --out $(OUT) --store $(OUT)/store

# Debian's Chromium for the HTML view test (Playwright drives it; it never downloads a browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: chromium is not installed and this is not root: the browser test will be skipped"; fi; }

# Virtuoso for the triplestore load tests (the oxigraph server comes from PyPI with diplograf).
servers:
	@command -v virtuoso-t >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null; \
	  else echo "note: virtuoso-opensource is not installed and this is not root: the Virtuoso tests will be skipped"; fi; }

test: $(STAMP) browser servers
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

lint: $(STAMP)
	$(VENV)/bin/ruff check .

models: $(STAMP)
	$(PY) -m devtools.training --shared $(SHARED) --lanes 2 $(if $(PROFILE),--profile $(PROFILE))

evaluate-models: $(STAMP)
	$(PY) -m devtools.evaluate --shared $(SHARED) $(EVALUATE_ARGS)

scores: $(STAMP)
	$(PY) -m devtools.dev_report --shared $(SHARED)

audit: $(STAMP)
	$(PY) tools/audit.py --shared $(SHARED)

benchmark: $(STAMP)
	$(PY) benchmarks/store_benchmark.py

notebooks: $(STAMP)
	$(PY) -m pytest -q tests/test_notebooks.py

benchmark-build: $(STAMP)
	$(PY) benchmarks/build_benchmark.py --shared $(SHARED) --sizes 30,300 --workers 2 --baseline $(BASELINE)

benchmark-view: $(STAMP) browser
	$(PY) benchmarks/view_benchmark.py --shared $(SHARED)

clean:
	rm -rf $(OUT) .pytest_cache
