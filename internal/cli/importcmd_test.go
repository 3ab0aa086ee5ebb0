package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/export/sheet"
)

// TestSheetRoundTrip exports every template to CSV and to XLSX, imports
// the result and expects the template's canonical YAML, byte for byte.
func TestSheetRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, name := range lintTemplates {
		doc, err := blueprint.Load(lintTemplatePath(name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := blueprint.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, ext := range []string{"csv", "xlsx"} {
			t.Run(name+"."+ext, func(t *testing.T) {
				sheet := filepath.Join(dir, name+"."+ext)
				if code, _, stderr := runCLI(t, "", "export", lintTemplatePath(name), "-o", sheet); code != ExitOK {
					t.Fatalf("export: exit %d: %s", code, stderr)
				}
				if ext == "csv" {
					for _, c := range []string{".flows.csv", ".blueprint.csv"} {
						if _, err := os.Stat(filepath.Join(dir, name+c)); err != nil {
							t.Errorf("no %s beside the steps: %v", c, err)
						}
					}
				}
				out := filepath.Join(dir, name+"-"+ext+".yaml")
				if code, _, stderr := runCLI(t, "", "import", sheet, "-o", out); code != ExitOK {
					t.Fatalf("import: exit %d: %s", code, stderr)
				}
				got, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s: the round trip changed the blueprint", name)
				}
			})
		}
	}
}

// TestSheetExportEscapesFormulas checks that a step text that would run
// as a formula is written with a leading apostrophe, and read back as it
// was.
func TestSheetExportEscapesFormulas(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "bp.yaml")
	src := "servicebp: 1\ncolumns:\n  - {id: c, name: \"=1+1\"}\nsteps:\n  - id: a\n    lane: customer\n    column: c\n    text: '=HYPERLINK(\"http://x\",\"click\")'\n    owner: \"@ops\"\n    emotion: -2\n"
	if err := os.WriteFile(in, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "steps.csv")
	if code, _, stderr := runCLI(t, "", "export", in, "-o", out); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	row := rows[1]
	if row[4] != "'=HYPERLINK(\"http://x\",\"click\")" || row[5] != "'@ops" || row[11] != "-2" || row[15] != "'=1+1" {
		t.Errorf("row %q", row)
	}
	back := filepath.Join(dir, "back.yaml")
	if code, _, stderr := runCLI(t, "", "import", out, "-o", back); code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	d, err := blueprint.Load(back)
	if err != nil {
		t.Fatal(err)
	}
	if d.Steps[0].Text != "=HYPERLINK(\"http://x\",\"click\")" || d.Steps[0].Owner != "@ops" || d.Columns[0].Name != "=1+1" {
		t.Errorf("read back %+v %+v", d.Steps[0], d.Columns[0])
	}
}

// TestImportGridCLI imports a hand-made grid drafted in a spreadsheet.
func TestImportGridCLI(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "draft.csv")
	grid := "Lane,Arrive,Order,Pay\r\nCustomer actions,Walk in,Order food,Pay the bill\r\nFrontstage actions,Greet,Take the order,\r\nKitchen,,Cook,\r\n"
	if err := os.WriteFile(in, []byte(grid), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "draft.yaml")
	if code, _, stderr := runCLI(t, "", "import", in, "-o", out); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	d, err := blueprint.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "draft" || len(d.Lanes) != 3 || d.Lanes[2].Kind != blueprint.LaneCustom || d.Lanes[2].Name != "Kitchen" || len(d.Steps) != 6 || len(d.Columns) != 3 {
		t.Errorf("title %q, lanes %+v, %d steps, %d columns", d.Title, d.Lanes, len(d.Steps), len(d.Columns))
	}
	// Without --force an existing blueprint is kept.
	if code, _, stderr := runCLI(t, "", "import", in, "-o", out); code != ExitFailure || !strings.Contains(stderr, "--force") {
		t.Errorf("second import: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "", "import", in, "-o", out, "--force"); code != ExitOK {
		t.Errorf("--force: exit %d: %s", code, stderr)
	}
}

// TestImportRefusals checks the exit codes and messages of bad input:
// positioned errors and no output file.
func TestImportRefusals(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bad := write("bad.csv", "id,lane,column,text,wait\na,customer,c,A,soon\n")
	latin := write("latin.csv", "text,lane\nCaf\xe9,customer\n")
	notxlsx := write("fake.xlsx", "this is text")
	out := filepath.Join(dir, "out.yaml")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bad cell", []string{"import", bad, "-o", out}, ExitFailure, bad + ":2:5: wait: invalid duration \"soon\""},
		{"not UTF-8", []string{"import", latin, "-o", out}, ExitFailure, latin + ":2:4: invalid UTF-8"},
		{"not a workbook", []string{"import", notxlsx, "-o", out}, ExitFailure, notxlsx + ":1:1: not a readable XLSX workbook"},
		{"missing", []string{"import", filepath.Join(dir, "none.csv"), "-o", out}, ExitFailure, "no such file"},
		{"no output", []string{"import", bad}, ExitUsage, "-o OUT.yaml"},
		{"not a sheet", []string{"import", filepath.Join(dir, "x.ods"), "-o", out}, ExitUsage, "reads .csv and .xlsx"},
		{"two inputs", []string{"import", bad, bad, "-o", out}, ExitUsage, "exactly one spreadsheet"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", c.args...)
			if code != c.code || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, want %d; stderr %q, want %q", code, c.code, stderr, c.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written", out)
			}
		})
	}
}

