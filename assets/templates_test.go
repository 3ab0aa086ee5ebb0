package assets

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
	"servicebp/blueprint/i18n"
)

// schemaHeader is the first line of every template, so that editors with a
// YAML language server offer completion and checking.
const schemaHeader = "# yaml-language-server: $schema=../../docs/servicebp.schema.json"

func TestTemplateNames(t *testing.T) {
	want := []string{"bank", "hotel", "repair", "shop"}
	if got := TemplateNames(); !slices.Equal(got, want) {
		t.Fatalf("TemplateNames() = %v, want %v", got, want)
	}
	for _, name := range want {
		t.Run(name, func(t *testing.T) {
			if TemplateDescription(name) == "" {
				t.Errorf("TemplateDescription(%q) is empty", name)
			}
			data, err := Template(name)
			if err != nil {
				t.Fatalf("Template(%q): %v", name, err)
			}
			onDisk, err := os.ReadFile(filepath.Join("templates", name+".yaml"))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, onDisk) {
				t.Errorf("Template(%q) differs from templates/%s.yaml", name, name)
			}
		})
	}
}

func TestTemplateUnknown(t *testing.T) {
	for _, name := range []string{"", "nope", "../templates/hotel", "templates/hotel", "hotel.yaml", `..\hotel`} {
		t.Run(name, func(t *testing.T) {
			if _, err := Template(name); err == nil {
				t.Errorf("Template(%q) returned no error", name)
			} else if !strings.Contains(err.Error(), "bank, hotel, repair, shop") {
				t.Errorf("Template(%q) error %q does not list the templates", name, err)
			}
			if d := TemplateDescription(name); d != "" {
				t.Errorf("TemplateDescription(%q) = %q, want empty", name, d)
			}
		})
	}
}

// TestTemplateCopies checks that callers cannot change the embedded bytes.
func TestTemplateCopies(t *testing.T) {
	a, err := Template("hotel")
	if err != nil {
		t.Fatal(err)
	}
	a[0] = 'X'
	b, err := Template("hotel")
	if err != nil {
		t.Fatal(err)
	}
	if b[0] == 'X' {
		t.Error("Template returns a slice that aliases the embedded file")
	}
}

