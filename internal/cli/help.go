package cli

import (
	"fmt"

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
	// Each command's synopsis on its own line and the summary indented
	// under it: export's synopsis alone is wider than a terminal.
	for _, c := range sortedCommands() {
		fmt.Fprintf(env.Stdout, "  %s\n      %s\n", c.usage, c.summary)
	}
	fmt.Fprint(env.Stdout, "\nexport writes PNG, SVG, PDF, CSV and XLSX by the extension of -o, and\n"+
		"--backlog github|jira|gitlab the fail points as a tracker's CSV; import\n"+
		"reads that CSV or XLSX back, or a hand-made grid of lanes and steps.\n"+
		"\nExit codes: 0 success, 1 failure or invalid input, 2 usage error.\nSee docs/cli.md for details.\n")
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