// TestBacklog checks the CSV shape for each tracker: the header, one row
// per fail point (then per finding with --findings) and a body that names
// the step, lane, phase, owner and recovery and links back to FILE:LINE.
func TestBacklog(t *testing.T) {
	dir := t.TempDir()
	bank := lintTemplatePath("bank")
	doc, err := blueprint.Load(bank)
	if err != nil {
		t.Fatal(err)
	}
	var fails []blueprint.Step
	c := doc.Clone()
	c.SortSteps()
	for _, s := range c.Steps {
		if s.Fail != "" {
			fails = append(fails, s)
		}
	}
	if len(fails) == 0 {
		t.Fatal("the bank template has no fail points")
	}
	for _, c := range []struct {
		tracker string
		header  []string
	}{
		{"github", []string{"title", "body", "labels"}},
		{"jira", []string{"Summary", "Description", "Issue Type", "Labels", "Labels"}},
		{"gitlab", []string{"title", "description"}},
	} {
		t.Run(c.tracker, func(t *testing.T) {
			out := filepath.Join(dir, c.tracker+".csv")
			if code, _, stderr := runCLI(t, "", "export", bank, "--backlog", c.tracker, "-o", out); code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			rows := readCSVFile(t, out)
			if strings.Join(rows[0], ",") != strings.Join(c.header, ",") {
				t.Errorf("header %q, want %q", rows[0], c.header)
			}
			if len(rows) != len(fails)+1 {
				t.Fatalf("%d rows, want %d fail points", len(rows)-1, len(fails))
			}
			s := fails[0]
			row := rows[1]
			if row[0] != s.Fail {
				t.Errorf("title %q, want the fail point %q", row[0], s.Fail)
			}
			for _, want := range []string{"Step: " + s.Text + " (" + s.ID + ")", "Lane: Frontstage actions", "Phase: Arrival", "Owner: " + s.Owner, "Recovery: " + s.Recovery, "Source: " + bank + ":" + strconv.Itoa(s.Pos.Line)} {
				if !strings.Contains(row[1], want) {
					t.Errorf("body lacks %q:\n%s", want, row[1])
				}
			}
			switch c.tracker {
			case "github":
				if row[2] != "servicebp,fail-point" {
					t.Errorf("labels %q", row[2])
				}
			case "jira":
				if row[2] != "Task" || row[3] != "servicebp" || row[4] != "fail-point" {
					t.Errorf("jira row %q", row[2:])
				}
			}
			for _, r := range rows {
				if len(r) != len(c.header) {
					t.Errorf("ragged row %q", r)
				}
			}
		})
	}
	out := filepath.Join(dir, "all.csv")
	if code, _, stderr := runCLI(t, "", "export", bank, "--backlog", "gitlab", "--findings", "-o", out); code != ExitOK {
		t.Fatalf("--findings: exit %d: %s", code, stderr)
	}
	if rows := readCSVFile(t, out); len(rows) <= len(fails)+1 || !strings.Contains(rows[len(rows)-1][1], "Rule: ") {
		t.Errorf("--findings added no findings: %d rows", len(rows))
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"export", bank, "--backlog", "trello", "-o", out}, "the trackers are github, jira and gitlab"},
		{[]string{"export", bank, "--findings", "-o", out}, "--findings goes with --backlog"},
		{[]string{"export", bank, "--backlog", "jira", "-o", filepath.Join(dir, "x.txt")}, "name the output .csv"},
	} {
		if code, _, stderr := runCLI(t, "", c.args...); code != ExitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q", c.args, code, stderr)
		}
	}
}

func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Errorf("%s has no UTF-8 byte order mark", path)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// TestSheetDocs checks that docs/cli.md documents every column of the
// sheets, every tracker and every flag of import.
func TestSheetDocs(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "cli.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, col := range append(append(append([]string{}, sheet.StepHeader...), sheet.FlowHeader...), sheet.BlueprintHeader...) {
		if !strings.Contains(doc, "`"+col+"`") {
			t.Errorf("docs/cli.md does not document the sheet column %q", col)
		}
	}
	for _, tr := range sheet.Trackers {
		if !strings.Contains(doc, "| `"+string(tr)+"` |") {
			t.Errorf("docs/cli.md has no row for the tracker %q", tr)
		}
	}
	_, _, usage := runCLI(t, "", "import", "-h")
	flags := regexp.MustCompile(`(?m)^  -([a-z-]+)`).FindAllStringSubmatch(usage, -1)
	if len(flags) < 3 {
		t.Fatalf("import -h lists %d flags:\n%s", len(flags), usage)
	}
	start := strings.Index(doc, "\n## import\n")
	if start < 0 {
		t.Fatal("docs/cli.md has no ## import section")
	}
	section := doc[start:]
	for _, f := range flags {
		if f[1] != "output" && !strings.Contains(section, "-"+f[1]) {
			t.Errorf("the import section does not document -%s", f[1])
		}
	}
}
