package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"servicebp/blueprint"
	"servicebp/blueprint/diff"
	"servicebp/export"
)

const diffUsage = "diff [--format text|json] [--color auto|always|never] [--png OUT.png | --svg OUT.svg] [--theme light|dark|contrast] [--font FILE] [--scale S | --width PX] OLD NEW\n       servicebp diff --git-external PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE"

func init() {
	register(&command{name: "diff", usage: "diff [--format text|json] [--color WHEN] [--png OUT.png | --svg OUT.svg] [--git-external] OLD NEW", summary: "show the changes between two blueprints, step by step (exit 1 when they differ)", order: 25, run: runDiff})
}

// Exit codes of diff, as diff(1) has them.
const (
	diffSame    = 0
	diffChanged = 1
	diffTrouble = 2
)

// devNull is the name git passes for the missing side of an added or
// removed file.
const devNull = "/dev/null"

// diffSide is one side of a diff: the file to read, how messages and
// locations name it, and whether it is missing (git's /dev/null).
type diffSide struct {
	path, name string
	missing    bool
}

func runDiff(env Env, args []string) int {
	fs := newFlagSet(diffUsage, env)
	format := fs.String("format", "text", "output format: text or json")
	color := fs.String("color", "auto", "colour the text output: auto (when writing to a terminal and NO_COLOR is not set), always or never")
	pngOut := fs.String("png", "", "also draw NEW with the changes marked, as a PNG image (- for standard output, instead of the report)")
	svgOut := fs.String("svg", "", "also draw NEW with the changes marked, as an SVG document (- for standard output, instead of the report)")
	theme := fs.String("theme", "light", "the colours of the picture: light, dark or contrast")
	font := fs.String("font", "", "a .ttf or .otf font for all text of the picture")
	scale := fs.Float64("scale", export.DefaultScale, fmt.Sprintf("pixels per layout unit of the picture, %g to %g", float32(export.MinScale), float32(export.MaxScale)))
	width := fs.Int("width", 0, "the picture's width in pixels; picks the scale")
	git := fs.Bool("git-external", false, "take the seven arguments git passes to diff.<driver>.command and print a header naming the path")
	// Under git, the arguments after --git-external are git's, taken as
	// they are: a path may start with "-".
	var gitArgs []string
	for i, a := range args {
		if a == "--git-external" || a == "-git-external" {
			args, gitArgs = append(args[:i:i], a), args[i+1:]
			break
		}
	}
	files, code, ok := parseFlags(fs, args)
	if !ok {
		if code == ExitOK {
			return diffSame
		}
		return diffTrouble
	}
	files = append(files, gitArgs...)
	if *format != "text" && *format != "json" {
		fmt.Fprintf(env.Stderr, "servicebp diff: unknown format %q; use text or json\n", *format)
		return diffTrouble
	}
	colour, ok := useColour(env, *color, *git)
	if !ok {
		fmt.Fprintf(env.Stderr, "servicebp diff: unknown --color %q; use auto, always or never\n", *color)
		return diffTrouble
	}
	out := diffOutput{env: env, json: *format == "json", colour: colour}
	pic, msg := pictureFlags(*pngOut, *svgOut, *theme, *font, *scale, *width)
	if msg == "" && pic != nil && *git {
		msg = "--png and --svg do not go with --git-external"
	}
	if msg != "" {
		fmt.Fprintf(env.Stderr, "servicebp diff: %s\n", msg)
		return diffTrouble
	}
	if *git {
		return gitExternal(out, files)
	}
	if len(files) != 2 {
		fs.Usage()
		return diffTrouble
	}
	if files[0] == "-" && files[1] == "-" {
		fmt.Fprintln(env.Stderr, "servicebp diff: only one side can be standard input")
		return diffTrouble
	}
	if pic != nil && !pic.toStdout() {
		if m := overwritesInput(pic.out, false, nil, files...); m != "" {
			fmt.Fprintf(env.Stderr, "servicebp diff: %s; nothing was written\n", m)
			return diffTrouble
		}
	}
	oldSide := diffSide{path: files[0], name: displayName(files[0]), missing: files[0] == devNull}
	newSide := diffSide{path: files[1], name: displayName(files[1]), missing: files[1] == devNull}
	oldDoc, _, oldErr := loadSide(env, oldSide)
	newDoc, newSrc, newErr := loadSide(env, newSide)
	if oldErr != nil || newErr != nil {
		for _, err := range []error{oldErr, newErr} {
			if err != nil {
				printLoadError(env, err)
			}
		}
		return diffTrouble
	}
	changes := diff.Compare(oldDoc, newDoc)
	placeDocumentChanges(changes, newSrc)
	if pic != nil {
		if err := pic.write(env, oldDoc, newDoc, changes, phaseOrder(newDoc)); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp diff: picture: %v\n", err)
			return diffTrouble
		}
	}
	if !pic.toStdout() {
		if err := out.write(changes, oldSide.name, newSide.name, phaseOrder(newDoc), ""); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp diff: %v\n", err)
			return diffTrouble
		}
	}
	if len(changes) == 0 {
		return diffSame
	}
	return diffChanged
}

// loadSide reads and loads one side and returns it with its text; a
// missing side is an empty blueprint, with no lanes, lines or columns, so
// everything in the other side shows as added or removed.
func loadSide(env Env, side diffSide) (*blueprint.Document, []byte, error) {
	if side.missing {
		return &blueprint.Document{Version: blueprint.FormatVersion}, nil, nil
	}
	data, err := readSource(env, side.path)
	if err != nil {
		return nil, nil, readError{renameErrors(err, side.path, side.name)}
	}
	doc, err := blueprint.Parse(side.name, data)
	return doc, data, err
}

