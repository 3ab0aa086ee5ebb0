package sheet

import (
	"errors"
	"strings"
	"testing"

	"servicebp/blueprint"
)

func importCSV(t *testing.T, steps, flows string) (*blueprint.Document, error) {
	t.Helper()
	b := Book{}
	var err error
	if b.Steps, err = DecodeCSV("steps.csv", []byte(steps)); err != nil {
		return nil, err
	}
	if flows != "" {
		if b.Flows, err = DecodeCSV("steps.flows.csv", []byte(flows)); err != nil {
			return nil, err
		}
	}
	out, err := Import(b, Names{Steps: "steps.csv", Flows: "steps.flows.csv", Blueprint: "steps.blueprint.csv"}, "Imported")
	if err != nil {
		return nil, err
	}
	d, err := blueprint.Parse("out.yaml", out)
	if err != nil {
		t.Fatalf("the import's output does not load: %v\n%s", err, out)
	}
	return d, nil
}

// TestImportGrid reads the hand-made layout: a row of phases (merged
// cells leave blanks), step names across, lanes down in Chinese, English
// and a custom lane.
func TestImportGrid(t *testing.T) {
	sheet := "阶段,到店,,离店\n" +
		"泳道,进门,点单,结账\n" +
		"有形展示,门头招牌,菜单,小票\n" +
		"顾客行为,走进店里,\"选菜\n点菜\",付款\n" +
		"Frontstage actions,,服务员记单,\n" +
		"Delivery partners,,,骑手取餐\n" +
		"後台員工行為,,后厨备餐,\n"
	d, err := importCSV(t, sheet, "")
	if err != nil {
		t.Fatal(err)
	}
	var lanes []string
	for _, l := range d.Lanes {
		lanes = append(lanes, l.ID+"/"+string(l.Kind)+"/"+l.Name)
	}
	want := "evidence/evidence/有形展示 customer/customer/顾客行为 frontstage/frontstage/Frontstage actions delivery-partners/custom/Delivery partners backstage/backstage/後台員工行為"
	if got := strings.Join(lanes, " "); got != want {
		t.Errorf("lanes:\n got %s\nwant %s", got, want)
	}
	var cols []string
	for _, c := range d.Columns {
		cols = append(cols, c.Name+"@"+c.Phase)
	}
	if got := strings.Join(cols, " "); got != "进门@到店 点单@到店 结账@离店" {
		t.Errorf("columns: %s", got)
	}
	if len(d.Steps) != 9 {
		t.Errorf("%d steps, want 9", len(d.Steps))
	}
	found := false
	for _, s := range d.Steps {
		if s.Text == "选菜\n点菜" && s.Lane == "customer" {
			found = true
		}
	}
	if !found {
		t.Error("the quoted two-line cell is not a step of the customer lane")
	}
	// The lines sit below the standard lanes that are not last.
	var lines []string
	for _, l := range d.Lines {
		lines = append(lines, l.ID+"<"+l.Below)
	}
	if got := strings.Join(lines, " "); got != "interaction<customer visibility<frontstage" {
		t.Errorf("lines: %s", got)
	}
}

// TestImportTable reads a hand-made steps table: headers in any case and
// order, names where ids go, generated ids, and flows.
func TestImportTable(t *testing.T) {
	steps := "\ufeffText,LANE,Column,Phase,Fail,Recovery,Emotion,Moment,Tags,Duration\n" +
		"Arrive,Customer actions,Arrival,Before,,,1,yes,\"walk, in\",5m\n" +
		"Greet,frontstage,Arrival,,Nobody at the door,Bell,,,,\n" +
		"Pay,customer,Checkout,After,,,-2,,,\n"
	flows := "From,To,Two-Way\narrive,greet,TRUE\n"
	d, err := importCSV(t, steps, flows)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Steps) != 3 || d.Steps[0].ID != "arrive" || d.Steps[0].Lane != "customer" || !d.Steps[0].Moment || d.Steps[0].Emotion != 1 || d.Steps[0].Duration != 5*blueprint.Minute {
		t.Fatalf("steps: %+v", d.Steps)
	}
	if strings.Join(d.Steps[0].Tags, "|") != "walk|in" {
		t.Errorf("tags %q", d.Steps[0].Tags)
	}
	if d.Columns[0].Name != "Arrival" || d.Columns[0].Phase != "Before" || d.Columns[1].Phase != "After" {
		t.Errorf("columns: %+v", d.Columns)
	}
	if len(d.Flows) != 1 || !d.Flows[0].TwoWay {
		t.Errorf("flows: %+v", d.Flows)
	}
}

