package blueprint

import (
	"errors"
	"fmt"
)

// ErrInternal marks a problem that is a bug in servicebp rather than in the
// file: Parse recovers a panic into an ErrorList whose entry wraps it, so
// that errors.Is(err, ErrInternal) tells the two apart while the user still
// reads a positioned message.
var ErrInternal = errors.New("internal error")

// internalError is the ErrorList Parse returns for the panic r it
// recovered while reading the file name.
func internalError(name string, r any) ErrorList {
	l := fileError(name, fmt.Sprintf("internal error while reading the file: %v", r))
	l[0].Err = ErrInternal
	return l
}

// Unwrap returns the cause of the problem, ErrInternal for a bug in
// servicebp, nil for a problem in the file.
func (e *Error) Unwrap() error { return e.Err }

// Unwrap returns the problems as errors, so that errors.Is and errors.As
// look into each of them.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}