// readError is a side that could not be read at all, as against one that
// was read and is not a valid blueprint.
type readError struct{ err error }

func (e readError) Error() string { return e.err.Error() }
func (e readError) Unwrap() error { return e.err }

// renameErrors makes the loader's messages about path name name instead
// (git's temporary files are named after the path in the repository).
func renameErrors(err error, path, name string) error {
	var list blueprint.ErrorList
	if path == name || !errors.As(err, &list) {
		return err
	}
	for _, e := range list {
		if e.File == path {
			e.File = name
		}
	}
	return list
}

// gitExternal runs diff as git's external diff driver: args are
// PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE, and, for a
// rename, NEW-PATH and git's rename summary; a path git cannot diff
// (unmerged) comes alone. It prints a header naming the path and exits 0
// after printing changes, since git stops at an external diff's non-zero
// exit; only trouble (unreadable files, wrong arguments) exits 2. A side
// that is not a valid blueprint gets the loader's messages and a line
// diff, so that other YAML files under the same attribute still diff.
func gitExternal(out diffOutput, args []string) int {
	env := out.env
	switch len(args) {
	case 1:
		if _, err := fmt.Fprintf(env.Stdout, "* Unmerged path %s\n", args[0]); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp diff: %v\n", err)
			return diffTrouble
		}
		return diffSame
	case 7, 9:
	default:
		fmt.Fprintf(env.Stderr, "servicebp diff --git-external: git passes 7 arguments (PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE), got %d\n", len(args))
		return diffTrouble
	}
	path, newPath := args[0], args[0]
	if len(args) == 9 {
		newPath = args[7]
	}
	oldSide := diffSide{path: args[1], name: "a/" + path, missing: args[1] == devNull}
	newSide := diffSide{path: args[4], name: "b/" + newPath, missing: args[4] == devNull}
	if oldSide.missing && newSide.missing {
		fmt.Fprintln(env.Stderr, "servicebp diff --git-external: both sides are /dev/null")
		return diffTrouble
	}
	header := gitHeader(oldSide, newSide, args)
	oldDoc, _, oldErr := loadSide(env, oldSide)
	newDoc, newSrc, newErr := loadSide(env, newSide)
	var invalid []error
	for _, err := range []error{oldErr, newErr} {
		var unread readError
		switch {
		case err == nil:
		case errors.As(err, &unread):
			printLoadError(env, err)
			return diffTrouble
		default:
			invalid = append(invalid, err)
		}
	}
	if len(invalid) > 0 {
		return gitLineDiff(out, header, oldSide, newSide, invalid)
	}
	changes := diff.Compare(oldDoc, newDoc)
	placeDocumentChanges(changes, newSrc)
	if len(changes) == 0 && !out.json && modeChanged(args) {
		// git shows nothing of its own for an external diff: say that
		// only the mode changed.
		if _, err := fmt.Fprintln(env.Stdout, out.paint(bold, header)); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp diff: %v\n", err)
			return diffTrouble
		}
		return diffSame
	}
	if err := out.write(changes, oldSide.name, newSide.name, phaseOrder(newDoc), header); err != nil {
		fmt.Fprintf(env.Stderr, "servicebp diff: %v\n", err)
		return diffTrouble
	}
	return diffSame
}

// gitHeader is the first line git-external output prints: the paths, and
// whether the file is new, deleted or renamed.
func gitHeader(oldSide, newSide diffSide, args []string) string {
	h := "servicebp diff " + oldSide.name + " " + newSide.name
	switch {
	case oldSide.missing:
		h += " (new file, mode " + args[6] + ")"
	case newSide.missing:
		h += " (deleted file, mode " + args[3] + ")"
	case len(args) == 9:
		h += " (renamed)"
	}
	if modeChanged(args) {
		h += " (mode " + args[3] + " → " + args[6] + ")"
	}
	return h
}

// modeChanged reports whether git's arguments give a file two modes.
func modeChanged(args []string) bool {
	return args[3] != "." && args[6] != "." && args[3] != args[6]
}

// gitLineDiff prints, for a pair in which a side is not a valid
// blueprint, the loader's messages and the line diff of the two files.
func gitLineDiff(out diffOutput, header string, oldSide, newSide diffSide, invalid []error) int {
	env := out.env
	var texts [2][]byte
	for i, side := range []diffSide{oldSide, newSide} {
		if side.missing {
			continue
		}
		data, err := readSource(env, side.path)
		if err != nil {
			printLoadError(env, renameErrors(err, side.path, side.name))
			return diffTrouble
		}
		texts[i] = data
	}
	var b bytes.Buffer
	b.WriteString(out.paint(bold, header) + "\n")
	for _, err := range invalid {
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(&b, "%s (not a valid blueprint; showing the line diff)\n", line)
		}
	}
	b.Write(anchoredDiff(oldSide.name, texts[0], newSide.name, texts[1]))
	if _, err := env.Stdout.Write(b.Bytes()); err != nil {
		fmt.Fprintf(env.Stderr, "servicebp diff: %v\n", err)
		return diffTrouble
	}
	return diffSame
}

// useColour decides whether text output is coloured: "always", "never",
// or for "auto" when standard output is a terminal (a character device)
// or, under git, when git's pager is in use, and NO_COLOR is unset or
// empty. It returns ok false for an unknown mode.
func useColour(env Env, mode string, git bool) (colour, ok bool) {
	switch mode {
	case "always":
		return true, true
	case "never":
		return false, true
	case "auto":
	default:
		return false, false
	}
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false, true
	}
	if git && os.Getenv("GIT_PAGER_IN_USE") == "true" {
		return true, true
	}
	return isTerminal(env.Stdout), true
}

// isTerminal reports whether w is a file that is a character device, as
// a terminal is.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
