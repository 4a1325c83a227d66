# Two entry points (see README): `make run` and `make test`. Everything else is set-up they share.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARTICLES ?= ../shared/seeds
STAMP := $(VENV)/.installed

# the benchmark scripts make bench runs (each takes --scale); bench/feed.py, synthetic.py and write_cost.py are
# parts they import, not scripts (tests/bench/test_scripts.py keeps this list equal to the scripts in bench/)
BENCHES := extract pathological load gexf neo4j rest sparql scale

.PHONY: run test install java-tools lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Load the articles in $(ARTICLES) into ./kg-data (or $$KG_STORE) and serve the API on the embedded store.
run: install
	$(BIN)/kg load $(ARTICLES)
	$(BIN)/kg serve --host $${KG_HOST:-127.0.0.1} --port $${KG_PORT:-8000}

## Build the Java tools the tests use (Neo4j 5.26 test server, Gephi Toolkit importer, Fuseki 5), cached in ~/.m2.
java-tools:
	cd tools/neo4j && mvn -q -B -Dstyle.color=never package && touch target/.build-ok
	cd tools/gephi && mvn -q -B -Dstyle.color=never package -DskipTests
	cd tools/fuseki && mvn -q -B -Dstyle.color=never package

## The whole test suite, with a real Neo4j server and the real Gephi Toolkit.
test: install java-tools
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check .

bench: install
	$(BIN)/pip install --quiet -e '.[test,bench]'
	for script in $(BENCHES); do $(BIN)/python bench/$$script.py --scale 0.2 || exit 1; done

clean:
	rm -rf $(VENV) kg-data tools/neo4j/target tools/gephi/target tools/fuseki/target .pytest_cache .ruff_cache
