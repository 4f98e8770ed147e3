# The two commands a newcomer needs: `make run` and `make test`.
# Everything else is built on demand from the repo's own scripts.

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
MODEL_DIR ?= models/multilingual-e5-small
INDEX_DIR ?= index/build

export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL=2
export SQLALCHEMY_SILENCE_UBER_WARNING=1
export MPLBACKEND=Agg
export OMP_NUM_THREADS=1
export TOKENIZERS_PARALLELISM=false
export PYTHONDONTWRITEBYTECODE=1

.PHONY: install model knowledge index run test bench-index eval clean

install: $(STAMP)

# Rasa 3.6.21 declares Python <3.11; an exact lock installed with --no-deps works on 3.11.
$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade "pip==24.3.1"
	$(PY) -m pip install -q --no-deps --ignore-requires-python -r requirements.txt
	$(PY) -m pip check || true   # two known, harmless lines: see README "Install"
	touch $(STAMP)

model: $(MODEL_DIR)/config.json

$(MODEL_DIR)/config.json: | $(STAMP)
	$(PY) -m index.model_builder --out $(MODEL_DIR)

index: model
	$(PY) -m index build

eval: index
	$(PY) -m index eval ../shared/eval/dev_questions.yaml

test: model
	$(PY) -m pytest

bench-index: model
	$(PY) benchmarks/bench_index.py

clean:
	rm -rf $(INDEX_DIR) knowledge/build
