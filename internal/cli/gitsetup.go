package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func init() {
	register(&command{name: "git-setup", usage: "git-setup", summary: "configure servicebp as git's diff and merge driver for the current repository", order: 27, run: runGitSetup})
}

// gitSettings are the git config lines of docs/git.md; %s is how git
// should run servicebp.
var gitSettings = [][2]string{
	{"diff.servicebp.command", "%s diff --git-external"},
	{"merge.servicebp.name", "servicebp blueprint merge"},
	{"merge.servicebp.driver", "%s merge %%O %%A %%B"},
}

// runGitSetup writes the driver settings into the current repository's
// git config and says which .gitattributes line turns them on.
func runGitSetup(env Env, args []string) int {
	fs := newFlagSet("git-setup", env)
	files, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(files) != 0 {
		fs.Usage()
		return ExitUsage
	}
	git, err := exec.LookPath("git")
	if err != nil {
		fmt.Fprintf(env.Stderr, "servicebp git-setup: git is not installed: %v\n", err)
		return ExitFailure
	}
	if out, err := exec.Command(git, "rev-parse", "--git-dir").CombinedOutput(); err != nil {
		fmt.Fprintf(env.Stderr, "servicebp git-setup: not in a git repository: %s\n", strings.TrimSpace(string(out)))
		return ExitFailure
	}
	self := selfCommand()
	for _, s := range gitSettings {
		value := s[1]
		if strings.Contains(value, "%s") {
			value = fmt.Sprintf(value, self)
		}
		if out, err := exec.Command(git, "config", "--local", s[0], value).CombinedOutput(); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp git-setup: git config %s: %v: %s\n", s[0], err, strings.TrimSpace(string(out)))
			return ExitFailure
		}
		fmt.Fprintf(env.Stdout, "git config %s %q\n", s[0], value)
	}
	fmt.Fprintln(env.Stdout, "Now name the blueprints in .gitattributes, for example:\n  *.blueprint.yaml merge=servicebp diff=servicebp")
	return ExitOK
}

// selfCommand is how git should run this binary: "servicebp" when that is
// what PATH finds, otherwise its absolute path, quoted for git's shell.
func selfCommand() string {
	exe, err := os.Executable()
	if err != nil {
		return "servicebp"
	}
	if p, err := exec.LookPath("servicebp"); err == nil && sameFile(p, exe) {
		return "servicebp"
	}
	return "'" + strings.ReplaceAll(exe, "'", `'\''`) + "'"
}

func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(ia, ib) || filepath.Clean(a) == filepath.Clean(b)
}
