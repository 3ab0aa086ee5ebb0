package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"servicebp/blueprint"
	"servicebp/export/sheet"
)

const importUsage = "import SHEET.csv|SHEET.xlsx -o OUT.yaml [--force]"

func init() {
	register(&command{name: "import", usage: importUsage, summary: "make a blueprint file from a spreadsheet: the steps table servicebp exports, or a hand-made grid of lanes and steps", order: 41, run: runImport})
}

func runImport(env Env, args []string) int {
	fset := newFlagSet(importUsage, env)
	var out string
	fset.StringVar(&out, "o", "", "the blueprint file to write (required)")
	fset.StringVar(&out, "output", "", "same as -o")
	force := fset.Bool("force", false, "overwrite the output file if it exists")
	files, code, ok := parseFlags(fset, args)
	if !ok {
		return code
	}
	usage := func(msg string) int {
		fmt.Fprintf(env.Stderr, "servicebp import: %s\n", msg)
		fset.Usage()
		return ExitUsage
	}
	switch {
	case len(files) != 1:
		return usage("give exactly one spreadsheet, a .csv or .xlsx file")
	case out == "":
		return usage("give the blueprint file to write with -o OUT.yaml")
	}
	in := files[0]
	if ext := strings.ToLower(filepath.Ext(in)); ext != ".csv" && ext != ".xlsx" {
		return usage(fmt.Sprintf("%s: import reads .csv and .xlsx files", in))
	}
	if ii, err := os.Stat(in); err == nil {
		if oi, err := os.Stat(out); err == nil && os.SameFile(ii, oi) {
			fmt.Fprintf(env.Stderr, "servicebp import: the output %s is the input; nothing was written\n", out)
			return ExitFailure
		}
	}
	data, err := sheet.ImportFile(in)
	if err != nil {
		printLoadError(env, err)
		fmt.Fprintln(env.Stderr, "servicebp import: nothing was written")
		return ExitFailure
	}
	_, err = blueprint.WriteFile(out, data, blueprint.WriteOptions{Exclusive: !*force})
	switch {
	case errors.Is(err, fs.ErrExist):
		fmt.Fprintf(env.Stderr, "servicebp import: %s already exists; use --force to overwrite it\n", out)
		return ExitFailure
	case err != nil:
		fmt.Fprintf(env.Stderr, "servicebp import: %v\n", err)
		return ExitFailure
	}
	return ExitOK
}
