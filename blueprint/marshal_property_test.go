package blueprint

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// hostilePieces are what the generated strings are made of: every YAML
// indicator, white space in its forms, quotes, colons, comment and
// document markers, words YAML reads as something else, CJK, right-to-left
// text, bidirectional controls (which the writer escapes), separators
// and escapes. Control characters other than tab and line feed are left
// out: the loader and the edit commands refuse them.
var hostilePieces = []string{
	"?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", `"`, "%", "@", "`", "-", ".", "<<", "=", "~",
	" ", " ", "  ", "\t", "\n", "\u00a0", "\u3000",
	": ", " #", "? ", "- ", "---", "...", "\\", "\\n", "%YAML", "!!str",
	"yes", "No", "null", "NULL", "true", "off", "y", "0x1", "0o17", "017", "1_000", "1e3", "-.inf", ".NaN", "12:30", "2026-05-01", "+1",
	"Paid", "Print receipt", "a", "Z", "9",
	"付款", "收据", "真实瞬间", "關鍵時刻", "、", "。", "：", "？",
	"مرحبا", "שלום", "\u200e", "\u200f", "\u061c", "\u202a", "\u202e", "\u2066", "\u2069",
	"\u2028", "\u2029", "\ufeff", "\ufffe", "é", "😀",
}

// hostileString builds a string of one to six pieces.
func hostileString(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(6) {
		b.WriteString(hostilePieces[r.IntN(len(hostilePieces))])
	}
	return b.String()
}

// hostileID builds a valid id that YAML may still misread: numbers,
// signs, dots and reserved words.
func hostileID(r *rand.Rand, n int) string {
	ids := []string{"y", "n", "yes", "no", "null", "true", "1", "-1", "0x1", "1.5", ".", "..", "-", "_", "1e3", "017", "付款", "a.b", "x-"}
	return fmt.Sprintf("%s%d", ids[r.IntN(len(ids))], n)
}

// hostileDocument is a valid document with a hostile string in every
// string field.
func hostileDocument(r *rand.Rand) *Document {
	s := func() string { return hostileString(r) }
	d := &Document{Version: FormatVersion, Title: s(), Description: s()}
	kinds := []LaneKind{LaneEvidence, LaneCustomer, LaneFrontstage, LaneBackstage, LaneSupport, LaneCustom}
	for i := range 3 {
		d.Lanes = append(d.Lanes, Lane{ID: hostileID(r, i), Name: s(), Kind: kinds[r.IntN(len(kinds))]})
	}
	d.Lines = []Line{{ID: hostileID(r, 10), Kind: LineCustom, Name: s(), Below: d.Lanes[0].ID, Style: StyleDotted}}
	for i := range 2 {
		d.Columns = append(d.Columns, Column{ID: hostileID(r, 20+i), Name: s(), Phase: s()})
	}
	for i := range 3 {
		d.Steps = append(d.Steps, Step{
			ID: hostileID(r, 30+i), Lane: d.Lanes[i%3].ID, Column: d.Columns[i%2].ID,
			Text: s(), Owner: s(), Fail: s(), Recovery: s(), Notes: s(),
			Tags: []string{s(), s()}, Emotion: r.IntN(5) - 2, Moment: r.IntN(2) == 0,
		})
	}
	// A random queue and waiting conditions on one step.
	q := &d.Steps[r.IntN(3)]
	q.Queue = Queue{
		Arrivals: Rate{Count: 1 + r.Int64N(maxRateCount), Per: rateUnits[r.IntN(len(rateUnits))].size},
		Servers:  1 + r.IntN(MaxServers), Service: Duration(1 + r.Int64N(int64(Week))),
	}
	if r.IntN(2) == 0 {
		q.Queue.Structure = QueueStructures[r.IntN(len(QueueStructures))]
	}
	for _, i := range r.Perm(len(WaitingConditions))[:r.IntN(len(WaitingConditions)+1)] {
		q.Waiting = append(q.Waiting, WaitingConditions[i])
	}
	d.Flows = []Flow{
		{From: d.Steps[0].ID, To: d.Steps[1].ID, Label: s()},
		{From: d.Steps[1].ID, To: d.Steps[2].ID, Label: s(), TwoWay: true},
	}
	d.Lint.Disable = []string{s(), s()}
	return d
}

// TestMarshalRoundTripsHostileStrings puts generated hostile strings into
// every string field and checks that Marshal accepts the document, that
// its output loads as the same document, and that saving that again gives
// the same bytes.
func TestMarshalRoundTripsHostileStrings(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	r := rand.New(rand.NewPCG(11, 2026))
	strs := 0
	for i := range n {
		d := hostileDocument(r)
		strs += 2 + 3 + 1 + 2*2 + 3*7 + 2 + 2
		out, err := Marshal(d)
		if err != nil {
			t.Fatalf("case %d: Marshal refused a valid document: %v", i, err)
		}
		got, err := Parse("hostile.yaml", out)
		if err != nil {
			t.Fatalf("case %d: output does not load: %v\n%s", i, err, out)
		}
		if el, what := firstDifference(d, got); what != "" {
			t.Fatalf("case %d: %s reads back differently: %s\n%s", i, el, what, out)
		}
		again, err := Marshal(got)
		if err != nil || string(again) != string(out) {
			t.Fatalf("case %d: not byte-stable (%v):\n%s\n---\n%s", i, err, out, again)
		}
	}
	t.Logf("%d documents, %d hostile strings, each through Marshal → Parse → Marshal", n, strs)
}

// TestPlainScalarRule checks single strings in both contexts against the
// rule's promises: every indicator, space and colon position that YAML
// readers treat specially is quoted.
func TestPlainScalarRule(t *testing.T) {
	for _, tt := range []struct {
		s             string
		block, inFlow bool
	}{
		{"Paid? Print receipt", true, false},
		{"Print receipt", true, true},
		{"a?b", true, false},
		{"?", false, false},
		{"? a", false, false},
		{"a: b", false, false},
		{"a:b", true, false},
		{"a:", false, false},
		{"a #b", false, false},
		{"a#b", true, false},
		{"a,b", true, false},
		{"a[b]", true, false},
		{"{a}", false, false},
		{"a}", true, false},
		{" a", false, false},
		{"a ", false, false},
		{"a\u3000", false, false},
		{"a\tb", false, false},
		{"Kate's desk", true, true},
		{`say "hi"`, true, true},
		{"'a'", false, false},
		{"&a", false, false},
		{"*a", false, false},
		{"!a", false, false},
		{"|a", false, false},
		{">a", false, false},
		{"%a", false, false},
		{"@a", false, false},
		{"`a", false, false},
		{"-a", false, false},
		{"yes", false, false},
		{"<<", false, false},
		{"0x1", false, false},
		{"-1", false, false},
		{"1 guest", true, true},
		{"a\u202eb", false, false},
		{"付款：收据", true, true},
	} {
		if got := plainOK(tt.s, false); got != tt.block {
			t.Errorf("plainOK(%q, block) = %v, want %v", tt.s, got, tt.block)
		}
		if got := plainOK(tt.s, true); got != tt.inFlow {
			t.Errorf("plainOK(%q, flow) = %v, want %v", tt.s, got, tt.inFlow)
		}
	}
}
