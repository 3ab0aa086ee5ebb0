package cli

import (
	"fmt"
	"io"
)

// errWriter passes writes to w until one fails, then drops the rest and
// remembers the first error, so that a command's result on a full disk or
// a closed stream is reported once instead of ignored.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		e.err = err
	}
	return n, err
}

// runChecked runs a command with its standard output and error wrapped in
// errWriters, and turns a failed write into exit code 1 with a message on
// standard error (if that still works): a result that did not reach its
// destination is a failure, as in gofmt.
func runChecked(env Env, name string, run func(Env) int) int {
	out, errOut := &errWriter{w: env.Stdout}, &errWriter{w: env.Stderr}
	code := run(Env{Stdin: env.Stdin, Stdout: out, Stderr: errOut, Getenv: env.Getenv})
	if out.err != nil {
		fmt.Fprintf(errOut, "servicebp %s: writing standard output: %v\n", name, out.err)
	}
	if out.err != nil || errOut.err != nil {
		return max(code, ExitFailure)
	}
	return code
}
