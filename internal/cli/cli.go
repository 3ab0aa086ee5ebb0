// Package cli implements servicebp's command line: it dispatches to the
// headless subcommands and hands everything else to the GUI.
package cli

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"servicebp/blueprint/i18n"
)

// Version is the servicebp release, set at build time with
// -ldflags "-X servicebp/internal/cli.Version=...".
var Version = "0.1.0"

// Env is what a command reads and writes; tests substitute buffers.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads the environment (the locale, for --lang's default);
	// nil is an empty environment.
	Getenv func(string) string
}

// GUI starts the graphical editor. Open opens path in the editor ("" for a
// new blueprint); Present opens path fullscreen in presentation mode, in
// the palette called theme (see canvas.PaletteByName), with the emotion
// curve when curve is true, with the labels it draws in lang. Both return
// the process exit code.
type GUI interface {
	Open(path string) int
	Present(path, theme string, curve bool, lang i18n.Lang) int
}

// Exit codes shared by every command.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitUsage   = 2
)

// command is one subcommand.
type command struct {
	name    string
	usage   string // the synopsis after "servicebp "
	summary string // one line for help
	order   int    // position in help
	run     func(env Env, args []string) int
	// gui commands need the GUI; run is nil for them.
	gui func(g GUI, env Env, args []string) int
}

var commands = map[string]*command{}

// register adds a subcommand; each command's file calls it from init.
func register(c *command) { commands[c.name] = c }

// Main runs servicebp with args (without the program name) and returns the
// exit code. With no arguments, or a single argument that is not a command,
// it opens the GUI.
func Main(args []string, env Env, g GUI) int {
	if len(args) == 0 {
		return openGUI(g, env, "")
	}
	name := args[0]
	switch name {
	case "-h", "--help", "-help":
		name = "help"
	case "--version", "-version":
		name = "version"
	}
	c, ok := commands[name]
	if !ok {
		if len(args) == 1 && !strings.HasPrefix(name, "-") {
			return openGUI(g, env, name)
		}
		fmt.Fprintf(env.Stderr, "servicebp: unknown command %q\nRun 'servicebp help' for usage.\n", name)
		return ExitUsage
	}
	if c.gui != nil {
		if g == nil {
			fmt.Fprintln(env.Stderr, "servicebp: this build has no GUI")
			return ExitFailure
		}
		return runChecked(env, c.name, func(env Env) int { return c.gui(g, env, args[1:]) })
	}
	startHeapFloor() // a headless command is short-lived
	return runChecked(env, c.name, func(env Env) int { return c.run(env, args[1:]) })
}

func openGUI(g GUI, env Env, path string) int {
	if g == nil {
		fmt.Fprintln(env.Stderr, "servicebp: this build has no GUI")
		return ExitFailure
	}
	return g.Open(path)
}

// StdEnv is the process's own standard streams.
func StdEnv() Env {
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
}

// sortedCommands lists the commands in help order.
func sortedCommands() []*command {
	list := make([]*command, 0, len(commands))
	for _, c := range commands {
		list = append(list, c)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].order != list[j].order {
			return list[i].order < list[j].order
		}
		return list[i].name < list[j].name
	})
	return list
}