// TestImportErrors checks that every bad cell is reported at its row and
// column, and that nothing is returned.
func TestImportErrors(t *testing.T) {
	steps := "id,lane,column,text,duration,emotion,moment,votes,waiting,bogus\n" +
		"a,customer,c1,A,,,,,,\n" +
		"x,customer,c1,X,5 minutes,,,,,\n" + // row 3: duration
		"b,customer,c1,B,,7,,,,\n" + // row 4: emotion
		"a,customer,c1,A again,,,,,,\n" + // row 5: duplicate id
		"c,customer,c1,C,,,maybe,-1,bored,\n" // row 6: moment, votes, waiting
	_, err := importCSV(t, steps, "")
	var list blueprint.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("want an error list, got %v", err)
	}
	if len(list) != 1 || !strings.HasPrefix(list[0].Error(), "steps.csv:1:10: unknown column \"bogus\"") {
		t.Fatalf("header: %v", err)
	}
	steps = strings.Replace(steps, ",bogus", ",notes", 1)
	_, err = importCSV(t, steps, "from,to\na,zz\na,a\n")
	got := err.Error()
	for _, want := range []string{
		"steps.csv:3:5: duration: invalid duration \"5 minutes\"",
		"steps.csv:4:6: emotion: \"7\" is not a whole number from -2 to 2",
		"steps.csv:5:1: duplicate id \"a\": already used by the step in row 2",
		"steps.csv:6:7: moment: \"maybe\" is not true or false",
		"steps.csv:6:8: votes: \"-1\" is not a whole number of votes",
		"steps.csv:6:9: waiting: unknown condition \"bored\"",
		"steps.flows.csv:2:2: to: no step has the id \"zz\"",
		"steps.flows.csv:3:2: a flow joins two different steps",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// TestDecodeCSVHostile checks BOMs, ragged rows, other separators and the
// refusals: not UTF-8, UTF-16, over the size limit, a broken quote.
func TestDecodeCSVHostile(t *testing.T) {
	tab, err := DecodeCSV("x.csv", []byte("\ufeffa;b;c\n1;2\n\"x\ny\";;;;\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tab) != 3 || tab[0][0] != "a" || len(tab[1]) != 2 || tab[2][0] != "x\ny" || len(tab[2]) != 5 {
		t.Errorf("table %q", tab)
	}
	for _, c := range []struct {
		name, data, want string
	}{
		{"latin-1", "text,lane\nCaf\xe9,customer\n", "x.csv:2:4: invalid UTF-8 (byte 0xe9)"},
		{"utf-16", "\xff\xfet\x00e\x00", "x.csv:1:1: the file is UTF-16 text"},
		{"quote", "a,b\n\"open,x\n", "x.csv:2:"},
		{"huge", strings.Repeat("a,", MaxFileSize/2+1), "the limit is 20 MB"},
	} {
		_, err := DecodeCSV("x.csv", []byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
	rows := strings.Repeat("a\n", MaxRows+1)
	if _, err := DecodeCSV("x.csv", []byte(rows)); err == nil || !strings.Contains(err.Error(), "more than 100000 rows") {
		t.Errorf("too many rows: %v", err)
	}
}

// TestDecodeXLSXHostile refuses a file that is not a workbook.
func TestDecodeXLSXHostile(t *testing.T) {
	_, err := DecodeXLSX("x.xlsx", []byte("PK\x03\x04 not really a zip"))
	if err == nil || !strings.HasPrefix(err.Error(), "x.xlsx:1:1: not a readable XLSX workbook") {
		t.Errorf("got %v", err)
	}
}

// TestIsTable tells the steps table from a grid by the header row.
func TestIsTable(t *testing.T) {
	for _, c := range []struct {
		header string
		table  bool
	}{
		{"id,lane,column,text", true},
		{"Text,Column", true},
		{"LANE,Owner", true},
		{"Lane,Arrive,Order,Pay", false},
		{",Arrive,Text", false},
		{"Phase,Arrival,,Departure", false},
		{"泳道,进门,点单", false},
	} {
		if got := isTable(strings.Split(c.header, ",")); got != c.table {
			t.Errorf("%q: table %v, want %v", c.header, got, c.table)
		}
	}
	// A table row without a lane is an error, not a grid cell.
	_, err := importCSV(t, "text,column\nfoo,bar\n", "")
	if err == nil || !strings.Contains(err.Error(), "steps.csv:2:1: the step has no lane") {
		t.Errorf("got %v", err)
	}
}
