package sheet

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"servicebp/blueprint"
)

// numericColumns are the columns written as numbers in XLSX, so that a
// spreadsheet can sort and sum them.
var numericColumns = map[string]bool{"emotion": true, "votes": true}

// columnWidths are the widths, in characters, of the wide columns.
var columnWidths = map[string]float64{"text": 40, "fail": 30, "recovery": 30, "notes": 40, "label": 24, "value": 100}

// EncodeXLSX writes b as an XLSX workbook with the sheets steps, flows and
// blueprint. Cells are strings (or numbers, for emotion and votes), never
// formulas, so XLSX needs no escaping. A cell over Excel's 32,767
// characters is an error naming the sheet, row and column.
func EncodeXLSX(b Book) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	sheets := []struct {
		name string
		t    Table
	}{{SheetSteps, b.Steps}, {SheetFlows, b.Flows}, {SheetBlueprint, b.Blueprint}}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
		if err := writeSheet(f, s.name, s.t, bold); err != nil {
			return nil, err
		}
	}
	// The dates stay excelize's fixed ones, so that the same blueprint
	// gives the same bytes.
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "servicebp", Created: "2006-09-16T00:00:00Z", Modified: "2006-09-16T00:00:00Z"}); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func writeSheet(f *excelize.File, name string, t Table, bold int) error {
	var numeric []bool
	for r, row := range t {
		if r == 0 {
			numeric = make([]bool, len(row))
			for i, h := range row {
				numeric[i] = numericColumns[h]
			}
		}
		vals := make([]any, len(row))
		for c, cell := range row {
			if utf8.RuneCountInString(cell) > maxCellChars {
				return fmt.Errorf("sheet %s, row %d, column %d: the text is longer than the %d characters a spreadsheet cell holds", name, r+1, c+1, maxCellChars)
			}
			vals[c] = cell
			if r > 0 && c < len(numeric) && numeric[c] {
				if n, err := strconv.Atoi(cell); err == nil {
					vals[c] = n
				}
			}
		}
		ref, err := excelize.CoordinatesToCellName(1, r+1)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(name, ref, &vals); err != nil {
			return err
		}
	}
	if len(t) == 0 {
		return nil
	}
	if err := f.SetRowStyle(name, 1, 1, bold); err != nil {
		return err
	}
	for c, h := range t[0] {
		if w, ok := columnWidths[h]; ok {
			col, err := excelize.ColumnNumberToName(c + 1)
			if err != nil {
				return err
			}
			if err := f.SetColWidth(name, col, col, w); err != nil {
				return err
			}
		}
	}
	return f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// DecodeXLSX reads the XLSX workbook data of the file name. The steps
// sheet is the one named steps (any case), else the first sheet; the
// flows and blueprint sheets are read when present. Cells are read as
// stored (formulas as their last value). Files over MaxFileSize, over
// 128 MB unpacked, or with a sheet over MaxRows or MaxCells are refused.
func DecodeXLSX(name string, data []byte) (Book, error) {
	if len(data) > MaxFileSize {
		return Book{}, fileError(name, fmt.Sprintf("the file is %d bytes; the limit is %d MB", len(data), MaxFileSize>>20))
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped})
	if err != nil {
		return Book{}, fileError(name, "not a readable XLSX workbook: "+err.Error())
	}
	defer f.Close()
	list := f.GetSheetList()
	if len(list) == 0 {
		return Book{}, fileError(name, "the workbook has no sheets")
	}
	find := func(want string) string {
		for _, s := range list {
			if strings.EqualFold(strings.TrimSpace(s), want) {
				return s
			}
		}
		return ""
	}
	var b Book
	steps := find(SheetSteps)
	if steps == "" {
		steps = list[0]
	}
	if b.Steps, err = readSheet(f, name, steps); err != nil {
		return Book{}, err
	}
	if s := find(SheetFlows); s != "" && s != steps {
		if b.Flows, err = readSheet(f, name, s); err != nil {
			return Book{}, err
		}
	}
	if s := find(SheetBlueprint); s != "" && s != steps {
		if b.Blueprint, err = readSheet(f, name, s); err != nil {
			return Book{}, err
		}
	}
	return b, nil
}

// readSheet reads one sheet row by row, within MaxRows and MaxCells.
func readSheet(f *excelize.File, name, sheet string) (Table, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fileError(name, fmt.Sprintf("sheet %q: %v", sheet, err))
	}
	defer rows.Close()
	var t Table
	cells := 0
	for rows.Next() {
		row, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fileError(name, fmt.Sprintf("sheet %q, row %d: %v", sheet, len(t)+1, err))
		}
		cells += len(row)
		if len(t) >= MaxRows || cells > MaxCells {
			return nil, fileError(name, fmt.Sprintf("sheet %q has more than %d rows or %d cells", sheet, MaxRows, MaxCells))
		}
		for i, c := range row {
			if !utf8.ValidString(c) {
				return nil, blueprint.ErrorList{{File: sheetName(name, sheet), Line: len(t) + 1, Col: i + 1, Msg: "invalid UTF-8 in the cell"}}
			}
		}
		t = append(t, row)
	}
	if err := rows.Error(); err != nil {
		return nil, fileError(name, fmt.Sprintf("sheet %q: %v", sheet, err))
	}
	return t, nil
}

// sheetName names a sheet of a workbook in messages: FILE[SHEET].
func sheetName(file, sheet string) string {
	return file + "[" + sheet + "]"
}
