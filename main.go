// Command servicebp is a desktop editor for service blueprints, with
// headless subcommands to validate, format, lint and export blueprint files.
package main

import (
	"os"

	_ "servicebp/internal/envfix" // first: normalise the locale before Fyne reads it

	"servicebp/internal/cli"
	"servicebp/internal/gui"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.StdEnv(), gui.GUI{}))
}
