package blueprint

import (
	"fmt"
	"strings"
)

// MaxErrors is how many problems the loader reports before it stops.
const MaxErrors = 50

// Error is one problem in a file, at a 1-based line and column.
type Error struct {
	File string
	Line int
	Col  int
	Msg  string
	Err  error // the cause when it is not the file: ErrInternal for a bug in servicebp
}

// Error formats the problem as FILE:LINE:COL: message.
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ErrorList is every problem found in one file, in file order. A load that
// fails returns a non-empty ErrorList.
type ErrorList []*Error

// Error formats the problems one per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
