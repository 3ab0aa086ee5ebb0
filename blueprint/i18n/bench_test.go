package i18n

import "testing"

// BenchmarkParseCatalogues parses the three catalogues, as a process that
// speaks all three would once.
func BenchmarkParseCatalogues(b *testing.B) {
	for b.Loop() {
		for _, l := range Langs {
			if _, err := parseCatalogue(l); err != nil {
				b.Fatal(err)
			}
		}
	}
}
