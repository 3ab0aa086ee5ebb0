package blueprint

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// corpus returns every real file the tests have: the shipped templates,
// the seed files, the fuzz corpus and the examples of this package's tests.
func corpus(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	for _, pattern := range []string{"../assets/templates/*.yaml", "testdata/seeds/*.yaml"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files[path] = data
		}
	}
	if len(files) < 8 {
		t.Fatalf("found %d template and seed files", len(files))
	}
	fuzz, err := filepath.Glob("testdata/fuzz/FuzzLoad/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range fuzz {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if q, ok := strings.CutPrefix(line, "[]byte("); ok {
				s, err := strconv.Unquote(strings.TrimSuffix(q, ")"))
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				files[path] = []byte(s)
			}
		}
	}
	return files
}

// yamlFacts parses data with yaml.v3 as the loader does and returns its
// node count and the positions of its anchors and aliases, or ok false
// when yaml.v3 refuses it or it holds more than one document.
func yamlFacts(data []byte) (nodes int, marks []string, ok bool) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		return 0, nil, false
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		return 0, nil, false
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind != yaml.DocumentNode {
			nodes++
		}
		if n.Kind == yaml.AliasNode {
			marks = append(marks, fmt.Sprintf("%d:%d alias", n.Line, n.Column))
			return
		}
		if n.Anchor != "" {
			marks = append(marks, fmt.Sprintf("%d:%d anchor", n.Line, n.Column))
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&root)
	slices.Sort(marks)
	return nodes, marks, true
}

// scan runs the pre-scan and returns its count and the positions of the
// anchors and aliases it refused.
func scan(data []byte) (int, []string) {
	p := &scanner{file: "f.yaml", data: data, line: 1, lineStart: true}
	p.run()
	var marks []string
	for _, e := range p.errs {
		switch {
		case strings.HasPrefix(e.Msg, "aliases"):
			marks = append(marks, fmt.Sprintf("%d:%d alias", e.Line, e.Col))
		case strings.HasPrefix(e.Msg, "anchors"):
			marks = append(marks, fmt.Sprintf("%d:%d anchor", e.Line, e.Col))
		}
	}
	slices.Sort(marks)
	return p.count, marks
}

// hasLoneCR reports a carriage return not followed by a line feed.
func hasLoneCR(data []byte) bool {
	for i, c := range data {
		if c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			return true
		}
	}
	return false
}

// markKinds drops the positions of "LINE:COL kind" marks, keeping their
// kinds in order.
func markKinds(marks []string) []string {
	out := make([]string, len(marks))
	for i, m := range marks {
		_, out[i], _ = strings.Cut(m, " ")
	}
	slices.Sort(out)
	return out
}

// checkAgainstYAML compares the pre-scan with yaml.v3 on data: the same
// anchors and aliases at the same places, and a node count within a factor
// of two of the real one either way.
func checkAgainstYAML(t *testing.T, name string, data []byte) bool {
	t.Helper()
	nodes, marks, ok := yamlFacts(data)
	if !ok {
		return false
	}
	count, got := scan(data)
	if hasLoneCR(data) || bytes.ContainsRune(data, '!') {
		// yaml.v3 does not always count a lone carriage return as a line
		// break (inside a tag, say), while the loader always does, as
		// YAML says; and it places a tagged node at its tag, where the
		// pre-scan names the anchor itself: compare what was found, not
		// where.
		got, marks = markKinds(got), markKinds(marks)
	}
	if !slices.Equal(got, marks) {
		t.Errorf("%s: pre-scan found anchors and aliases %v, yaml.v3 %v\n%q", name, got, marks, data)
	}
	if count > 2*nodes+2 || nodes > 2*count+2 {
		t.Errorf("%s: pre-scan counted %d nodes, yaml.v3 has %d\n%s", name, count, nodes, data)
	}
	return true
}

func TestPrescanAcceptsRealFiles(t *testing.T) {
	for name, data := range corpus(t) {
		if !checkAgainstYAML(t, name, data) && !strings.Contains(name, "fuzz") && !strings.Contains(name, "anchors") {
			t.Errorf("%s: yaml.v3 refuses it", name)
		}
		_, marks, ok := yamlFacts(data)
		if errs := prescan(name, data); ok && len(marks) == 0 && len(errs) > 0 {
			t.Errorf("%s: refused: %v", name, errs)
		}
	}
}

