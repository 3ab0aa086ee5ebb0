package cli

import (
	"flag"
	"fmt"

	"servicebp/blueprint/i18n"
)

// langFlag adds --lang to fs: the language of the labels and messages a
// command writes. Its value is read with pickLang.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "", "language of labels and messages: en, zh-Hans or zh-Hant (default: from LC_ALL, LC_MESSAGES or LANG)")
}

// pickLang is the language a command speaks: flag when given, else the
// language of the environment's locale (i18n.FromEnv). An unknown flag
// value is reported on stderr as a usage error.
func pickLang(env Env, cmd, flag string) (i18n.Lang, bool) {
	if flag == "" {
		return i18n.FromEnv(env.Getenv), true
	}
	l, err := i18n.Parse(flag)
	if err != nil {
		fmt.Fprintf(env.Stderr, "servicebp %s: --lang: %v\n", cmd, err)
		return "", false
	}
	return l, true
}
