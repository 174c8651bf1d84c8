# Everything a newcomer needs on a fresh Debian machine: `make demo` and `make test`.
# The venv is reinstalled only when pyproject.toml changes; Debian packages are installed only when missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

# Qt's offscreen and desktop platforms need these shared libraries; the integration tests need Dovecot and Courier's
# authentication with gamin's file monitor (Courier's IDLE), the notification tests a private session bus (dbus-daemon).
QT_PACKAGES := libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3 \
	fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
TEST_PACKAGES := dovecot-imapd courier-base courier-authdaemon courier-authlib-userdb gamin poppler-utils dbus-daemon \
	$(QT_PACKAGES)
# Courier's imapd and imaplogin, unpacked from courier-imap's .deb: installing that package would remove Dovecot.
COURIER_IMAP := .courier-imap

.PHONY: demo test test-fast lint lock bench translations translations-update bundle bundle-test venv qt-packages test-packages

demo: qt-packages $(INSTALLED) translations
	$(BIN)/loket demo

test: test-packages $(COURIER_IMAP) $(INSTALLED) translations lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n 2
	$(MAKE) bundle-test

# The edit-run loop: unit tests only, no server started, no lint, no bundle.
test-fast: qt-packages $(INSTALLED) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n 2 -m "not integration" tests/unit

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Bytecode first, as an installed Loket has it (a wheel or the bundle), even where PYTHONDONTWRITEBYTECODE is set:
# every process the bench starts (the sync and its workers) would otherwise compile its modules again.
bench: test-packages $(INSTALLED)
	@$(BIN)/python -m compileall -q desktop mail store bench
	@set -e; for script in bench/*.py; do \
		echo "== $$script"; \
		PYTHONPATH=. QT_QPA_PLATFORM=offscreen $(BIN)/python "$$script"; \
	done

# Compiled catalogues are built, never stored (.qm is ignored by git).
translations: $(INSTALLED)
	@set -e; for source in resources/i18n/*.ts; do \
		[ -e "$$source" ] || continue; \
		$(BIN)/pyside6-lrelease -silent "$$source" -qm "$${source%.ts}.qm"; \
	done

# New or changed tr() strings into the .ts sources (as unfinished, for a translator); the translation test lists them.
translations-update: $(INSTALLED)
	$(BIN)/python resources/i18n/update.py

# The one-folder app dist/loket/ (run dist/loket/loket); build/ keeps PyInstaller's cache between builds.
bundle: qt-packages $(INSTALLED) translations
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec

# The bundle starts, finds its resources and catalogues, paints the window and the demo without a network.
bundle-test: bundle
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	for language in nl de it; do test -s dist/loket/_internal/resources/i18n/loket_$$language.qm; done; \
	export QT_QPA_PLATFORM=offscreen; \
	dist/loket/loket --version; \
	dist/loket/loket --data-dir "$$tmp/store" --screenshot "$$tmp/window.png" >/dev/null; \
	LANG=de_DE.UTF-8 dist/loket/loket demo --screenshot "$$tmp/demo.png" >/dev/null; \
	test -s "$$tmp/window.png" && test -s "$$tmp/demo.png"; \
	echo "bundle: $$(du -sh dist/loket | cut -f1) in dist/loket, starts and paints"

venv: $(INSTALLED)

# python3 -m venv needs ensurepip, which Debian ships separately in python3-venv.
$(BIN)/python:
	@$(PYTHON) -c "import ensurepip" 2>/dev/null || .ci/debian-packages python3-venv
	$(PYTHON) -m venv $(VENV)

# Every dependency (app, demo, tests, bundle) at the version and hashes of requirements.lock; then Loket itself,
# editable, built with the lock's setuptools and PySide6 (its build compiles nothing an editable install needs).
$(INSTALLED): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@$(BIN)/python -m pip check >/dev/null || { $(BIN)/python -m pip check; echo "requirements.lock lacks what pyproject.toml asks for: run make lock" >&2; exit 1; }
	touch $@

# Renew requirements.lock from pyproject.toml's ranges (for Linux and this Python, the machines that test and bundle).
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --upgrade --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
		--extra demo --extra test --extra bundle --output-file requirements.lock pyproject.toml

qt-packages:
	@.ci/debian-packages $(QT_PACKAGES)

test-packages:
	@.ci/debian-packages $(TEST_PACKAGES)

$(COURIER_IMAP):
	@.ci/courier-imap $@
