package sheet

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// CompanionPath is the path of the CSV file beside steps that holds the
// given sheet: steps.flows.csv and steps.blueprint.csv for steps.csv.
func CompanionPath(steps, sheet string) string {
	ext := filepath.Ext(steps)
	return strings.TrimSuffix(steps, ext) + "." + sheet + ext
}

// CSVFiles encodes b as its CSV files, by path: the steps at path, the
// flows and the rest of the blueprint beside it (see CompanionPath). The
// steps come last, so that a reader that sees them sees the others.
func CSVFiles(path string, b Book) [][2]string {
	return [][2]string{
		{CompanionPath(path, SheetFlows), string(EncodeCSV(b.Flows))},
		{CompanionPath(path, SheetBlueprint), string(EncodeCSV(b.Blueprint))},
		{path, string(EncodeCSV(b.Steps))},
	}
}

// ReadFile reads the workbook at path, an .xlsx file or a .csv file (with
// its companion flows and blueprint files when they exist), and returns it
// with the names its sheets go by in messages. Files over MaxFileSize are
// refused before they are read whole.
func ReadFile(path string) (Book, Names, error) {
	xlsx := strings.EqualFold(filepath.Ext(path), ".xlsx")
	data, err := readCapped(path)
	if err != nil {
		return Book{}, Names{}, err
	}
	if xlsx {
		b, err := DecodeXLSX(path, data)
		names := Names{Steps: sheetName(path, SheetSteps), Flows: sheetName(path, SheetFlows), Blueprint: sheetName(path, SheetBlueprint)}
		return b, names, err
	}
	var b Book
	names := Names{Steps: path, Flows: CompanionPath(path, SheetFlows), Blueprint: CompanionPath(path, SheetBlueprint)}
	if b.Steps, err = DecodeCSV(path, data); err != nil {
		return Book{}, names, err
	}
	for _, c := range []struct {
		path string
		t    *Table
	}{{names.Flows, &b.Flows}, {names.Blueprint, &b.Blueprint}} {
		data, err := readCapped(c.path)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return Book{}, names, err
		}
		if *c.t, err = DecodeCSV(c.path, data); err != nil {
			return Book{}, names, err
		}
		if *c.t == nil {
			*c.t = Table{}
		}
	}
	return b, names, nil
}

// readCapped reads a regular file of at most MaxFileSize bytes.
func readCapped(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fileError(path, fmt.Sprintf("the file is over the %d MB limit of a spreadsheet import", MaxFileSize>>20))
	}
	return data, nil
}

// Title is the title an import gives a blueprint that has no blueprint
// sheet: the file's name without its folder and extension.
func Title(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// ImportFile reads the workbook at path and returns the blueprint's
// canonical YAML; see Import.
func ImportFile(path string) ([]byte, error) {
	b, names, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Import(b, names, Title(path))
}
