package layout

import (
	"reflect"
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
)

// TestAnnotations checks the annotations layer: off by default; on, the
// fail text, the recovery and the wait go on their cards under the text,
// inside the card, which grows to hold them.
func TestAnnotations(t *testing.T) {
	d := testDoc()
	for i := range d.Steps {
		if d.Steps[i].ID == "keys" {
			d.Steps[i].Recovery = "Offer the lounge"
		}
		if d.Steps[i].ID == "desk" {
			d.Steps[i].Waiting = []string{"explained"}
		}
	}
	off := Compute(d, DefaultStyle(), fakeMeasure)
	for _, c := range off.Cards {
		if len(c.Annotations) > 0 {
			t.Fatalf("annotations off: card %s has %v", c.StepID, c.Annotations)
		}
	}
	st := DefaultStyle()
	st.Annotations = true
	on := Compute(d, st, fakeMeasure)
	texts := func(id string) []string {
		var out []string
		for _, a := range on.Card(id).Annotations {
			out = append(out, a.Line.Text)
		}
		return out
	}
	tests := []struct {
		step string
		want []string
	}{
		{"keys", []string{"Fail point: Room not ready", "→ Offer the lounge"}},
		{"desk", []string{"Wait point 10m: explained"}},
		{"sleep", nil},
	}
	for _, tt := range tests {
		t.Run(tt.step, func(t *testing.T) {
			if got := texts(tt.step); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("annotations = %q, want %q", got, tt.want)
			}
			c, was := on.Card(tt.step), off.Card(tt.step)
			if len(tt.want) > 0 && c.Rect.H <= was.Rect.H {
				t.Errorf("card height %g with annotations, %g without: it must grow", c.Rect.H, was.Rect.H)
			}
			last := c.Lines[len(c.Lines)-1].Rect()
			for _, a := range c.Annotations {
				r := a.Line.Rect()
				if r.Y < last.Bottom() || r.Bottom() > c.Rect.Bottom() || r.X < c.Rect.X || r.Right() > c.Rect.Right() {
					t.Errorf("annotation %q at %v is not between the text (bottom %g) and the card's bottom %v", a.Line.Text, r, last.Bottom(), c.Rect)
				}
				for _, b := range c.Badges {
					if b.Kind == BadgeOwner && b.Rect.Y < r.Bottom() {
						t.Errorf("owner at %v overlaps annotation %v", b.Rect, r)
					}
				}
			}
		})
	}
	if got := on.Card("keys").Annotations[0].Kind; got != AnnotationFail {
		t.Errorf("first annotation kind = %d, want fail", got)
	}
}

// TestAnnotationsUseTheLanguagesColon: in Chinese the annotations write
// the full-width colon after their label (失误点：…), in English ": ".
func TestAnnotationsUseTheLanguagesColon(t *testing.T) {
	s := &blueprint.Step{Fail: "证件模糊", Wait: 10 * blueprint.Minute, Waiting: []string{"排队"}}
	zh := annotationTexts(s, LabelsIn(i18n.Simplified))
	if zh[0].text != LabelsIn(i18n.Simplified).Fail+"：证件模糊" || !strings.Contains(zh[1].text, "10m：排队") {
		t.Errorf("Chinese annotations %q", zh)
	}
	en := annotationTexts(s, EnglishLabels)
	if en[0].text != "Fail point: 证件模糊" {
		t.Errorf("English annotation %q", en[0].text)
	}
}
