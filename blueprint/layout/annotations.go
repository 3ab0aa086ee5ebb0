package layout

import (
	"strings"

	"servicebp/blueprint"
)

// AnnotationKind says what an annotation line on a card tells.
type AnnotationKind uint8

// The annotation kinds, in the order a card shows them.
const (
	AnnotationFail     AnnotationKind = iota // what can go wrong at a fail point
	AnnotationRecovery                       // how the fail point is recovered
	AnnotationWait                           // how long the customer waits, and the waiting conditions met
)

// Annotation is one line of a card's annotations: the fail text, the
// recovery or the wait, drawn in small print under the card text when
// Style.Annotations is set.
type Annotation struct {
	Kind AnnotationKind
	Line TextLine
}

// annotationMaxLines is how many lines each annotation may take.
const annotationMaxLines = 2

// annotationLine is one annotation, or one measured line of it.
type annotationLine struct {
	kind AnnotationKind
	text string
}

// annotationTexts are the annotations of s as written on its card:
// "Fail point: …", "→ …" and "Wait point 10m: …".
func annotationTexts(s *blueprint.Step, lb Labels) []annotationLine {
	lb = lb.orEnglish()
	var out []annotationLine
	if f := strings.TrimSpace(s.Fail); f != "" {
		out = append(out, annotationLine{AnnotationFail, lb.Fail + lb.Colon + f})
	}
	if r := strings.TrimSpace(s.Recovery); r != "" {
		out = append(out, annotationLine{AnnotationRecovery, "→ " + r})
	}
	if s.Wait > 0 {
		t := lb.Wait + " " + s.Wait.String()
		if len(s.Waiting) > 0 {
			t += lb.Colon + strings.Join(s.Waiting, ", ")
		}
		out = append(out, annotationLine{AnnotationWait, t})
	}
	return out
}

// annotations wraps the annotations of s to width, for its card's content;
// nil unless the style asks for annotations, on every card or on s's.
func (c *computer) annotations(s *blueprint.Step, width float32) []annotationLine {
	if !c.st.Annotations && !c.st.Annotate[s.ID] {
		return nil
	}
	var out []annotationLine
	for _, a := range annotationTexts(s, c.st.Labels) {
		lines, _ := wrap(c.m, a.text, width, c.st.SmallSize, false, annotationMaxLines)
		for _, ln := range lines {
			out = append(out, annotationLine{a.kind, ln})
		}
	}
	return out
}
