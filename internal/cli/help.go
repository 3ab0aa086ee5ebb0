package cli

import (
	"fmt"
	"text/tabwriter"

	"servicebp/blueprint"
)

func init() {
	register(&command{name: "help", usage: "help [COMMAND]", summary: "show help for servicebp or one command", order: 90, run: runHelp})
	register(&command{name: "version", usage: "version", summary: "print the servicebp version", order: 91, run: runVersion})
}

func runHelp(env Env, args []string) int {
	if len(args) > 1 {
		fmt.Fprintln(env.Stderr, "usage: servicebp help [COMMAND]")
		return ExitUsage
	}
	if len(args) == 1 {
		c, ok := commands[args[0]]
		if !ok {
			fmt.Fprintf(env.Stderr, "servicebp: unknown command %q\n", args[0])
			return ExitUsage
		}
		fmt.Fprintf(env.Stdout, "usage: servicebp %s\n\n%s\n", c.usage, c.summary)
		return ExitOK
	}
	fmt.Fprint(env.Stdout, "servicebp: a desktop editor for service blueprints\n\n"+
		"usage:\n  servicebp [FILE]          open FILE (or a new blueprint) in the editor\n  servicebp COMMAND [ARGS]\n\ncommands:\n")
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, c := range sortedCommands() {
		fmt.Fprintf(w, "  %s\t%s\n", c.usage, c.summary)
	}
	w.Flush()
	fmt.Fprint(env.Stdout, "\nExit codes: 0 success, 1 failure or invalid input, 2 usage error.\nSee docs/cli.md for details.\n")
	return ExitOK
}

func runVersion(env Env, args []string) int {
	if len(args) != 0 {
		fmt.Fprintln(env.Stderr, "usage: servicebp version")
		return ExitUsage
	}
	fmt.Fprintf(env.Stdout, "servicebp %s (file format %d)\n", Version, blueprint.FormatVersion)
	return ExitOK
}