func TestTemplatesContent(t *testing.T) {
	for _, name := range TemplateNames() {
		t.Run(name, func(t *testing.T) {
			data, err := Template(name)
			if err != nil {
				t.Fatal(err)
			}
			d, err := blueprint.Parse(name+".yaml", data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkHeader(t, d, data)
			checkLanes(t, d)
			checkColumns(t, d)
			checkCrossings(t, d)
			checkAnnotations(t, d)
			checkTouchpointEvidence(t, d)
			checkCardText(t, d)
			checkLint(t, d)
		})
	}
}

func TestTemplatesCanonical(t *testing.T) {
	for _, name := range TemplateNames() {
		t.Run(name, func(t *testing.T) {
			data, err := Template(name)
			if err != nil {
				t.Fatal(err)
			}
			d, err := blueprint.Parse(name+".yaml", data)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			out, err := blueprint.Marshal(d)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if !bytes.Equal(out, data) {
				t.Errorf("Marshal(Parse(%s.yaml)) differs from the file; run servicebp fmt -d on it:\n%s", name, firstDiff(data, out))
			}
		})
	}
}

// TestShopIsChinese checks that the shop template is written in Simplified
// Chinese throughout and uses the standard Chinese lane and line names.
func TestShopIsChinese(t *testing.T) {
	data, err := Template("shop")
	if err != nil {
		t.Fatal(err)
	}
	d, err := blueprint.Parse("shop.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range d.Lanes {
		if want := i18n.Simplified.Names().Lanes[l.Kind]; l.Name != want {
			t.Errorf("lane %s is named %q, want %q", l.ID, l.Name, want)
		}
	}
	for _, l := range d.Lines {
		if want := i18n.Simplified.Names().Lines[l.Kind]; l.Name != want {
			t.Errorf("line %s is named %q, want %q", l.ID, l.Name, want)
		}
	}
	texts := map[string]string{"title": d.Title, "description": d.Description}
	for _, c := range d.Columns {
		texts["column "+c.ID+" name"] = c.Name
		texts["column "+c.ID+" phase"] = c.Phase
	}
	for _, s := range d.Steps {
		for field, v := range map[string]string{"text": s.Text, "owner": s.Owner, "fail": s.Fail, "recovery": s.Recovery, "notes": s.Notes} {
			if v != "" {
				texts["step "+s.ID+" "+field] = v
			}
		}
	}
	for _, f := range d.Flows {
		if f.Label != "" {
			texts["flow "+f.From+"→"+f.To+" label"] = f.Label
		}
	}
	for where, v := range texts {
		if !hasHan(v) {
			t.Errorf("%s %q is not in Chinese", where, v)
		}
	}
}

func checkHeader(t *testing.T, d *blueprint.Document, data []byte) {
	t.Helper()
	first, _, _ := strings.Cut(string(data), "\n")
	if first != schemaHeader {
		t.Errorf("first line is %q, want %q", first, schemaHeader)
	}
	if d.Comments.Header != schemaHeader {
		t.Errorf("header comment is %q, want %q", d.Comments.Header, schemaHeader)
	}
	if d.Title == "" || d.Description == "" {
		t.Error("template needs a title and a description")
	}
}

func checkLanes(t *testing.T, d *blueprint.Document) {
	t.Helper()
	used := map[blueprint.LaneKind]int{}
	for _, s := range d.Steps {
		used[laneKind(d, s.ID)]++
	}
	for _, k := range blueprint.LaneKinds[:5] {
		if used[k] == 0 {
			t.Errorf("no step in a %s lane", k)
		}
	}
	if len(d.Lines) != 3 {
		t.Errorf("%d lines, want the three canonical lines", len(d.Lines))
	}
}

func checkColumns(t *testing.T, d *blueprint.Document) {
	t.Helper()
	if n := len(d.Columns); n < 7 || n > 12 {
		t.Errorf("%d columns, want 7 to 12", n)
	}
	named := 0
	for _, p := range d.Phases() {
		if p.Name == "" {
			t.Errorf("columns %d–%d have no phase", p.First, p.Last)
			continue
		}
		named++
	}
	if named < 3 {
		t.Errorf("%d phases, want at least 3", named)
	}
	for _, c := range d.Columns {
		if len(d.CellSteps(string(blueprint.LaneCustomer), c.ID)) == 0 {
			t.Errorf("column %s has no customer step", c.ID)
		}
	}
}

// checkCrossings checks that flows cross each of the three canonical lines,
// and that some are two-way and some labelled.
func checkCrossings(t *testing.T, d *blueprint.Document) {
	t.Helper()
	for _, kind := range []blueprint.LineKind{blueprint.LineInteraction, blueprint.LineVisibility, blueprint.LineInternal} {
		n := 0
		for _, f := range d.Flows {
			if crosses(d, f, kind) {
				n++
			}
		}
		if n == 0 {
			t.Errorf("no flow crosses the %s line", kind)
		}
	}
	twoWay, labelled := 0, 0
	for _, f := range d.Flows {
		if f.TwoWay {
			twoWay++
		}
		if f.Label != "" {
			labelled++
		}
	}
	if twoWay == 0 || labelled == 0 {
		t.Errorf("%d two-way and %d labelled flows, want some of each", twoWay, labelled)
	}
}

func checkAnnotations(t *testing.T, d *blueprint.Document) {
	t.Helper()
	var fails, waits, moments, owners, durations, emotions, tags, notes int
	for _, s := range d.Steps {
		if s.Fail != "" {
			fails++
			if s.Recovery == "" || s.Owner == "" {
				t.Errorf("fail point %s needs an owner and a recovery", s.ID)
			}
		}
		count := func(n *int, ok bool) {
			if ok {
				*n++
			}
		}
		count(&waits, s.Wait > 0)
		count(&moments, s.Moment)
		count(&owners, s.Owner != "")
		count(&durations, s.Duration > 0)
		count(&emotions, s.Emotion != 0)
		count(&tags, len(s.Tags) > 0)
		count(&notes, s.Notes != "")
		if s.Emotion != 0 && laneKind(d, s.ID) != blueprint.LaneCustomer {
			t.Errorf("step %s carries an emotion but is not a customer step", s.ID)
		}
	}
	for what, n := range map[string]int{"fail point": fails, "wait point": waits, "moment of truth": moments, "owner": owners, "duration": durations, "emotion": emotions, "tag": tags, "note": notes} {
		if n == 0 {
			t.Errorf("no %s", what)
		}
	}
}

// checkTouchpointEvidence checks that every customer touchpoint (a customer
// step with a flow across the line of interaction) has physical evidence in
// its column.
func checkTouchpointEvidence(t *testing.T, d *blueprint.Document) {
	t.Helper()
	touchpoints := 0
	for _, s := range d.Steps {
		if laneKind(d, s.ID) != blueprint.LaneCustomer || !touchpoint(d, s.ID) {
			continue
		}
		touchpoints++
		if !hasEvidence(d, s.Column) {
			t.Errorf("touchpoint %s has no physical evidence in column %s", s.ID, s.Column)
		}
	}
	if touchpoints == 0 {
		t.Error("no customer touchpoint")
	}
}

// checkCardText keeps card texts short enough for a card about 160 px wide.
func checkCardText(t *testing.T, d *blueprint.Document) {
	t.Helper()
	for _, s := range d.Steps {
		if strings.TrimSpace(s.Text) == "" {
			t.Errorf("step %s has no text", s.ID)
		}
		for line := range strings.SplitSeq(s.Text, "\n") {
			limit := 40
			if hasHan(line) {
				limit = 16
			}
			if n := len([]rune(line)); n > limit {
				t.Errorf("step %s: text line %q has %d characters, want at most %d", s.ID, line, n, limit)
			}
		}
	}
}

// checkLint checks that a template has no lint errors, but for the bank's
// counter queue, which is overloaded on purpose: the template teaches how
// to read that finding, and the finding names the windows needed.
func checkLint(t *testing.T, d *blueprint.Document) {
	t.Helper()
	overloaded := false
	for _, f := range analysis.Lint(d, analysis.Options{}) {
		if f.Severity != analysis.Error {
			continue
		}
		if f.Rule == analysis.RuleQueueOverloaded && f.Step == "wait-turn" && strings.HasPrefix(d.Title, "Bank") {
			overloaded = strings.Contains(f.Message, "open at least 3 servers")
			continue
		}
		t.Errorf("lint error %s: %s", f.Rule, f.Message)
	}
	if strings.HasPrefix(d.Title, "Bank") && !overloaded {
		t.Error("the bank's counter queue is not reported as overloaded with 3 windows needed")
	}
}

func laneKind(d *blueprint.Document, stepID string) blueprint.LaneKind {
	s := d.Step(stepID)
	if s == nil {
		return ""
	}
	if l := d.Lane(s.Lane); l != nil {
		return l.Kind
	}
	return ""
}

// crosses reports whether flow f joins steps on opposite sides of the line
// of the given kind.
func crosses(d *blueprint.Document, f blueprint.Flow, kind blueprint.LineKind) bool {
	for _, l := range d.Lines {
		if l.Kind != kind {
			continue
		}
		below := d.LaneIndex(l.Below)
		a, b := d.LaneIndex(d.Step(f.From).Lane), d.LaneIndex(d.Step(f.To).Lane)
		return min(a, b) <= below && below < max(a, b)
	}
	return false
}

func touchpoint(d *blueprint.Document, stepID string) bool {
	for _, f := range d.Flows {
		if (f.From == stepID || f.To == stepID) && crosses(d, f, blueprint.LineInteraction) {
			return true
		}
	}
	return false
}

func hasEvidence(d *blueprint.Document, column string) bool {
	for _, s := range d.Steps {
		if s.Column == column && laneKind(d, s.ID) == blueprint.LaneEvidence {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// firstDiff shows the first differing line of want and got.
func firstDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n  file:   %s\n  output: %s", i+1, a, b)
		}
	}
	return "(only the length differs)"
}
