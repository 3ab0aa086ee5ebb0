package blueprint

import (
	"fmt"
	"strconv"
	"strings"
)

// Duration is a length of time in whole seconds, written in files as a
// compact string such as "30s", "5m", "1h30m", "2d" or "1w".
type Duration int64

// Duration units, in seconds.
const (
	Second Duration = 1
	Minute          = 60 * Second
	Hour            = 60 * Minute
	Day             = 24 * Hour
	Week            = 7 * Day
)

var durationUnits = []struct {
	suffix string
	size   Duration
}{{"w", Week}, {"d", Day}, {"h", Hour}, {"m", Minute}, {"s", Second}}

// maxDuration bounds parsed durations to a century, far above any real wait.
const maxDuration = 100 * 52 * Week

// ParseDuration reads a duration such as "45s", "5m", "1h30m", "2d" or
// "1w2d". Units must appear from largest to smallest, at most once each.
func ParseDuration(s string) (Duration, error) {
	if s == "" {
		return 0, fmt.Errorf("empty duration")
	}
	rest := s
	var total Duration
	last := -1
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i > 9 {
			return 0, fmt.Errorf("invalid duration %q: write a number and a unit, for example 5m or 1h30m", s)
		}
		n, err := strconv.Atoi(rest[:i])
		if err != nil {
			return 0, fmt.Errorf("invalid duration %q", s)
		}
		rest = rest[i:]
		unit := -1
		for j, u := range durationUnits {
			if strings.HasPrefix(rest, u.suffix) {
				unit = j
				break
			}
		}
		if unit < 0 {
			return 0, fmt.Errorf("invalid duration %q: units are w, d, h, m and s", s)
		}
		if unit <= last {
			return 0, fmt.Errorf("invalid duration %q: write units from largest to smallest, each once", s)
		}
		last = unit
		rest = rest[len(durationUnits[unit].suffix):]
		total += Duration(n) * durationUnits[unit].size
		if total > maxDuration {
			return 0, fmt.Errorf("duration %q is too long", s)
		}
	}
	return total, nil
}

// String writes d in its canonical form, largest units first ("1h30m").
// The zero duration is "0s".
func (d Duration) String() string {
	if d == 0 {
		return "0s"
	}
	var b strings.Builder
	if d < 0 {
		b.WriteByte('-')
		d = -d
	}
	for _, u := range durationUnits {
		if n := d / u.size; n > 0 {
			b.WriteString(strconv.FormatInt(int64(n), 10))
			b.WriteString(u.suffix)
			d -= n * u.size
		}
	}
	return b.String()
}

// Minutes returns d in minutes, as a float for display and thresholds.
func (d Duration) Minutes() float64 { return float64(d) / float64(Minute) }
