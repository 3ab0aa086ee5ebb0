# servicebp: build, run and test.
#
#   make run     set up, build, and open the hotel template in the editor
#   make test    set up, then gofmt, go vet, staticcheck, go test -race and
#                the end-to-end tests under Xvfb
#   make bench   print the benchmark figures (the editor's under Xvfb)
#   make fuzz    fuzz the loader for FUZZTIME (default 5m)
#
# "setup" (scripts/setup.sh) installs what is missing and is quick when
# nothing is.

GO          ?= go
BIN         := servicebp
GOPATH1     := $(firstword $(subst :, ,$(shell $(GO) env GOPATH)))
STATICCHECK := $(GOPATH1)/bin/staticcheck
TEST_TIMEOUT ?= 30m
FUZZTIME    ?= 5m
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

bench: setup
	$(GO) test -run '^$$' -bench . -benchmem -timeout $(TEST_TIMEOUT) ./...
	$(XVFB_RUN) $(GO) test -tags e2e -run '^$$' -bench . -timeout $(TEST_TIMEOUT) ./e2e/...

fuzz: setup
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime $(FUZZTIME) ./blueprint/

clean:
	rm -f $(BIN)
