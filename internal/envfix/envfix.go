// Package envfix normalises the process environment before any other
// package initialises. main imports it first for its side effect.
//
// Fyne's lang package reads the locale while it initialises and logs an
// error for the POSIX locale names "C" and "POSIX" with an encoding suffix
// ("C.UTF-8", common in containers and CI). Those locales mean English, so
// they are replaced by "en_US.UTF-8" here, before Fyne looks.
package envfix

import (
	"os"
	"strings"
)

func init() {
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		v, ok := os.LookupEnv(key)
		if !ok {
			continue
		}
		base, _, _ := strings.Cut(v, ".")
		if base == "C" || base == "POSIX" {
			os.Setenv(key, "en_US.UTF-8")
		}
	}
}
