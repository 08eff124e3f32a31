# Build and test entry points. `make test` is the one command users and CI
# run; `make` alone lists the targets. Needs GNU make, Go (see go.mod), and
# Node.js 20+ with npm for the tests and the demo (they start the official
# fake Seam server, installed on first use from scripts/fake).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# Files the generator writes; check-generated fails when they change.
GENERATED := gen openapi.json openapi.meta.json

# Extra arguments for the script targets, e.g. make update-spec ARGS=1.978.0
ARGS ?=

# run-script runs scripts/NAME, a Go program (scripts/NAME/main.go) or an
# executable script, with $(ARGS).
define run-script
	@if [ -f scripts/$(1)/main.go ]; then go run ./scripts/$(1) $(ARGS); \
	elif [ -f scripts/$(1) ]; then bash scripts/$(1) $(ARGS); \
	else echo "make $(2): scripts/$(1) is missing" >&2; exit 1; fi
endef

.PHONY: help
help: ## list the targets
	@echo "usage: make TARGET   (make test runs everything CI runs)"
	@echo
	@awk 'BEGIN { FS = ":.*## " } /^[a-zA-Z_-]+:.*## / { printf "  %-18s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

.PHONY: test
test: ## vet, check generated code and the spec pipeline, vendoring, all tests (unit + integration on the fake), race-test seam/
	@echo "==> go vet ./..."
	@go vet ./... || { echo "make test: FAILED at go vet ./... (no test ran)"; exit 1; }
	@echo "==> make check-generated"
	@$(MAKE) check-generated || { echo "make test: FAILED at make check-generated (no test ran)"; exit 1; }
	@echo "==> make check-spec-change"
	@$(MAKE) check-spec-change ARGS=--gen-only || { echo "make test: FAILED at make check-spec-change (no test ran)"; exit 1; }
	@echo "==> make check-update-spec"
	@$(MAKE) check-update-spec || { echo "make test: FAILED at make check-update-spec (no test ran)"; exit 1; }
	@echo "==> make vendor-check"
	@$(MAKE) vendor-check || { echo "make test: FAILED at make vendor-check (no test ran)"; exit 1; }
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	go build -o "$$tmp/testsummary" ./scripts/testsummary; \
	{ echo "==> go test -count=1 ./..."; \
	  go test -json -count=1 ./... && \
	  { echo "==> go test -race -count=1 ./seam/..."; \
	    go test -json -race -count=1 ./seam/...; }; \
	} | "$$tmp/testsummary"

.PHONY: check-generated
check-generated: ## regenerate gen/ offline from the committed openapi.json; fail if anything changed
	@SEAM_OPENAPI_SOURCE=file:openapi.json go run ./scripts/generate
	@untracked=$$(git ls-files --others --exclude-standard -- gen); \
	if git diff --quiet -- $(GENERATED) && [ -z "$$untracked" ]; then \
		echo "check-generated: gen/ is up to date with openapi.json"; exit 0; fi; \
	git --no-pager diff -- $(GENERATED) | head -n 40 || true; \
	echo "check-generated: the generated files differ from what is committed:"; \
	git --no-pager diff --stat -- $(GENERATED); \
	if [ -n "$$untracked" ]; then echo "untracked files in gen/:"; echo "$$untracked" | sed 's/^/  /'; fi; \
	echo "check-generated: FAILED: run make generate and commit"; exit 1

.PHONY: generate
generate: ## pull the spec (env SEAM_OPENAPI_SOURCE, e.g. npm:@seamapi/types@1.977.0) and regenerate gen/
	go run ./scripts/generate

.PHONY: demo
demo: ## run the demo against a local fake Seam server (needs Node.js 20+)
	go run ./examples/demo

.PHONY: fake-install
fake-install: ## install the official fake Seam server (npm ci in scripts/fake)
	npm ci --prefix scripts/fake --no-audit --no-fund --loglevel=error

.PHONY: update-spec
update-spec: ## update openapi.json and gen/ to a newer spec (ARGS passed on)
	$(call run-script,update-spec,$@)

.PHONY: check-spec-change
check-spec-change: ## check that the pipeline survives a spec change (spec 1.721.0)
	$(call run-script,check-spec-change,$@)

.PHONY: check-update-spec
check-update-spec: ## end-to-end test of update-spec (1.721.0 -> 1.977.0 -> no change) in a temp copy; needs the npm registry
	$(call run-script,check-update-spec,$@)

.PHONY: vendor-check
vendor-check: ## check the module builds for a consumer (scripts/vendor-check)
	$(call run-script,vendor-check,$@)

.PHONY: measure
measure: ## measure wall time and memory of building gen/
	$(call run-script,measure-gen-build,$@)

# Benchmark settings: make bench BENCH_COUNT=10 BENCH=Call/call=get BENCH_OUT=new.txt
BENCH ?= .
BENCH_COUNT ?= 6
BENCH_TIME ?= 1s

.PHONY: bench
bench: ## benchmark seam against the generated client and raw net/http (seam/bench_test.go), print the ratios
	@out=$${BENCH_OUT:-$$(mktemp)}; : > "$$out"; \
	for i in $$(seq $(BENCH_COUNT)); do \
		echo "==> run $$i/$(BENCH_COUNT): go test ./seam/ -run '^$$' -bench '$(BENCH)' -benchmem -benchtime $(BENCH_TIME) -count 1" >&2; \
		go test ./seam/ -run '^$$' -bench '$(BENCH)' -benchmem -benchtime $(BENCH_TIME) -count 1 >> "$$out"; \
	done; \
	echo "==> raw results (benchstat input): $$out"; \
	go run ./scripts/benchratio "$$out"
