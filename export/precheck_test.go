package export

import (
	"errors"
	"strings"
	"testing"

	"servicebp/blueprint/bpgen"
)

// TestCheckSizeRefusesOnlyWhatIsTooLarge checks the early refusal against
// the real layout: whatever checkSize refuses, PixelSize refuses too.
func TestCheckSizeRefusesOnlyWhatIsTooLarge(t *testing.T) {
	refused := 0
	for _, n := range []int{5, 60, 200, 1000} {
		d := bpgen.Generate(n)
		l := Layout(d, Options{})
		for _, scale := range []float32{MinScale, 1, 2, 4, MaxScale} {
			opt := Options{Scale: scale}
			if err := checkSize(d, opt); err != nil {
				refused++
				if _, _, real := PixelSize(l, scale); real == nil {
					t.Errorf("%d steps at scale %g: refused early (%v), but the image is %v × %v units", n, scale, err, l.Width, l.Height)
				}
			}
		}
	}
	if refused == 0 {
		t.Error("nothing was refused early; the test checks nothing")
	}
	_, err := PNG(bpgen.Generate(10000), Options{Scale: 2})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "at least") {
		t.Errorf("10,000 steps at scale 2: %v, want the early refusal", err)
	}
}
