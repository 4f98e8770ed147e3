# The two commands a newcomer needs: `make run` and `make test`.
# Everything else is built on demand from the repo's own scripts, and only when its
# inputs changed (make compares timestamps).

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
MODEL_DIR ?= models/multilingual-e5-small
INDEX  := $(or $(ASSISTANT_INDEX_DIR),index/build)/manifest.json
BOT_MODEL := bot/models/assistant.tar.gz
# The documents: the built-in folder, or the folders ASSISTANT_SOURCES_DIRS names (":"-separated).
SOURCE_DIRS := $(if $(ASSISTANT_SOURCES_DIRS),$(subst :, ,$(ASSISTANT_SOURCES_DIRS)),knowledge/sources)
SOURCES := $(foreach d,$(SOURCE_DIRS),$(wildcard $(d)/*)) $(shell find knowledge -name "*.py")
# Changes when the folder setting does, so a different set of folders rebuilds the index.
SOURCES_SETTING := var/sources-setting
BOT_INPUTS := config.yml bot/domain.yml $(shell find bot/data bot/nlu -type f -name '*.yml' -o -type f -name '*.py') \
              knowledge/language/*.py

export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL=2
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export MPLBACKEND=Agg
export OMP_NUM_THREADS=1
export TOKENIZERS_PARALLELISM=false
export USE_TF=0
export PYTHONDONTWRITEBYTECODE=1

.PHONY: install model index train run test chromium ocr bench bench-index eval clean FORCE

install: $(STAMP)

# Rasa 3.6.21 declares Python <3.11; an exact lock installed with --no-deps works on 3.11.
$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade "pip==24.3.1" 2>&1 | grep -v "is ignored" || true
	$(PY) -m pip install -q --no-deps --ignore-requires-python -r requirements.txt 2>&1 | grep -v "is ignored" || true
	$(PY) -m pip check || true   # three known, harmless lines: see README "Install notes"
	$(PY) -c "import rasa, faiss, sentence_transformers, fastapi, bm25s" 2>/dev/null
	touch $(STAMP)

model: $(MODEL_DIR)/config.json

$(MODEL_DIR)/config.json: | $(STAMP)
	$(PY) -m index.model_builder --out $(MODEL_DIR)

index: $(INDEX)

$(SOURCES_SETTING): FORCE
	@mkdir -p var
	@echo "$(SOURCE_DIRS) $(ASSISTANT_INDEX_DIR)" | cmp -s - $@ 2>/dev/null || echo "$(SOURCE_DIRS) $(ASSISTANT_INDEX_DIR)" > $@

$(INDEX): $(SOURCES) $(SOURCES_SETTING) | $(MODEL_DIR)/config.json
	$(PY) -m index build

train: $(BOT_MODEL)

# Retrained only when the NLU data, domain, config or pipeline code changed.
$(BOT_MODEL): $(BOT_INPUTS) | $(STAMP)
	$(PY) -m rasa train --config config.yml --domain bot/domain.yml --data bot/data \
	    --out bot/models --fixed-model-name assistant --quiet

run: ocr $(INDEX) $(BOT_MODEL)
	$(PY) -m api

# Debian's Chromium for the browser test (CI runs as root; elsewhere the test is skipped).
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	    || echo "chromium could not be installed: the browser test will be skipped"

# Debian's Tesseract with its Vietnamese model, for scanned PDFs (root installs it; elsewhere
# scanned pages are reported as unreadable and the OCR test is skipped).
ocr:
	@command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx vie \
	    || (apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null) \
	    || echo "tesseract-ocr-vie could not be installed: scanned PDFs cannot be read here"

test: $(INDEX) $(BOT_MODEL) chromium ocr
	$(PY) -m pytest

# Chat latency/throughput against a real server, and index latency at 1×, 10×, 100×
# (100× embeds for several minutes: `make bench BENCH_ARGS="--index-scales 1,10"`).
bench: $(INDEX) $(BOT_MODEL)
	$(PY) benchmarks/bench_chat.py $(BENCH_ARGS)

bench-index: $(MODEL_DIR)/config.json
	$(PY) benchmarks/bench_index.py

eval: $(INDEX)
	$(PY) -m index eval ../shared/eval/dev_questions.yaml

clean:
	rm -rf index/build knowledge/build bot/models .rasa
