package sfnt

import (
	"strings"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
)

// Families ranks the system faces that draw Chinese in the glyph forms of
// its script: the mainland's for Simplified, Taiwan's for Traditional. A
// collection such as Noto Sans CJK holds a face for each region, and the
// first of them (Japanese) is the one a plain per-character fallback
// finds.
var (
	Simplified  = []string{"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback"}
	Traditional = []string{"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "Source Han Sans TW", "Noto Sans CJK HK", "Noto Sans CJK SC", "Droid Sans Fallback"}
)

var (
	scanOnce sync.Once
	prints   []fontscan.Footprint
)

// systemFonts scans the system fonts once; fontscan keeps an index on
// disk, so later starts read that instead of every font file.
func systemFonts() []fontscan.Footprint {
	scanOnce.Do(func() {
		prints, _ = fontscan.SystemFonts(quiet{}, "")
	})
	return prints
}

type quiet struct{}

func (quiet) Printf(string, ...any) {}

// Find returns the file and face index of the best-ranked system face of
// families (see Simplified and Traditional), bold or regular and upright.
// A family with no bold face is not used for bold text: Fyne would draw
// its regular face, which is what it draws without one.
func Find(families []string, bold bool) (path string, index int, ok bool) {
	return find(systemFonts(), families, bold)
}

func find(fps []fontscan.Footprint, families []string, bold bool) (string, int, bool) {
	want := font.WeightNormal
	if bold {
		want = font.WeightBold
	}
	for _, fam := range families {
		key := normalize(fam)
		for _, fp := range fps {
			a := fp.Aspect
			if normalize(fp.Family) != key || (a.Style != 0 && a.Style != font.StyleNormal) {
				continue
			}
			if w := a.Weight; w == want || (w == 0 && !bold) {
				return fp.Location.File, int(fp.Location.Index), true
			}
		}
	}
	return "", 0, false
}

func normalize(family string) string {
	return strings.ToLower(strings.ReplaceAll(family, " ", ""))
}
