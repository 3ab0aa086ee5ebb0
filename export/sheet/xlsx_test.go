package sheet

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"servicebp/blueprint"
)

// TestImportXLSXGrid reads a hand-made workbook: a grid on a sheet with
// another name, shared strings, a number cell and an empty row.
func TestImportXLSXGrid(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "草稿"); err != nil {
		t.Fatal(err)
	}
	cells := map[string]any{
		"A1": "", "B1": "Arrive", "C1": "Queue", "D1": 3,
		"A2": "Customer", "B2": "Walk in", "C2": "Take a number", "D2": "Sit down",
		"A4": "Support processes", "C4": "Ticket system",
	}
	for ref, v := range cells {
		if err := f.SetCellValue("草稿", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := DecodeXLSX("draft.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	out, err := Import(b, Names{Steps: "draft.xlsx[草稿]"}, "draft")
	if err != nil {
		t.Fatal(err)
	}
	d, err := blueprint.Parse("out.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lanes) != 2 || d.Lanes[0].ID != "customer" || d.Lanes[1].ID != "support" || len(d.Steps) != 4 || len(d.Columns) != 3 || d.Columns[2].Name != "3" {
		t.Errorf("lanes %+v, %d steps, columns %+v", d.Lanes, len(d.Steps), d.Columns)
	}
	// Two lanes that are not neighbours in the standard order still get
	// the line of interaction below the customer.
	if len(d.Lines) != 1 || d.Lines[0].Below != "customer" {
		t.Errorf("lines %+v", d.Lines)
	}
}

// TestDecodeXLSXBomb refuses a workbook whose entries claim to unpack to
// far more than the limit, before unpacking them.
func TestDecodeXLSXBomb(t *testing.T) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} {
		w, err := z.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, CompressedSize64: 4, UncompressedSize64: 100_000 * 100_000})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte("<x/>")); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	_, err := DecodeXLSX("bomb.xlsx", buf.Bytes())
	if err == nil || !strings.Contains(err.Error(), "bomb.xlsx:1:1: not a readable XLSX workbook: unzip size exceeds the 134217728 bytes limit") {
		t.Errorf("got %v", err)
	}
}

// TestEncodeXLSXCellLimit refuses a text longer than a spreadsheet cell
// holds, naming where it is.
func TestEncodeXLSXCellLimit(t *testing.T) {
	d := blueprint.New("long", blueprint.EnglishNames)
	d.Steps = []blueprint.Step{{ID: "a", Lane: "customer", Column: "column", Text: strings.Repeat("x", maxCellChars+1)}}
	b, err := BookOf(d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := EncodeXLSX(b); err == nil || !strings.Contains(err.Error(), "sheet steps, row 2, column 5") {
		t.Errorf("got %v", err)
	}
}
