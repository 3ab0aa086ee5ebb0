// Command benchreport reads the output of go test -bench and prints each
// budgeted figure beside its budget (DESIGN.md, "Performance budgets"),
// marking the ones missed. make bench runs it.
//
// Usage:
//
//	benchreport [FILE...]
//
// It reads the files, or standard input without any. Missing a budget is
// reported, not an error: the exit code is 0 then. It is 1 when the output
// shows a failure (a "FAIL" or "panic:" line) or lacks a budgeted
// benchmark, and 2 when the files cannot be read.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(benchreport(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// benchreport runs the command with args and returns its exit code.
func benchreport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	readers := []io.Reader{stdin}
	if len(args) > 0 {
		readers = readers[:0]
		for _, path := range args {
			f, err := os.Open(path)
			if err != nil {
				fmt.Fprintf(stderr, "benchreport: %v\n", err)
				return 2
			}
			defer f.Close()
			readers = append(readers, f)
		}
	}
	r, err := parse(readers...)
	if err != nil {
		fmt.Fprintf(stderr, "benchreport: %v\n", err)
		return 2
	}
	return report(stdout, r)
}
