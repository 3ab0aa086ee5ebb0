package cli

import (
	"bytes"
	"fmt"

	"servicebp/blueprint"
)

func init() {
	register(&command{name: "fmt", usage: "fmt [-w] [-l] [-d] [--check] FILE...", summary: "rewrite blueprints in canonical form (- reads standard input)", order: 20, run: runFmt})
}

func runFmt(env Env, args []string) int {
	fs := newFlagSet("fmt [-w] [-l] [-d] [--check] FILE...", env)
	write := fs.Bool("w", false, "write the canonical form back to each file instead of printing it")
	list := fs.Bool("l", false, "list files whose formatting differs from the canonical form")
	diff := fs.Bool("d", false, "print a unified diff of the changes instead of the result")
	check := fs.Bool("check", false, "list files whose formatting differs and change nothing (for CI)")
	files, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(files) == 0 {
		fs.Usage()
		return ExitUsage
	}
	if *check && *write {
		fmt.Fprintln(env.Stderr, "servicebp fmt: --check writes nothing; cannot use it with -w")
		return ExitUsage
	}
	*list = *list || *check
	for _, path := range files {
		if path == "-" && *write {
			fmt.Fprintln(env.Stderr, "servicebp fmt: cannot use -w with standard input")
			return ExitUsage
		}
	}
	for _, path := range files {
		ok, changed := fmtFile(env, path, *write, *list, *diff)
		// Like gofmt -d, a file that is not canonical fails the run when
		// it is listed or diffed and not rewritten, so CI can gate on it.
		if !ok || changed && (*list || *diff) && !*write {
			code = ExitFailure
		}
	}
	return code
}

// fmtFile formats one file and reports whether it was valid and written,
// and whether it differs from its canonical form.
func fmtFile(env Env, path string, write, list, diff bool) (ok, changed bool) {
	src, state, err := readSourceState(env, path)
	if err != nil {
		printLoadError(env, err)
		return false, false
	}
	name := displayName(path)
	doc, err := blueprint.Parse(name, src)
	if err != nil {
		printLoadError(env, err)
		return false, false
	}
	out, err := blueprint.Marshal(doc)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", name, err)
		return false, false
	}
	changed = !bytes.Equal(src, out)
	if list && changed {
		fmt.Fprintln(env.Stdout, name)
	}
	if diff && changed {
		env.Stdout.Write(anchoredDiff(name+".orig", src, name, out))
	}
	if write && changed {
		// Refused when another program changed the file since it was read
		// above, so that its change is not lost.
		if _, err := blueprint.WriteFile(path, out, blueprint.WriteOptions{Expect: &state}); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp fmt: %v\n", err)
			return false, changed
		}
	}
	if !list && !diff && !write {
		env.Stdout.Write(out)
	}
	return true, changed
}
