package cli

import (
	"fmt"
	"strings"

	"servicebp/canvas"
)

const presentUsage = "present FILE [--theme contrast|dark|light] [--no-emotion-curve] [--lang en|zh-Hans|zh-Hant]"

func init() {
	register(&command{name: "present", usage: presentUsage, summary: "show a blueprint fullscreen to a room: reveal it column by column, spotlight a touchpoint", order: 50, gui: runPresent})
}

// runPresent checks the blueprint headless, so that a broken file is
// reported as FILE:LINE:COL without opening a window, then presents it.
func runPresent(g GUI, env Env, args []string) int {
	fs := newFlagSet(presentUsage, env)
	theme := fs.String("theme", "contrast", "colours to start in: "+strings.Join(canvas.PaletteNames, ", ")+" (T switches)")
	noCurve := fs.Bool("no-emotion-curve", false, "leave out the emotion curve under the customer lane")
	langName := langFlag(fs)
	files, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	lg, ok := pickLang(env, "present", *langName)
	if !ok {
		return ExitUsage
	}
	if len(files) != 1 || files[0] == "-" {
		fmt.Fprintln(env.Stderr, "servicebp present: give exactly one blueprint FILE")
		fs.Usage()
		return ExitUsage
	}
	if _, ok := canvas.PaletteByName(*theme); !ok {
		fmt.Fprintf(env.Stderr, "servicebp present: unknown --theme %q: use %s\n", *theme, strings.Join(canvas.PaletteNames, ", "))
		return ExitUsage
	}
	if _, err := loadInput(env, files[0]); err != nil {
		printLoadError(env, err)
		return ExitFailure
	}
	return g.Present(files[0], *theme, !*noCurve, lg)
}
