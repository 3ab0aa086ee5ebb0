package export

import (
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
	"servicebp/blueprint/i18n"
	"servicebp/blueprint/layout"
)

// BenchmarkLayout1000 lays out 1,000 steps measuring text with the real
// fonts (budget 20 ms).
func BenchmarkLayout1000(b *testing.B) {
	d := bpgen.Generate(1000)
	e, err := engineFor(pinnedFont(b), i18n.English)
	if err != nil {
		b.Fatal(err)
	}
	m := e.Measure()
	st := layout.DefaultStyle()
	layout.Compute(d, st, m) // warm the font caches
	b.ReportAllocs()
	for b.Loop() {
		layout.Compute(d, st, m)
	}
}

// BenchmarkExport200Scale2 renders 200 steps, two per cell, to PNG at
// scale 2 (budget 1 s).
func BenchmarkExport200Scale2(b *testing.B) {
	benchExport(b, bpgen.Stack(bpgen.Generate(200), 2), 2)
}

// BenchmarkExport1000Scale1 renders 1,000 steps, four per cell, to PNG at
// scale 1 (budget 3 s).
func BenchmarkExport1000Scale1(b *testing.B) {
	benchExport(b, bpgen.Stack(bpgen.Generate(1000), 4), 1)
}

func benchExport(b *testing.B, d *blueprint.Document, scale float32) {
	font := pinnedFont(b)
	opt := Options{Scale: scale, Font: font}
	if _, err := PNG(d, opt); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PNG(d, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPNGGrid200Scale1 paints the 5 × 40 grid (200 cards, 99 flows)
// to PNG at scale 1: the case compared with d2's SVG and dot -Tpng.
func BenchmarkPNGGrid200Scale1(b *testing.B) {
	benchExport(b, bpgen.Generate(200), 1)
}

// BenchmarkPNGGrid1000Scale1 paints 1,000 cards in 200 columns to PNG at
// scale 1.
func BenchmarkPNGGrid1000Scale1(b *testing.B) {
	benchExport(b, bpgen.Generate(1000), 1)
}

// BenchmarkSVGGrid200 writes the 5 × 40 grid as SVG.
func BenchmarkSVGGrid200(b *testing.B) { benchSVG(b, bpgen.Generate(200)) }

// BenchmarkSVGGrid1000 writes 1,000 cards in 200 columns as SVG.
func BenchmarkSVGGrid1000(b *testing.B) { benchSVG(b, bpgen.Generate(1000)) }

func benchSVG(b *testing.B, d *blueprint.Document) {
	opt := Options{Scale: 1, Font: pinnedFont(b)}
	data, err := SVG(d, opt)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(data))/1e6, "MB")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SVG(d, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDFGrid200 writes the 5 × 40 grid (200 cards, 99 flows) as a
// one-page PDF.
func BenchmarkPDFGrid200(b *testing.B) { benchPDF(b, bpgen.Generate(200)) }

// BenchmarkPDFGrid1000 writes 1,000 cards in 200 columns as a PDF.
func BenchmarkPDFGrid1000(b *testing.B) { benchPDF(b, bpgen.Generate(1000)) }

func benchPDF(b *testing.B, d *blueprint.Document) {
	opt := Options{Font: pinnedFont(b)}
	data, err := PDF(d, opt)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(data))/1e6, "MB")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PDF(d, opt); err != nil {
			b.Fatal(err)
		}
	}
}