// TestPrescanAcceptsTrickyText checks texts that hold YAML indicators
// inside quotes, comments, block scalars and plain scalars over several
// lines: none of them is an alias, and each is counted as one value.
func TestPrescanAcceptsTrickyText(t *testing.T) {
	for i, src := range []string{
		"title: \"a, b, *c, - d, [e], {f: g}, &h\"\n",
		"title: 'it''s *not* an alias, [really]'\n",
		"title: it's *fine*, - really & truly\n",
		"title: a # *comment, [x], &y\n# - *z\n",
		"description: |\n  - *a\n  - &b [c, d]\n\n  *e\nservicebp: 1\n",
		"description: >-\n    *a, *b\n   \n    - c\nservicebp: 1\n",
		"steps:\n  - id: a\n    notes: first line\n      - *second* line\n      'third\n  - id: b\n",
		"steps:\n- id: a\n  text: one\n    *two*\n",
		"flows: [{from: a, to: b, label: \"x, *y\"}, {from: 'c,d', to: e}]\n",
		"title: \"multi\n  line, *with* - dashes\"\nservicebp: 1\n",
		"title: \"escaped \\\" *quote\"\n",
		"title: a:b, c#d, e*f, g&h\n",
		"lint:\n  disable: [long-wait]\n  # *x\n",
		"title: x\r\n  *continued*\r\nservicebp: 1\r\n",
		"title: 'a: *b, #c'\nsteps: [ 'd, *e: f', \"g: *h, #i\" ]\n",
		"title: \"a\\\n  - *b\"\n",
		"lint:\n  long-wait: 5m\ntitle: y\n  *z*\n",
		"[a]: b\n *c\n",
		"{a: [b]}: c\n *d\n",
	} {
		name := fmt.Sprintf("tricky-%d", i)
		if !checkAgainstYAML(t, name, []byte(src)) {
			t.Errorf("%s: yaml.v3 refuses it:\n%s", name, src)
		}
		if errs := prescan(name, []byte(src)); len(errs) > 0 {
			t.Errorf("%s: refused: %v\n%s", name, errs, src)
		}
	}
}

func TestPrescanRefuses(t *testing.T) {
	big := "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, tags: [" + strings.Repeat("a, ", MaxNodes) + "a]}\n"
	for _, c := range []struct {
		name, src, want string
	}{
		{"alias", "servicebp: 1\ntitle: &t x\ndescription: *t\n", "f.yaml:2:8: anchors (&t)"},
		{"alias in a list", "servicebp: 1\nsteps:\n  - *s\n", "f.yaml:3:5: aliases (*s)"},
		{"alias in flow", "servicebp: 1\nsteps: [a,\n  *s]\n", "f.yaml:3:3: aliases (*s)"},
		{"bare star", "servicebp: 1\ntitle: * hello\n", `f.yaml:2:8: a value cannot start with "*"`},
		{"too many nodes", big, "f.yaml:3:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			errs := prescan("f.yaml", []byte(c.src))
			if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), c.want) {
				t.Fatalf("got %v, want an error starting %q", errs, c.want)
			}
		})
	}
	var many strings.Builder
	many.WriteString("servicebp: 1\nsteps: [")
	for range 2 * MaxErrors {
		many.WriteString("*a, ")
	}
	many.WriteString("]\n")
	errs := prescan("f.yaml", []byte(many.String()))
	if len(errs) != MaxErrors+1 || !strings.Contains(errs[MaxErrors].Msg, "too many errors") {
		t.Fatalf("got %d errors, want %d and the too-many-errors note", len(errs), MaxErrors+1)
	}
}

