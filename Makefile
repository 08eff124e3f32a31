# Build and test entry points. `make test` is the one command users and CI
# run; `make` alone lists the targets. Needs GNU make, Go (see go.mod), and
# Node.js 20+ with npm for the tests and the demo (they start the official
# fake Seam server, installed from internal/seamfake/npm by make fake-install).
# After the one-time setup (go mod download, make tools, make fake-install) make test
# needs no network; make check-pipeline needs the npm registry.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# Files the generator writes; check-generated fails when they change.
GENERATED := gen openapi.json openapi.meta.json seam/services.gen.go seam/seamtest/answers.gen.json

# Extra arguments for the script targets, e.g. make update-spec ARGS=1.978.0
ARGS ?=

# run-script runs scripts/NAME, a Go program (scripts/NAME/main.go) or an
# executable script, with $(ARGS).
define run-script
	@if [ -f scripts/$(1)/main.go ]; then go run ./scripts/$(1) $(ARGS); \
	elif [ -f scripts/$(1) ]; then bash scripts/$(1) $(ARGS); \
	else echo "make $(2): scripts/$(1) is missing" >&2; exit 1; fi
endef

# Pinned tools, installed by make tools (with the Go module proxy, once; .ci/run
# does it in its set-up) into .tools/, one directory per version, so that make
# test and make bench run them offline. They are not in go.mod: a program
# importing ./seam downloads nothing for them (make consumer-deps).
TOOLS_DIR := $(CURDIR)/.tools
GOTESTSUM_VERSION := v1.13.0
GOTESTSUM := $(TOOLS_DIR)/gotestsum-$(GOTESTSUM_VERSION)/gotestsum
BENCHSTAT_VERSION := v0.0.0-20260908200009-22c9c6c9d4da
BENCHSTAT := $(TOOLS_DIR)/benchstat-$(BENCHSTAT_VERSION)/benchstat

.PHONY: tools
tools: $(GOTESTSUM) $(BENCHSTAT) ## install the pinned tools (gotestsum, benchstat) into .tools/; needs the Go module proxy once

$(GOTESTSUM):
	GOBIN=$(dir $@) go install gotest.tools/gotestsum@$(GOTESTSUM_VERSION)

$(BENCHSTAT):
	GOBIN=$(dir $@) go install golang.org/x/perf/cmd/benchstat@$(BENCHSTAT_VERSION)

.PHONY: help
help: ## list the targets
	@echo "usage: make TARGET   (make test runs everything CI runs)"
	@echo
	@awk 'BEGIN { FS = ":.*## " } /^[a-zA-Z_-]+:.*## / { printf "  %-18s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

.PHONY: test
test: ## hermetic once set up (go mod download, make tools, make fake-install): vet, generated code, vendoring, every test once, under -race
	@echo "==> fake server (internal/seamfake/npm)"
	@go run ./scripts/fakeserver install || { echo "make test: FAILED: could not install the fake Seam server in internal/seamfake/npm (the first install needs the npm registry: make fake-install)"; exit 1; }
	@echo "==> go vet ./..."
	@go vet ./... || { echo "make test: FAILED at go vet ./... (no test ran)"; exit 1; }
	@echo "==> make check-generated"
	@$(MAKE) check-generated || { echo "make test: FAILED at make check-generated (no test ran)"; exit 1; }
	@echo "==> make vendor-check"
	@$(MAKE) vendor-check || { echo "make test: FAILED at make vendor-check (no test ran)"; exit 1; }
	@test -x $(GOTESTSUM) || { echo "==> make tools (first run only: installs gotestsum $(GOTESTSUM_VERSION) into .tools/)"; \
		$(MAKE) tools || { echo "make test: FAILED: could not install the pinned tools (the first install needs the Go module proxy: make tools)"; exit 1; }; }
	@echo "==> go test -race -count=1 ./... through gotestsum $(GOTESTSUM_VERSION) (compiling first, then a line per package as it finishes)"
	@$(GOTESTSUM) --format pkgname --format-hide-empty-pkg -- -race -count=1 ./...

.PHONY: check-pipeline
check-pipeline: ## needs the npm registry: the pipeline on other specs (1.721.0), update-spec end to end (1.955.0 -> 1.977.0), consumer-deps
	@started=$$SECONDS; \
	echo "==> make check-spec-change (1.721.0)"; \
	$(MAKE) check-spec-change ARGS=--gen-only || { echo "make check-pipeline: FAILED at check-spec-change"; exit 1; }; \
	echo "==> make check-update-spec (1.955.0 -> 1.977.0)"; \
	$(MAKE) check-update-spec || { echo "make check-pipeline: FAILED at check-update-spec"; exit 1; }; \
	echo "==> make consumer-deps"; \
	$(MAKE) consumer-deps || { echo "make check-pipeline: FAILED at consumer-deps"; exit 1; }; \
	echo "check-pipeline: OK in $$((SECONDS - started)) s"

