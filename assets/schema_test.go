package assets

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"servicebp/blueprint"
)

// These tests tie docs/servicebp.schema.json to docs/format.md and to the
// canonical writer, so that neither the schema nor the spec drifts from
// what servicebp reads and writes.

const (
	schemaPath = "../docs/servicebp.schema.json"
	formatPath = "../docs/format.md"
)

func loadSchema(t *testing.T) (raw []byte, schema map[string]any) {
	t.Helper()
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatalf("%s is not valid JSON: %v", schemaPath, err)
	}
	return raw, schema
}

func TestSchemaDraft07(t *testing.T) {
	_, schema := loadSchema(t)
	if got := schema["$schema"]; got != "http://json-schema.org/draft-07/schema#" {
		t.Errorf("$schema = %v, want draft-07", got)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if _, ok := v["properties"]; ok && path != "" && !strings.Contains(path, "anyOf") {
				if v["additionalProperties"] != false {
					t.Errorf("%s: object schema without \"additionalProperties\": false", path)
				}
			}
			for k, c := range v {
				walk(path+"/"+k, c)
			}
		case []any:
			for i, c := range v {
				walk(fmt.Sprintf("%s/%d", path, i), c)
			}
		}
	}
	walk("#", schema)
	if schema["additionalProperties"] != false {
		t.Error("the top level allows additional properties")
	}
}

// schemaObjects maps each section of docs/format.md that has a key table
// to the schema object describing it.
var schemaObjects = []struct {
	section string   // heading in format.md
	path    []string // location of the object schema in the JSON
	yamlKey string   // where the writer puts one such element ("" = top level)
}{
	{"Top-level keys", nil, ""},
	{"Lanes", []string{"definitions", "lane"}, "lanes"},
	{"Lines", []string{"definitions", "line"}, "lines"},
	{"Columns", []string{"definitions", "column"}, "columns"},
	{"Steps", []string{"definitions", "step"}, "steps"},
	{"Flows", []string{"definitions", "flow"}, "flows"},
	{"Questions", []string{"definitions", "question"}, "questions"},
	{"Lint settings", []string{"definitions", "lint"}, "lint"},
	{"Merge conflicts", []string{"definitions", "conflict"}, "conflicts"},
}

