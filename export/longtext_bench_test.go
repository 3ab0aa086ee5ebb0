package export

import (
	"errors"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// BenchmarkExportLongTitle renders to PNG a one-card blueprint whose title
// is 20,000 characters long, with the real fonts (budget: 2 s).
func BenchmarkExportLongTitle(b *testing.B) {
	benchLongText(b, "title", 20000)
}

// BenchmarkExportHugeTitle renders a title of 10 MB less a little, on one
// line of one word: it is measured by prefixes, never whole.
func BenchmarkExportHugeTitle(b *testing.B) {
	benchLongText(b, "title", blueprint.MaxFileSize-1000)
}

// BenchmarkExportLongDescription renders a description of 10 MB less a
// little, the largest a file holds.
func BenchmarkExportLongDescription(b *testing.B) {
	benchLongText(b, "description", blueprint.MaxFileSize-1000)
}

// BenchmarkExportLongOwner renders a 10,000-character owner on a card.
func BenchmarkExportLongOwner(b *testing.B) { benchLongText(b, "owner", 10000) }

// BenchmarkExportLongPhase renders a 10,000-character phase name.
func BenchmarkExportLongPhase(b *testing.B) { benchLongText(b, "phase", 10000) }

// BenchmarkExportLongLabel renders a 10,000-character flow label.
func BenchmarkExportLongLabel(b *testing.B) { benchLongText(b, "label", 10000) }

// BenchmarkExportLongText renders a 10,000-character card text.
func BenchmarkExportLongText(b *testing.B) { benchLongText(b, "text", 10000) }

func benchLongText(b *testing.B, field string, n int) {
	d, err := blueprint.Parse(field+".yaml", bpgen.LongText(field, n, true))
	if err != nil {
		b.Fatal(err)
	}
	// Each PNG lays out with a fresh measure, as one run of the command does.
	opt := Options{Scale: 1, Font: pinnedFont(b)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PNG(d, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportTooLarge asks for a PNG at scale 2 of a generated 10,000-step
// blueprint, which is far over the image limits: it is refused before its
// 10,000 texts are measured.
func BenchmarkExportTooLarge(b *testing.B) {
	d := bpgen.Generate(10000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PNG(d, Options{Scale: 2}); !errors.Is(err, ErrTooLarge) {
			b.Fatalf("got %v, want ErrTooLarge", err)
		}
	}
}