.PHONY: check-generated
check-generated: ## regenerate gen/ offline from the committed openapi.json, with the committed settings; fail if anything changed
	@undocumented=$$(sed -n 's/^const IncludesUndocumented = \(true\|false\)$$/\1/p' gen/spec.gen.go); \
	if [ -z "$$undocumented" ]; then echo "check-generated: no IncludesUndocumented constant in gen/spec.gen.go" >&2; exit 1; fi; \
	echo "check-generated: settings of the committed output: SEAM_INCLUDE_UNDOCUMENTED=$$undocumented (the environment's value is ignored)"; \
	SEAM_INCLUDE_UNDOCUMENTED=$$undocumented SEAM_OPENAPI_SOURCE=file:openapi.json go run ./scripts/generate
	@untracked=$$(git ls-files --others --exclude-standard -- gen "seam/*.gen.go" seam/seamtest/answers.gen.json); \
	if git diff --quiet -- $(GENERATED) && [ -z "$$untracked" ]; then \
		echo "check-generated: gen/ and seam/*.gen.go are up to date with openapi.json"; exit 0; fi; \
	git --no-pager diff -- $(GENERATED) | head -n 40 || true; \
	echo "check-generated: the generated files differ from what is committed:"; \
	git --no-pager diff --stat -- $(GENERATED); \
	if [ -n "$$untracked" ]; then echo "untracked generated files:"; echo "$$untracked" | sed 's/^/  /'; fi; \
	echo "check-generated: FAILED: run make generate and commit"; exit 1

.PHONY: generate
generate: ## pull the spec (env SEAM_OPENAPI_SOURCE, e.g. npm:@seamapi/types@1.977.0) and regenerate gen/
	go run ./scripts/generate

.PHONY: demo
demo: ## run the demo against a local fake Seam server (needs Node.js 20+)
	go run ./examples/demo

.PHONY: fake-install
fake-install: ## install the official fake Seam server (npm ci in internal/seamfake/npm; needs the npm registry once)
	@go run ./scripts/fakeserver install

.PHONY: fake
fake: ## run the fake Seam server on 127.0.0.1 and print SEAM_ENDPOINT/SEAM_API_KEY to export; Ctrl-C stops it
	@go run ./scripts/fakeserver

.PHONY: update-spec
update-spec: ## update openapi.json and gen/ to a newer spec (ARGS passed on)
	$(call run-script,update-spec,$@)

.PHONY: check-spec-change
check-spec-change: ## check that the pipeline survives a spec change (spec 1.721.0)
	$(call run-script,check-spec-change,$@)

.PHONY: check-update-spec
check-update-spec: ## end-to-end test of update-spec (1.955.0 -> 1.977.0 -> no change) in a temp copy; needs the npm registry
	$(call run-script,check-update-spec,$@)

.PHONY: vendor-check
vendor-check: ## check the module builds for a consumer (scripts/vendor-check)
	$(call run-script,vendor-check,$@)

.PHONY: consumer-deps
consumer-deps: ## measure what a program importing ./seam downloads (modules, bytes); fail beyond the runtime modules
	$(call run-script,consumer-deps,$@)

.PHONY: measure
measure: ## measure wall time and memory of building gen/
	$(call run-script,measure-gen-build,$@)

# Fuzz targets (package:Target; seeds in the package's testdata/fuzz/Target/),
# run one after the other, each for FUZZTIME (at least 60 s by default).
FUZZ_TARGETS := $(addprefix ./seam:,FuzzDecodeAccessCode FuzzDecodeActionAttempt FuzzDecodeEvent FuzzAPIError FuzzRedact FuzzRetryAfter FuzzOptions FuzzAccessCodeValidation) \
	./seam/webhook:FuzzVerify
FUZZTIME ?= 60s

.PHONY: fuzz
fuzz: ## run every fuzz target (seam/, seam/webhook/) for FUZZTIME each (default 60s), one after the other
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; target=$${t##*:}; \
		echo "==> go test -run '^$$' -fuzz '^$$target$$' -fuzztime $(FUZZTIME) $$pkg"; \
		go test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

# Benchmark settings: make bench BENCH_COUNT=10 BENCH=Call/call=get BENCH_OUT=new.txt
BENCH ?= .
BENCH_COUNT ?= 6
BENCH_TIME ?= 1s

.PHONY: bench
bench: $(BENCHSTAT) ## benchmark seam against the generated client and raw net/http (seam/bench_test.go), compare with benchstat -col /impl
	@out=$${BENCH_OUT:-$$(mktemp)}; : > "$$out"; \
	for i in $$(seq $(BENCH_COUNT)); do \
		echo "==> run $$i/$(BENCH_COUNT): go test ./seam/ -run '^$$' -bench '$(BENCH)' -benchmem -benchtime $(BENCH_TIME) -count 1" >&2; \
		go test ./seam/ -run '^$$' -bench '$(BENCH)' -benchmem -benchtime $(BENCH_TIME) -count 1 >> "$$out"; \
	done; \
	echo "==> raw results: $$out"; \
	echo "==> $(notdir $(BENCHSTAT)) -col '/impl@(raw seam api gen)' (each implementation against raw, the floor)"; \
	$(BENCHSTAT) -col '/impl@(raw seam api gen)' "$$out"
