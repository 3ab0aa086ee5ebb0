package cli

import (
	"fmt"

	"servicebp/blueprint"
	"servicebp/export"
)

// writeSlides is export --per-phase: the slide deck of doc written into
// the directory dir as PNG files, or as one PDF file when f is PDF; one
// line per file on stdout.
func writeSlides(env Env, dir string, f export.Format, doc *blueprint.Document, opt export.Options) int {
	if f == export.FormatPDF {
		if err := export.WriteDeckPDF(dir, doc, opt); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp export: %v\n", err)
			return ExitFailure
		}
		fmt.Fprintln(env.Stdout, dir)
		return ExitOK
	}
	paths, err := export.WriteSlides(dir, doc, opt)
	for _, p := range paths {
		fmt.Fprintln(env.Stdout, p)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "servicebp export: %v\n", err)
		return ExitFailure
	}
	return ExitOK
}
