package cli

import (
	"errors"
	"fmt"

	"servicebp/blueprint"
)

func init() {
	register(&command{name: "validate", usage: "validate FILE...", summary: "check blueprint files; print every problem as FILE:LINE:COL: message", order: 10, run: runValidate})
}

func runValidate(env Env, args []string) int {
	fs := newFlagSet("validate FILE...", env)
	quiet := fs.Bool("q", false, "print nothing for valid files")
	files, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(files) == 0 {
		fs.Usage()
		return ExitUsage
	}
	for _, path := range files {
		doc, err := loadInput(env, path)
		if err != nil {
			printLoadError(env, err)
			code = ExitFailure
			continue
		}
		if errs := blueprint.ConflictErrors(displayName(path), doc); len(errs) > 0 {
			// Unresolved merge conflicts load, so that the file can be
			// opened and fixed, but the blueprint is not valid yet.
			printLoadError(env, errs)
			code = ExitFailure
			continue
		}
		if !*quiet {
			fmt.Fprintf(env.Stdout, "%s: ok (%d lanes, %d columns, %d steps, %d flows)\n", displayName(path), len(doc.Lanes), len(doc.Columns), len(doc.Steps), len(doc.Flows))
		}
	}
	return code
}

// printLoadError writes a loader error to stderr, one problem per line.
func printLoadError(env Env, err error) {
	var list blueprint.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(env.Stderr, e.Error())
		}
		return
	}
	fmt.Fprintln(env.Stderr, err)
}
