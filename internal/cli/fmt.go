package cli

import (
	"bytes"
	"fmt"

	"servicebp/blueprint"
)

func init() {
	register(&command{name: "fmt", usage: "fmt [-w] [-l] [-d] FILE...", summary: "rewrite blueprints in canonical form (- reads standard input)", order: 20, run: runFmt})
}

func runFmt(env Env, args []string) int {
	fs := newFlagSet("fmt [-w] [-l] [-d] FILE...", env)
	write := fs.Bool("w", false, "write the canonical form back to each file instead of printing it")
	list := fs.Bool("l", false, "list files whose formatting differs from the canonical form")
	diff := fs.Bool("d", false, "print a unified diff of the changes instead of the result")
	files, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(files) == 0 {
		fs.Usage()
		return ExitUsage
	}
	for _, path := range files {
		if path == "-" && *write {
			fmt.Fprintln(env.Stderr, "servicebp fmt: cannot use -w with standard input")
			return ExitUsage
		}
	}
	for _, path := range files {
		if !fmtFile(env, path, *write, *list, *diff) {
			code = ExitFailure
		}
	}
	return code
}

// fmtFile formats one file and reports whether it was valid and written.
func fmtFile(env Env, path string, write, list, diff bool) bool {
	src, state, err := readSourceState(env, path)
	if err != nil {
		printLoadError(env, err)
		return false
	}
	name := displayName(path)
	doc, err := blueprint.Parse(name, src)
	if err != nil {
		printLoadError(env, err)
		return false
	}
	out, err := blueprint.Marshal(doc)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", name, err)
		return false
	}
	changed := !bytes.Equal(src, out)
	if list && changed {
		fmt.Fprintln(env.Stdout, name)
	}
	if diff && changed {
		env.Stdout.Write(unifiedDiff(name, src, out))
	}
	if write && changed {
		// Refused when another program changed the file since it was read
		// above, so that its change is not lost.
		if _, err := blueprint.WriteFile(path, out, blueprint.WriteOptions{Expect: &state}); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp fmt: %v\n", err)
			return false
		}
	}
	if !list && !diff && !write {
		env.Stdout.Write(out)
	}
	return true
}
