package cli

import (
	"bytes"
	"errors"
	"fmt"

	"servicebp/blueprint"
	"servicebp/blueprint/merge"
)

const mergeUsage = "merge [-o OUT] BASE OURS THEIRS"

func init() {
	register(&command{name: "merge", usage: mergeUsage, summary: "3-way merge of blueprints by id, for git's merge driver (exit 1 on conflicts)", order: 26, run: runMerge})
}

// Exit codes of merge, as git's merge drivers have them.
const (
	mergeClean    = 0
	mergeConflict = 1
	mergeTrouble  = 2
)

func runMerge(env Env, args []string) int {
	fs := newFlagSet(mergeUsage, env)
	outPath := fs.String("o", "", "write the result to `OUT` instead of over OURS (\"-\" for standard output)")
	files, code, ok := parseFlags(fs, args)
	if !ok {
		if code == ExitOK {
			return mergeClean
		}
		return mergeTrouble
	}
	if len(files) != 3 {
		fs.Usage()
		return mergeTrouble
	}
	basePath, oursPath, theirsPath := files[0], files[1], files[2]
	if n := countStdin(files); n > 1 {
		fmt.Fprintln(env.Stderr, "servicebp merge: only one of BASE, OURS and THEIRS can be standard input")
		return mergeTrouble
	}
	target := *outPath
	if target == "" {
		target = oursPath
		if oursPath == "-" {
			target = "-"
		}
	}

	oursData, oursState, err := readSourceState(env, oursPath)
	if err != nil {
		printLoadError(env, err)
		return mergeTrouble
	}
	ours, oursErr := blueprint.Parse(displayName(oursPath), oursData)
	theirs, theirsErr := loadInput(env, theirsPath)
	if oursErr != nil || theirsErr != nil {
		for _, err := range []error{oursErr, theirsErr} {
			if err != nil {
				printLoadError(env, err)
			}
		}
		fmt.Fprintln(env.Stderr, "servicebp merge: nothing was written")
		return mergeTrouble
	}
	base := loadBase(env, basePath)

	result, out, err := merge.Write(base, ours, theirs)
	if err != nil {
		fmt.Fprintf(env.Stderr, "servicebp merge: %v\n", err)
		return mergeTrouble
	}
	if target == "-" {
		if _, err := env.Stdout.Write(out); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp merge: %v\n", err)
			return mergeTrouble
		}
	} else {
		opt := blueprint.WriteOptions{}
		if target == oursPath {
			opt.Expect = &oursState
		}
		if _, err := blueprint.WriteFile(target, out, opt); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp merge: %v\n", err)
			return mergeTrouble
		}
	}
	if len(result.Conflicts) == 0 {
		return mergeClean
	}
	reportConflicts(env, displayName(target), out)
	return mergeConflict
}

// loadBase loads the common ancestor. A missing or empty one (git's
// /dev/null or empty file, for a file both sides added) or one that is not a valid blueprint makes the
// merge 2-way, against an empty base; the second case is said on stderr.
func loadBase(env Env, path string) *blueprint.Document {
	if path == devNull {
		return nil
	}
	data, err := readSource(env, path)
	if err == nil && len(bytes.TrimSpace(data)) == 0 {
		// git's ancestor of a file both sides added is empty.
		return nil
	}
	var base *blueprint.Document
	if err == nil {
		base, err = blueprint.Parse(displayName(path), data)
	}
	if err != nil {
		var list blueprint.ErrorList
		msg := err.Error()
		if errors.As(err, &list) && len(list) > 0 {
			msg = list[0].Error()
		}
		fmt.Fprintf(env.Stderr, "servicebp merge: the base is not a valid blueprint (%s); merging the two sides against an empty base\n", msg)
		return nil
	}
	return base
}

// reportConflicts lists the conflicts at their place in the written text
// and says what to do with them.
func reportConflicts(env Env, name string, out []byte) {
	doc, err := blueprint.Parse(name, out)
	if err != nil {
		printLoadError(env, err)
		return
	}
	for _, e := range blueprint.ConflictErrors(name, doc) {
		fmt.Fprintln(env.Stderr, e.Error())
	}
	n := len(doc.Conflicts)
	what := "conflicts"
	if n == 1 {
		what = "conflict"
	}
	fmt.Fprintf(env.Stderr, "servicebp merge: %d %s, recorded under \"conflicts:\" with OURS's values kept; resolve each and delete its entry\n", n, what)
}

func countStdin(files []string) int {
	n := 0
	for _, f := range files {
		if f == "-" {
			n++
		}
	}
	return n
}
