package cli

import (
	"fmt"

	"servicebp/blueprint"
	"servicebp/export"
)

// writeSlides is export --per-phase: the slide deck of doc written into
// the directory dir, one line per file on stdout.
func writeSlides(env Env, dir string, doc *blueprint.Document, opt export.Options) int {
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
