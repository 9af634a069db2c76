SHELL := /bin/bash
# On a fresh machine with Python 3.11 and make: `make demo`, `make test`, `make lab`, `make app` (the dashboard alone),
# `make docs` (the lessons site); `make readme` after editing nbs/index.ipynb.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# torch first, pinned to the release the project is tested with (a local wheel cache serves it offline); override for others,
# e.g. make demo TORCH_SPEC="torch torchvision --index-url https://download.pytorch.org/whl/cpu"
TORCH_SPEC ?= torch==2.14.1 torchvision==0.29.1
# the library versions that made the stored figures (data/results); `make CONSTRAINTS=` installs without the pins
CONSTRAINTS ?= constraints.txt
STAMP := $(VENV)/.installed

.PHONY: demo test lab app docs check-sync readme pytest browser clean
$(STAMP): settings.ini setup.py pyproject.toml $(CONSTRAINTS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q $(TORCH_SPEC)
	$(BIN)/pip install -q $(if $(CONSTRAINTS),-c $(CONSTRAINTS)) -e ".[dev,bench,fl,lessons]"
	touch $@

demo: $(STAMP)
	$(BIN)/gradvit-nb attack --out runs/demo --overwrite

# Notebooks are the source: fail when nbdev-clean or nbdev-export would change a file, then run the tests.
check-sync: $(STAMP)
	@before=$$(find nbs gradvit_nb -type f \( -name '*.ipynb' -o -name '*.py' \) -not -path '*/.ipynb_checkpoints/*' | sort | xargs sha1sum); \
	$(BIN)/nbdev-clean && $(BIN)/nbdev-export; \
	after=$$(find nbs gradvit_nb -type f \( -name '*.ipynb' -o -name '*.py' \) -not -path '*/.ipynb_checkpoints/*' | sort | xargs sha1sum); \
	if [ "$$before" != "$$after" ]; then \
	  echo "nbdev-clean / nbdev-export changed these files: clean the notebooks, export, and commit:"; \
	  diff <(echo "$$before") <(echo "$$after") | sed -n 's/^> [0-9a-f]* */  /p'; exit 1; fi; \
	echo "notebooks clean, library in sync"; \
	$(BIN)/python docs/make_readme.py --check

# README.md is generated from nbs/index.ipynb (nbdev's convention); check-sync fails when they differ
readme: $(STAMP)
	$(BIN)/python docs/make_readme.py

pytest: $(STAMP) browser
	$(BIN)/python -m pytest tests -q -p no:cacheprovider

# The browser test drives Debian's Chromium (never `playwright install`, which downloads one). Missing, it is installed
# with apt-get only when make runs as root (a CI machine), and the line below says so; otherwise make prints the
# command to run and the test skips (it fails under CI=true). make never calls sudo.
CHROMIUM ?= /usr/bin/chromium
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "make: installing Debian's chromium with apt-get (for tests/test_browser.py)"; \
	    env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 || \
	    { env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 && env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; } || \
	    echo "make: could not install chromium: tests/test_browser.py will skip (and fail under CI=true)"; \
	  else echo "make: chromium is missing; run 'sudo apt-get install chromium' for the browser test (it skips until then, fails under CI=true)"; fi; }

test: check-sync pytest

lab: $(STAMP)
	$(BIN)/jupyter lab nbs

# the dashboard alone, without code, for projecting in a workshop (Voila opens it in the browser; it listens on
# 127.0.0.1 only and asks for the token it prints, and its export box saves only into ./gallery)
app: $(STAMP)
	$(BIN)/voila --token --Voila.ip=127.0.0.1 apps/dashboard.ipynb

# the lessons as a static site (mkdocs-material + mkdocs-jupyter, API reference by mkdocstrings): every student lesson
# is executed first (15 min 37 s on the idle 2-core machine, 2026-12-01), lesson by lesson; unchanged lessons come from
# build/executed (44 s for a rebuild with nothing changed), and a lesson that fails is reported and shows its last good
# build; open build/site/index.html
docs: $(STAMP)
	$(BIN)/python docs/build_site.py

clean:
	rm -rf runs build dist *.egg-info
