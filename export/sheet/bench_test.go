package sheet

import (
	"bytes"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/bpgen"
)

// TestRoundTripGenerated round-trips a generated 1,000-step blueprint
// through CSV and XLSX.
func TestRoundTripGenerated(t *testing.T) {
	d := bpgen.Generate(1000)
	want := canonical(t, d)
	for _, format := range []string{"csv", "xlsx"} {
		got := roundTrip(t, d, format)
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the round trip differs:\n%s", format, firstDiff(want, got))
		}
	}
}

func roundTrip(tb testing.TB, d *blueprint.Document, format string) []byte {
	b, err := BookOf(d)
	if err != nil {
		tb.Fatal(err)
	}
	names := Names{Steps: "s", Flows: "f", Blueprint: "b"}
	var back Book
	if format == "xlsx" {
		data, err := EncodeXLSX(b)
		if err != nil {
			tb.Fatal(err)
		}
		if back, err = DecodeXLSX("s.xlsx", data); err != nil {
			tb.Fatal(err)
		}
	} else {
		for _, p := range []struct{ in, out *Table }{{&b.Steps, &back.Steps}, {&b.Flows, &back.Flows}, {&b.Blueprint, &back.Blueprint}} {
			if *p.out, err = DecodeCSV("s.csv", EncodeCSV(*p.in)); err != nil {
				tb.Fatal(err)
			}
		}
	}
	out, err := Import(back, names, "t")
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// BenchmarkCSVRoundTrip1000 exports a 1,000-step blueprint to CSV and
// imports it.
func BenchmarkCSVRoundTrip1000(b *testing.B) {
	d := bpgen.Generate(1000)
	b.ReportAllocs()
	for b.Loop() {
		roundTrip(b, d, "csv")
	}
}

// BenchmarkXLSXRoundTrip1000 does the same through XLSX.
func BenchmarkXLSXRoundTrip1000(b *testing.B) {
	d := bpgen.Generate(1000)
	b.ReportAllocs()
	for b.Loop() {
		roundTrip(b, d, "xlsx")
	}
}

// TestRoundTripVotes carries dot votes through both formats: the votes
// column holds the count, and a count out of range is refused.
func TestRoundTripVotes(t *testing.T) {
	d := bpgen.Generate(20)
	d.Steps[0].Votes, d.Steps[3].Votes = 7, blueprint.MaxVotes
	want := canonical(t, d)
	if !bytes.Contains(want, []byte("votes: 7")) {
		t.Fatal("the fixture has no votes")
	}
	for _, format := range []string{"csv", "xlsx"} {
		if got := roundTrip(t, d, format); !bytes.Equal(got, want) {
			t.Errorf("%s: the round trip differs:\n%s", format, firstDiff(want, got))
		}
	}
	var s blueprint.Step
	if err := setStepVotes(&s, blueprint.MaxVotes+1); err == nil {
		t.Error("a votes cell over the maximum was accepted")
	}
}
