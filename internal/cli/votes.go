package cli

import (
	"fmt"

	"servicebp/blueprint"
)

const votesUsage = "votes [--format text|json] FILE | votes reset FILE"

func init() {
	register(&command{name: "votes", usage: votesUsage, summary: "list the dot-vote ranking of a blueprint, or reset every vote for a new round", order: 42, run: runVotes})
}

func runVotes(env Env, args []string) int {
	if len(args) > 0 && args[0] == "reset" {
		return runVotesReset(env, args[1:])
	}
	fs := newFlagSet(votesUsage, env)
	format := fs.String("format", "text", "output format: text or json")
	files, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(env.Stderr, "servicebp votes: unknown format %q; use text or json\n", *format)
		return ExitUsage
	}
	if len(files) != 1 {
		fs.Usage()
		return ExitUsage
	}
	doc, err := loadInput(env, files[0])
	if err != nil {
		printLoadError(env, err)
		return ExitFailure
	}
	var out statsOutput
	addWorkshop(&out, doc)
	if *format == "json" {
		if err := writeJSON(env.Stdout, out.Votes); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp votes: %v\n", err)
			return ExitFailure
		}
		return ExitOK
	}
	writeVotesText(env.Stdout, out.Votes, 0)
	return ExitOK
}

// runVotesReset clears every step's votes and writes the file back, as
// fmt -w does: atomically, and refused when the file changed meanwhile.
func runVotesReset(env Env, args []string) int {
	fs := newFlagSet("votes reset FILE", env)
	files, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(files) != 1 || files[0] == "-" {
		fs.Usage()
		return ExitUsage
	}
	path := files[0]
	src, state, err := readSourceState(env, path)
	if err != nil {
		printLoadError(env, err)
		return ExitFailure
	}
	name := displayName(path)
	doc, err := blueprint.Parse(name, src)
	if err != nil {
		printLoadError(env, err)
		return ExitFailure
	}
	total := doc.TotalVotes()
	if total == 0 {
		fmt.Fprintf(env.Stdout, "%s: no votes to reset\n", name)
		return ExitOK
	}
	if err := blueprint.NewHistory(doc).Apply(blueprint.ResetVotes()); err != nil {
		fmt.Fprintf(env.Stderr, "servicebp votes: %v\n", err)
		return ExitFailure
	}
	out, err := blueprint.Marshal(doc)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s: %v\n", name, err)
		return ExitFailure
	}
	if _, err := blueprint.WriteFile(path, out, blueprint.WriteOptions{Expect: &state}); err != nil {
		fmt.Fprintf(env.Stderr, "servicebp votes: %v\n", err)
		return ExitFailure
	}
	fmt.Fprintf(env.Stdout, "%s: reset %s\n", name, plural(total, "vote"))
	return ExitOK
}
