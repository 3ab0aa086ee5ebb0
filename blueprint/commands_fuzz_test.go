package blueprint

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// fuzzSource is a rand.Source that takes its values from the fuzzer's
// bytes, one byte a value spread over 64 bits, so that a mutated byte
// changes one choice; once they run out it continues with a PCG seeded
// from them.
type fuzzSource struct {
	b    []byte
	rest *rand.PCG
}

func newFuzzSource(b []byte) *fuzzSource {
	h := fnv.New64a()
	h.Write(b)
	return &fuzzSource{b: b, rest: rand.NewPCG(h.Sum64(), uint64(len(b)))}
}

// Uint64 returns the next byte times 0x0101010101010101, then PCG values.
func (s *fuzzSource) Uint64() uint64 {
	if len(s.b) == 0 {
		return s.rest.Uint64()
	}
	v := uint64(s.b[0]) * 0x0101010101010101
	s.b = s.b[1:]
	return v
}

// fuzzStarts are the documents a command sequence may start from: the
// commands' fixture and the shipped templates.
func fuzzStarts(tb testing.TB) []*Document {
	tb.Helper()
	docs := []*Document{cmdFixture()}
	paths, err := filepath.Glob("../assets/templates/*.yaml")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no templates in ../assets/templates (%v)", err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		d, err := Parse(p, data)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// FuzzCommands applies a fuzz-chosen sequence of 1 to 20 editor commands
// (chosen by the bytes of seq, then by a PCG seeded from them; text is one
// more text they may use) to a fuzz-chosen start document, checking after
// each that a refused command changed nothing and an applied one left a
// document whose saved form loads; then it undoes them all, which must
// give back the start byte for byte and in memory, and redoes them all,
// which must give back every state on the way to the end.
func FuzzCommands(f *testing.F) {
	starts := fuzzStarts(f)
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, "Check in")
	f.Add([]byte("add a step, move it, undo"), "扫码支付")
	f.Add([]byte{3, 200, 17, 90, 64, 1, 250, 33, 128, 7, 7, 7, 99, 180, 45, 12, 0, 255}, "Two\nlines")
	f.Add([]byte{1, 130, 5, 60, 61, 62, 63, 64, 65}, "")
	f.Fuzz(func(t *testing.T, seq []byte, text string) {
		if len(seq) == 0 {
			return
		}
		r := rand.New(newFuzzSource(seq))
		d := starts[r.IntN(len(starts))].Clone()
		n := 1 + r.IntN(20)
		h := NewHistory(d)
		g := &cmdGen{r: r, d: d, texts: []string{text, "Pay", "", "Two\nlines"}}
		states := []cmdState{cmdSnap(t, d)}
		for i := range n {
			kind := g.kind()
			cmd := g.command(kind)
			before := *d
			err := h.Apply(cmd)
			cmdUntouched(t, fmt.Sprintf("command %d (%s)", i, kind), &before, states[len(states)-1])
			if err != nil {
				cmdSame(t, fmt.Sprintf("command %d (%s) refused with %q", i, kind, err), cmdSnap(t, d), states[len(states)-1])
				continue
			}
			cmdCheckValid(t, d)
			states = append(states, cmdSnap(t, d))
		}
		for i := len(states) - 2; i >= 0; i-- {
			if !h.Undo() {
				t.Fatalf("Undo to state %d: nothing to undo", i)
			}
			cmdSame(t, fmt.Sprintf("undo to state %d", i), cmdSnap(t, d), states[i])
		}
		if h.CanUndo() || h.Dirty() {
			t.Fatal("after undoing everything the history still has commands or is dirty")
		}
		for i := 1; i < len(states); i++ {
			if !h.Redo() {
				t.Fatalf("Redo to state %d failed", i)
			}
			cmdSame(t, fmt.Sprintf("redo to state %d", i), cmdSnap(t, d), states[i])
		}
		if h.CanRedo() {
			t.Fatal("redo stack not empty at the end")
		}
	})
}