// TestPrescanMatchesYAML mutates pieces of the real files with YAML
// indicators and compares the pre-scan with yaml.v3 on every mutant that
// yaml.v3 accepts. PRESCAN_SEED=N tries other mutants.
func TestPrescanMatchesYAML(t *testing.T) {
	var pieces [][]byte
	files := corpus(t)
	names := slices.Sorted(maps.Keys(files)) // the same mutants every run
	for _, name := range names {
		lines := bytes.SplitAfter(files[name], []byte("\n"))
		for i := 0; i < len(lines); i += 7 {
			// Cut a piece of a dozen lines, out-dented by its first line's
			// indentation, so that most pieces are YAML on their own.
			piece := lines[i:min(len(lines), i+12)]
			indent := len(piece[0]) - len(bytes.TrimLeft(piece[0], " "))
			var b []byte
			for _, l := range piece {
				if len(l)-len(bytes.TrimLeft(l, " ")) >= indent {
					l = l[indent:]
				}
				b = append(b, l...)
			}
			pieces = append(pieces, b)
		}
	}
	inserts := []string{", ", "- ", "-", "* ", "*a", "*a ", "&a ", "& ", "'", "''", "\"", "\\", "#", " #", "|", "|2", ">-", "\n", "\n  ", "\n    ", "\n      ", ": ", ":", "[", "]", "{", "}", "?", "? ", "%", "---\n", "!t ", "\t", "a", " ", "\r", "\r\n", "\u2028",
		"'a: *b, #c'", "\"x, *y: z # w\"", "'it''s'", "\"\\\"*q\""}
	seed := uint64(9)
	if s, err := strconv.ParseUint(os.Getenv("PRESCAN_SEED"), 10, 64); err == nil {
		seed = s
	}
	rng := rand.New(rand.NewPCG(seed, 10))
	accepted := 0
	const mutants = 40000
	for i := range mutants {
		src := slices.Clone(pieces[rng.IntN(len(pieces))])
		for range 1 + rng.IntN(3) {
			at := rng.IntN(len(src) + 1)
			ins := inserts[rng.IntN(len(inserts))]
			if rng.IntN(3) == 0 && at < len(src) {
				src = slices.Delete(src, at, min(len(src), at+1+rng.IntN(3)))
			}
			src = slices.Insert(src, min(at, len(src)), []byte(ins)...)
		}
		if checkAgainstYAML(t, fmt.Sprintf("mutant %d", i), src) {
			accepted++
		}
		if t.Failed() {
			return
		}
	}
	if accepted < mutants/10 {
		t.Fatalf("only %d of %d mutants are valid YAML; the test checks too little", accepted, mutants)
	}
	t.Logf("%d of %d mutants are valid YAML", accepted, mutants)
}

// TestPrescanGenerated checks the generated blueprints the limits must leave
// room for.
func TestPrescanGenerated(t *testing.T) {
	for _, n := range []int{1000, 10000} {
		data, err := Marshal(generated(n))
		if err != nil {
			t.Fatal(err)
		}
		count, marks := scan(data)
		nodes, _, _ := yamlFacts(data)
		if len(marks) > 0 || count > MaxNodes || count > nodes*11/10 || count < nodes*9/10 {
			t.Errorf("%d steps: pre-scan counted %d nodes (yaml.v3 has %d), refused %v", n, count, nodes, marks)
		}
	}
}

// generated is a blueprint of n steps in the shape bpgen makes (bpgen
// imports this package, so this test cannot import it).
func generated(n int) *Document {
	d := New("Generated", EnglishNames)
	d.Columns = nil
	for c := range (n + 4) / 5 {
		d.Columns = append(d.Columns, Column{ID: fmt.Sprintf("c%04d", c), Name: fmt.Sprintf("Column %d", c), Phase: fmt.Sprintf("Phase %d", c/6)})
	}
	for i := range n {
		s := Step{ID: fmt.Sprintf("s%05d", i), Lane: d.Lanes[i%5].ID, Column: d.Columns[i/5].ID, Text: "Check the booking, then confirm it"}
		if i%7 == 3 {
			s.Fail, s.Owner = "Information is missing", "Team A"
		}
		if i%5 == 1 {
			s.Wait = 5 * Minute
		}
		d.Steps = append(d.Steps, s)
		if i > 0 {
			d.Flows = append(d.Flows, Flow{From: d.Steps[i-1].ID, To: s.ID})
		}
	}
	return d
}

// FuzzPrescan compares the pre-scan with yaml.v3 on arbitrary input: it
// must not panic, and on every input yaml.v3 accepts it must find the same
// anchors and aliases and count the nodes within a factor of two.
func FuzzPrescan(f *testing.F) {
	for _, data := range corpus(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		checkAgainstYAML(t, "input", data)
	})
}
