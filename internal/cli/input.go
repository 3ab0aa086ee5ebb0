package cli

import (
	"flag"
	"fmt"
	"strings"

	"servicebp/blueprint"
)

// stdinName is how messages name standard input.
const stdinName = "<stdin>"

// displayName is how messages name path ("-" is standard input).
func displayName(path string) string {
	if path == "-" {
		return stdinName
	}
	return path
}

// loadInput loads and validates the blueprint at path, or from standard
// input for "-", refusing more than blueprint.MaxFileSize bytes.
func loadInput(env Env, path string) (*blueprint.Document, error) {
	data, err := readSource(env, path)
	if err != nil {
		return nil, err
	}
	return blueprint.Parse(displayName(path), data)
}

// readSource reads the raw bytes of path (or standard input for "-"),
// refusing files over the size limit before reading them whole, and
// anything that is not a regular file (a FIFO would block).
func readSource(env Env, path string) ([]byte, error) {
	data, _, err := readSourceState(env, path)
	return data, err
}

// readSourceState is readSource that also returns the file's state as it
// was read, for a write back that must not overwrite another program's
// change (standard input has the zero state).
func readSourceState(env Env, path string) ([]byte, blueprint.FileState, error) {
	if path == "-" {
		data, err := blueprint.ReadLimited(env.Stdin)
		if err != nil {
			return nil, blueprint.FileState{}, blueprint.ErrorList{{File: stdinName, Line: 1, Col: 1, Msg: err.Error()}}
		}
		return data, blueprint.FileState{}, nil
	}
	data, state, err := blueprint.ReadFileState(path)
	afterRead(path)
	return data, state, err
}

// afterRead runs after each file is read; tests use it to change the file
// behind a command's back, as a racing writer would.
var afterRead = func(path string) {}

// newFlagSet makes a flag set for a subcommand whose errors and usage go
// to env.Stderr.
func newFlagSet(usage string, env Env) *flag.FlagSet {
	name := strings.Fields(usage)[0]
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "usage: servicebp %s\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, where flags may come before or after the file
// arguments and "--" ends the flags, and returns the file arguments. When
// parsing fails it returns ok false and the exit code to use.
func parseFlags(fs *flag.FlagSet, args []string) (files []string, code int, ok bool) {
	var flags []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			files = append(files, args[i+1:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			f := fs.Lookup(name)
			switch {
			case f != nil && !isBoolFlag(f) && i+1 < len(args):
				i++
				flags = append(flags, args[i])
			case f != nil && i+1 < len(args) && takesArg(f, args[i+1]):
				// A flag with an optional value (--tiles or --tiles 3x2).
				i++
				flags[len(flags)-1] = a + "=" + args[i]
			}
		default:
			files = append(files, a)
		}
	}
	if err := fs.Parse(flags); err != nil {
		if err == flag.ErrHelp {
			return nil, ExitOK, false
		}
		return nil, ExitUsage, false
	}
	return files, ExitOK, true
}

// takesArg says whether the flag f, which may stand alone, takes arg as
// its value.
func takesArg(f *flag.Flag, arg string) bool {
	o, ok := f.Value.(interface{ TakesArg(string) bool })
	return ok && o.TakesArg(arg)
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