// TestSchemaMatchesSpec checks that every object in the schema has exactly
// the keys of the matching table in docs/format.md, in the same order.
func TestSchemaMatchesSpec(t *testing.T) {
	raw, _ := loadSchema(t)
	spec, err := os.ReadFile(formatPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range schemaObjects {
		t.Run(o.section, func(t *testing.T) {
			want := specKeys(t, string(spec), o.section)
			got := schemaKeys(t, raw, o.path)
			if !slices.Equal(got, want) {
				t.Errorf("schema keys %v, format.md keys %v", got, want)
			}
		})
	}
}

// TestSchemaMatchesWriter checks that the canonical writer, given a
// document with every field set, writes exactly the schema's keys in the
// schema's order.
func TestSchemaMatchesWriter(t *testing.T) {
	raw, _ := loadSchema(t)
	out, err := blueprint.Marshal(fullDocument())
	if err != nil {
		t.Fatal(err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(out, &root); err != nil {
		t.Fatal(err)
	}
	top := root.Content[0]
	for _, o := range schemaObjects {
		t.Run(o.section, func(t *testing.T) {
			node := top
			if o.yamlKey != "" {
				node = mappingValue(top, o.yamlKey)
				if node != nil && node.Kind == yaml.SequenceNode && len(node.Content) > 0 {
					node = node.Content[0]
				}
			}
			if node == nil || node.Kind != yaml.MappingNode {
				t.Fatalf("writer output has no %q mapping:\n%s", o.yamlKey, out)
			}
			var written []string
			for i := 0; i < len(node.Content); i += 2 {
				written = append(written, node.Content[i].Value)
			}
			if want := schemaKeys(t, raw, o.path); !slices.Equal(written, want) {
				t.Errorf("writer keys %v, schema keys %v", written, want)
			}
		})
	}
}

func TestSchemaEnums(t *testing.T) {
	_, schema := loadSchema(t)
	names := func(kinds any) []string {
		var out []string
		switch k := kinds.(type) {
		case []blueprint.LaneKind:
			for _, x := range k {
				out = append(out, string(x))
			}
		case []blueprint.LineKind:
			for _, x := range k {
				out = append(out, string(x))
			}
		case []blueprint.LineStyle:
			for _, x := range k {
				out = append(out, string(x))
			}
		case []blueprint.QuestionKind:
			for _, x := range k {
				out = append(out, string(x))
			}
		case []blueprint.QueueStructure:
			for _, x := range k {
				out = append(out, string(x))
			}
		}
		return out
	}
	for _, tc := range []struct {
		path []string
		want []string
	}{
		{[]string{"definitions", "lane", "properties", "kind", "enum"}, names(blueprint.LaneKinds)},
		{[]string{"definitions", "line", "properties", "kind", "enum"}, names(blueprint.LineKinds)},
		{[]string{"definitions", "line", "properties", "style", "enum"}, names(blueprint.LineStyles)},
		{[]string{"definitions", "queue", "properties", "structure", "enum"}, names(blueprint.QueueStructures)},
		{[]string{"definitions", "step", "properties", "waiting", "items", "enum"}, blueprint.WaitingConditions},
		{[]string{"definitions", "conflict", "properties", "element", "enum"}, blueprint.ConflictElements},
		{[]string{"definitions", "question", "properties", "kind", "enum"}, names(blueprint.QuestionKinds)},
	} {
		t.Run(strings.Join(tc.path[1:3], "."), func(t *testing.T) {
			var got []string
			for _, v := range lookup(t, schema, tc.path).([]any) {
				got = append(got, v.(string))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("schema enum %v, blueprint has %v", got, tc.want)
			}
		})
	}
}

// TestSchemaDuration checks the schema's duration pattern against the
// loader's duration parser.
func TestSchemaDuration(t *testing.T) {
	_, schema := loadSchema(t)
	def := lookup(t, schema, []string{"definitions", "duration"}).(map[string]any)
	pattern := regexp.MustCompile(def["pattern"].(string))
	zero := regexp.MustCompile(def["not"].(map[string]any)["pattern"].(string))
	minLen := int(def["minLength"].(float64))
	for _, s := range []string{"30s", "5m", "90m", "1h30m", "2d", "1w", "1w2d3h4m5s", "0m", "0h0m", "00s", "0m1s", "", "5", "m", "1m1h", "1h1h", "5M", "1.5h", " 5m", "-5m", "1x"} {
		t.Run(s, func(t *testing.T) {
			schemaOK := len(s) >= minLen && pattern.MatchString(s) && !zero.MatchString(s)
			d, err := blueprint.ParseDuration(s)
			loaderOK := err == nil && d > 0
			if schemaOK != loaderOK {
				t.Errorf("schema accepts %q: %v; loader accepts it: %v (%v)", s, schemaOK, loaderOK, err)
			}
		})
	}
}

// TestSchemaID checks the schema's id pattern against the loader.
func TestSchemaID(t *testing.T) {
	_, schema := loadSchema(t)
	anyOf := lookup(t, schema, []string{"definitions", "id", "anyOf"}).([]any)
	pattern := regexp.MustCompile(anyOf[0].(map[string]any)["pattern"].(string))
	for _, id := range []string{"a", "check-in", "a.b_c-1", "点单", "étape", "٣", strings.Repeat("x", 64), strings.Repeat("界", 64),
		"", "a b", "a/b", "a:b", "😀", strings.Repeat("x", 65), "tab\there"} {
		t.Run(id, func(t *testing.T) {
			src := fmt.Sprintf("servicebp: 1\nsteps:\n  - {id: %q, lane: customer, column: c}\n", id)
			_, err := blueprint.Parse("id.yaml", []byte(src))
			if schemaOK := pattern.MatchString(id); schemaOK != (err == nil) {
				t.Errorf("schema accepts %q: %v; loader error: %v", id, schemaOK, err)
			}
		})
	}
}

// TestFormatExamples checks that the minimal and the complete example in
// docs/format.md are valid, and that the complete one is canonical.
func TestFormatExamples(t *testing.T) {
	spec, err := os.ReadFile(formatPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		section   string
		canonical bool
	}{
		{"Minimal file", true},
		{"Complete example", true},
	} {
		t.Run(tc.section, func(t *testing.T) {
			src := []byte(yamlBlock(t, string(spec), tc.section))
			d, err := blueprint.Parse(tc.section, src)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			out, err := blueprint.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if tc.canonical && !bytes.Equal(out, src) {
				t.Errorf("the example is not canonical:\n%s", firstDiff(src, out))
			}
		})
	}
}

// fullDocument returns a document that sets every field to a non-default
// value, so that the writer writes every key.
func fullDocument() *blueprint.Document {
	d := blueprint.New("Every key", blueprint.EnglishNames)
	d.Description = "A document with every field set."
	d.Lanes = append(d.Lanes, blueprint.Lane{ID: "partner", Name: "Partners", Kind: blueprint.LaneSupport})
	d.Lanes[0].Name = "Evidence"
	d.Lanes[0], d.Lanes[5] = d.Lanes[5], d.Lanes[0]
	d.Lines[0] = blueprint.Line{ID: "touch", Kind: blueprint.LineInteraction, Name: "Touch", Below: "customer", Style: blueprint.StyleDotted}
	d.Columns = []blueprint.Column{{ID: "c1", Name: "First", Phase: "One"}}
	d.Steps = []blueprint.Step{
		{ID: "s1", Lane: "partner", Column: "c1", Text: "Text", Owner: "Owner", Duration: 5 * blueprint.Minute, Wait: blueprint.Hour,
			Queue:   blueprint.Queue{Arrivals: blueprint.Rate{Count: 30, Per: blueprint.Hour}, Servers: 2, Service: 6 * blueprint.Minute, Structure: blueprint.StructureSnake},
			Waiting: []string{"explained"},
			Fail:    "Fail", Recovery: "Recovery", Moment: true, Emotion: -2, Votes: 3, Tags: []string{"tag"}, Notes: "Notes", Image: "photos/receipt.jpg"},
		{ID: "s2", Lane: "customer", Column: "c1", Text: "Other"},
	}
	d.Flows = []blueprint.Flow{{From: "s1", To: "s2", Label: "Label", TwoWay: true}}
	d.Questions = []blueprint.Question{{Text: "Why?", Step: "s1", Owner: "Ana", Kind: blueprint.QuestionAction}}
	d.Lint = blueprint.LintConfig{Disable: []string{"orphan-step"}, LongWait: 20 * blueprint.Minute}
	d.Conflicts = []blueprint.Conflict{{Element: "step", ID: "s1", Field: "wait", Base: "5m", Ours: "1h", Theirs: "25m"}}
	return d
}

// specKeys returns the keys listed in the first table after the heading
// section in format.md: the backquoted first cell of each row.
func specKeys(t *testing.T, spec, section string) []string {
	t.Helper()
	body := sectionBody(t, spec, section)
	row := regexp.MustCompile("(?m)^\\| `([^`]+)` \\|")
	var keys []string
	inTable := false
	for line := range strings.SplitSeq(body, "\n") {
		if m := row.FindStringSubmatch(line); m != nil {
			keys = append(keys, m[1])
			inTable = true
		} else if inTable && !strings.HasPrefix(line, "|") {
			break
		}
	}
	if len(keys) == 0 {
		t.Fatalf("format.md section %q has no key table", section)
	}
	return keys
}

// sectionBody returns the text after the heading section up to the next
// heading of the same or a higher level, ignoring lines in code blocks.
func sectionBody(t *testing.T, spec, section string) string {
	t.Helper()
	lines := strings.SplitAfter(spec, "\n")
	level, start := 0, -1
	fenced := false
	for i, line := range lines {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		hashes := len(line) - len(strings.TrimLeft(line, "#"))
		if fenced || hashes == 0 || !strings.HasPrefix(line[hashes:], " ") {
			continue
		}
		if start >= 0 && hashes <= level {
			return strings.Join(lines[start:i], "")
		}
		if start < 0 && strings.TrimSpace(line[hashes:]) == section {
			level, start = hashes, i+1
		}
	}
	if start < 0 {
		t.Fatalf("format.md has no section %q", section)
	}
	return strings.Join(lines[start:], "")
}

// yamlBlock returns the first ```yaml code block of a format.md section.
func yamlBlock(t *testing.T, spec, section string) string {
	t.Helper()
	body := sectionBody(t, spec, section)
	_, after, ok := strings.Cut(body, "```yaml\n")
	if !ok {
		t.Fatalf("format.md section %q has no yaml block", section)
	}
	block, _, ok := strings.Cut(after, "```")
	if !ok {
		t.Fatalf("format.md section %q: unterminated yaml block", section)
	}
	return block
}

// schemaKeys returns the property names of the object schema at path, in
// file order.
func schemaKeys(t *testing.T, raw []byte, path []string) []string {
	t.Helper()
	obj := json.RawMessage(raw)
	for _, p := range append(slices.Clone(path), "properties") {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(obj, &m); err != nil {
			t.Fatalf("schema at %v: %v", path, err)
		}
		next, ok := m[p]
		if !ok {
			t.Fatalf("schema has no %q under %v", p, path)
		}
		obj = next
	}
	keys, err := orderedKeys(obj)
	if err != nil {
		t.Fatalf("schema properties at %v: %v", path, err)
	}
	return keys
}

// orderedKeys returns the keys of a JSON object in the order written.
func orderedKeys(obj json.RawMessage) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("not an object")
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, err
		}
	}
	return keys, nil
}

