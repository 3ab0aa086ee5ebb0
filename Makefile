# servicebp: build, run and test.
#
#   make run     set up, build, and open the hotel template in the editor
#   make test    set up, then gofmt, go vet, staticcheck, go test -race and
#                the end-to-end tests under Xvfb
#   make bench   run the benchmarks (the editor's under Xvfb) and print
#                each figure beside its budget, marking the misses
#   make fuzz    run every fuzz target, one after the other, for FUZZTIME
#                each (default 5m) with FUZZPARALLEL workers (default 2)
#
# "setup" (scripts/setup.sh) installs what is missing and is quick when
# nothing is.

GO          ?= go
BIN         := servicebp
GOPATH1     := $(firstword $(subst :, ,$(shell $(GO) env GOPATH)))
STATICCHECK := $(GOPATH1)/bin/staticcheck
TEST_TIMEOUT ?= 30m
FUZZTIME    ?= 5m
FUZZPARALLEL ?= 2
# FUZZMINIMIZE bounds the time spent shrinking each new interesting input;
# the default 60 s can take most of a short run on slow targets.
FUZZMINIMIZE ?= 2s
# Every fuzz target, as package:name; TestMakefileListsEveryFuzzTarget in
# internal/tools/benchreport keeps the list complete.
FUZZ_TARGETS := ./blueprint/:FuzzLoad ./blueprint/:FuzzCommands \
	./blueprint/analysis/:FuzzAnalysis ./internal/cli/:FuzzFmt ./internal/cli/:FuzzLintStats \
	./blueprint/:FuzzPrescan ./blueprint/merge/:FuzzMerge \
	./export/sheet/:FuzzEscapeCell ./export/sheet/:FuzzImportCSV
XVFB_RUN    := xvfb-run -a -s '-screen 0 1600x1000x24 -noreset'

# Steps depend on each other's side effects (setup before build before
# run), so never run them in parallel.
.NOTPARALLEL:
.PHONY: setup build run test fmtcheck vet staticcheck unit e2e bench fuzz clean

setup:
	bash scripts/setup.sh

build:
	$(GO) build -o $(BIN) .

run: setup build
	./$(BIN) assets/templates/hotel.yaml

test: setup fmtcheck vet staticcheck unit e2e

fmtcheck:
	@echo "gofmt -l ."
	@out="$$(gofmt -l .)" || exit 1; \
	if [ -n "$$out" ]; then \
		echo "these files need gofmt:"; echo "$$out"; exit 1; \
	fi

vet:
	$(GO) vet ./...
	@if [ -d e2e ]; then echo "$(GO) vet -tags e2e ./e2e/..."; $(GO) vet -tags e2e ./e2e/...; fi

staticcheck:
	$(STATICCHECK) ./...
	@if [ -d e2e ]; then echo "$(STATICCHECK) -tags e2e ./e2e/..."; $(STATICCHECK) -tags e2e ./e2e/...; fi

unit:
	$(GO) test -race -timeout $(TEST_TIMEOUT) ./...

# The end-to-end tests drive the real app under Xvfb. They run whenever
# e2e/ exists; an e2e/ with no Go package in it is an error, not a pass.
e2e:
	@if [ ! -d e2e ]; then echo "no e2e/ directory: no end-to-end tests to run"; exit 0; fi; \
	if [ -z "$$($(GO) list -tags e2e ./e2e/...)" ]; then echo "e2e/ holds no Go package"; exit 1; fi; \
	echo "$(XVFB_RUN) $(GO) test -tags e2e -count=1 -timeout $(TEST_TIMEOUT) ./e2e/..."; \
	$(XVFB_RUN) $(GO) test -tags e2e -count=1 -timeout $(TEST_TIMEOUT) ./e2e/...

# make bench prints the benchmark output as it comes, then the report of
# internal/tools/benchreport: each budgeted figure beside its budget, the
# misses marked. Missing a budget does not fail make bench; a benchmark
# that fails or does not run does (the echoed FAIL line tells the report).
bench: setup
	@out=$$(mktemp -d); \
	echo "$(GO) test -run '^$$' -bench . -benchmem -timeout $(TEST_TIMEOUT) ./..."; \
	{ $(GO) test -run '^$$' -bench . -benchmem -timeout $(TEST_TIMEOUT) ./... || echo "FAIL: go test -bench ./... exited $$?"; } 2>&1 | tee $$out/unit.txt; \
	echo "$(XVFB_RUN) $(GO) test -tags e2e -run '^$$' -bench . -timeout $(TEST_TIMEOUT) ./e2e/..."; \
	{ $(XVFB_RUN) $(GO) test -tags e2e -run '^$$' -bench . -timeout $(TEST_TIMEOUT) ./e2e/... || echo "FAIL: go test -bench ./e2e/... exited $$?"; } 2>&1 | tee $$out/e2e.txt; \
	echo; $(GO) run ./internal/tools/benchreport $$out/unit.txt $$out/e2e.txt; status=$$?; \
	rm -rf $$out; exit $$status

# A failing target does not stop the others; make fuzz fails at the end,
# naming them. go test keeps each failing input under testdata/fuzz/.
fuzz: setup
	@failed=""; \
	for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "$(GO) test -run '^$$' -fuzz '^$$name\$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) -parallel $(FUZZPARALLEL) $$pkg"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) -parallel $(FUZZPARALLEL) $$pkg || failed="$$failed $$name"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz targets that failed:$$failed"; exit 1; fi

clean:
	rm -f $(BIN)
