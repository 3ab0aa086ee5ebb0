package images

import (
	"fmt"

	"servicebp/blueprint"
)

// Problem is a step's photo that cannot be shown: missing, unreadable or
// too large. Its card shows a placeholder instead.
type Problem struct {
	Step string
	Path string
	Pos  blueprint.Pos
	Err  error
}

// Message is the warning for p in a blueprint read from file:
// "FILE:LINE:COL: step "pay": image photos/receipt.jpg: no such file; the
// card shows a placeholder".
func (p Problem) Message(file string) string {
	where := file
	if p.Pos.Line > 0 {
		where = fmt.Sprintf("%s:%d:%d", file, p.Pos.Line, p.Pos.Col)
	}
	return fmt.Sprintf("%s: step %q: image %s: %v; the card shows a placeholder", where, p.Step, p.Path, p.Err)
}

// Problems reads every photo of d through src (each once) and returns the
// ones that cannot be shown, in step order. A nil src reports nothing.
func Problems(d *blueprint.Document, src Source) []Problem {
	if src == nil {
		return nil
	}
	var out []Problem
	for _, s := range d.Steps {
		if s.Image == "" {
			continue
		}
		if _, err := src.Picture(s.Image); err != nil {
			out = append(out, Problem{Step: s.ID, Path: s.Image, Pos: s.Pos, Err: err})
		}
	}
	return out
}
