package gui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/lang"

	"servicebp/blueprint"
)

// durationWords are the spellings of units the inspector's duration
// fields take besides the file's w, d, h, m and s, longest first: the
// Chinese units in both scripts, and English words.
var durationWords = strings.NewReplacer(
	"星期", "w", "礼拜", "w", "禮拜", "w", "周", "w", "週", "w",
	"小时", "h", "小時", "h", "钟头", "h", "鐘頭", "h",
	"分钟", "m", "分鐘", "m", "秒钟", "s", "秒鐘", "s",
	"天", "d", "日", "d", "时", "h", "時", "h", "分", "m", "秒", "s",
	"weeks", "w", "week", "w", "wk", "w",
	"days", "d", "day", "d",
	"hours", "h", "hour", "h", "hrs", "h", "hr", "h",
	"minutes", "m", "minute", "m", "mins", "m", "min", "m",
	"seconds", "s", "second", "s", "secs", "s", "sec", "s",
)

// normalizeDuration rewrites a duration as typed ("8分钟", "1 小时 30 分",
// "１５分", "90 min") in the file's form ("8m", "1h30m", "15m", "90m").
func normalizeDuration(t string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(t) {
		switch {
		case r >= '０' && r <= '９': // full-width digits
			b.WriteRune('0' + r - '０')
		case r == ' ' || r == '\u3000' || r == '\t':
		default:
			b.WriteRune(r)
		}
	}
	return durationWords.Replace(b.String())
}

// parseDurationField reads a duration typed in the inspector, in the
// file's units or in words (see normalizeDuration); empty means none.
func parseDurationField(t string) (blueprint.Duration, error) {
	t = strings.TrimSpace(t)
	if t == "" {
		return 0, nil
	}
	d, err := blueprint.ParseDuration(normalizeDuration(t))
	if err != nil {
		return 0, errors.New(lang.L("Invalid duration “{{.Text}}”: write a number and a unit, for example 5m, 1h30m or 2d", map[string]any{"Text": t}))
	}
	return d, nil
}
