package svg

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"servicebp/blueprint/draw"
)

// num formats a world coordinate with at most 3 decimals: fixed, so that
// the output is the same on every run and machine, and never "-0".
func num(v float32) string { return round(v, 1000) }

// num1 formats an em-square coordinate with at most 1 decimal.
func num1(v float32) string { return round(v, 10) }

// num4 formats a scale factor or an opacity with at most 4 decimals.
func num4(v float32) string { return round(v, 10000) }

func round(v float32, k float64) string {
	r := math.Round(float64(v)*k) / k
	if r == 0 || math.IsNaN(r) || math.IsInf(r, 0) {
		return "0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// escape makes s safe as XML character data or an attribute value, and
// drops the characters XML 1.0 does not allow.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n':
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0xd800 && r <= 0xdfff) || r == 0xfffe || r == 0xffff:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// kindNames are the class and id prefix of each element kind.
var kindNames = [...]string{
	draw.ElemBackdrop:     "backdrop",
	draw.ElemTitle:        "title",
	draw.ElemPhase:        "phase",
	draw.ElemColumn:       "column",
	draw.ElemLane:         "lane",
	draw.ElemLine:         "line",
	draw.ElemFlow:         "flow",
	draw.ElemStep:         "step",
	draw.ElemLegend:       "legend",
	draw.ElemFlowLabel:    "flow-label",
	draw.ElemEmotionCurve: "emotion-curve",
}

func kindName(k draw.ElemKind) string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind%d", k)
}

// elementID is the id an element's group asks for: its kind, then its id
// or its two ends, sanitised to XML name characters.
func elementID(e draw.Element) string {
	id := kindName(e.Kind)
	switch {
	case e.Kind == draw.ElemFlow:
		id += "-" + sanitise(e.From) + "-" + sanitise(e.To)
	case e.ID != "":
		id += "-" + sanitise(e.ID)
	}
	return id
}

// sanitise keeps letters, digits, '_', '-' and '.', and turns anything
// else into '_'.
func sanitise(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.' {
			return r
		}
		return '_'
	}, s)
}

// uniqueID returns id, or id with the first free "-N" suffix when it was
// given before (two flows between the same steps, ids that sanitise
// alike).
func (s *writer) uniqueID(id string) string {
	out := id
	for n := 2; s.ids[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	s.ids[out] = true
	return out
}