func lookup(t *testing.T, v any, path []string) any {
	t.Helper()
	for _, p := range path {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("schema: %q is not under an object", p)
		}
		if v, ok = m[p]; !ok {
			t.Fatalf("schema has no %v", path)
		}
	}
	return v
}

func mappingValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// TestSchemaQueue ties the queue block's keys in the schema to the
// format.md table and to the writer's output, and its rate pattern to the
// loader.
func TestSchemaQueue(t *testing.T) {
	raw, schema := loadSchema(t)
	spec, err := os.ReadFile(formatPath)
	if err != nil {
		t.Fatal(err)
	}
	want := schemaKeys(t, raw, []string{"definitions", "queue"})
	if got := specKeys(t, string(spec), "Queues"); !slices.Equal(got, want) {
		t.Errorf("format.md queue keys %v, schema keys %v", got, want)
	}
	out, err := blueprint.Marshal(fullDocument())
	if err != nil {
		t.Fatal(err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(out, &root); err != nil {
		t.Fatal(err)
	}
	q := mappingValue(mappingValue(root.Content[0], "steps").Content[0], "queue")
	if q == nil || q.Kind != yaml.MappingNode {
		t.Fatalf("writer output has no queue mapping:\n%s", out)
	}
	var written []string
	for i := 0; i < len(q.Content); i += 2 {
		written = append(written, q.Content[i].Value)
	}
	if !slices.Equal(written, want) {
		t.Errorf("writer queue keys %v, schema keys %v", written, want)
	}
	pattern := regexp.MustCompile(lookup(t, schema, []string{"definitions", "queue", "properties", "arrivals", "pattern"}).(string))
	for _, s := range []string{"30/h", "1/s", "1000000/d", "999999/m", "0/h", "01/h", "3.5/h", "30/w", "30/ h", "30", "/h", "-1/h", "1000001/h", "30/hour", ""} {
		_, err := blueprint.ParseRate(s)
		if schemaOK := pattern.MatchString(s); schemaOK != (err == nil) {
			t.Errorf("schema accepts %q: %v; loader error: %v", s, schemaOK, err)
		}
	}
}
