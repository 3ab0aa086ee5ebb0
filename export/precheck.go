package export

import (
	"fmt"
	"math"

	"servicebp/blueprint"
	"servicebp/blueprint/layout"
)

// checkSize refuses, before any text is measured, a drawing of d that is
// sure to exceed the image limits at the scale opt asks for: laying out
// thousands of cards only to refuse the image cost seconds. With
// opt.Width the scale depends on the finished layout, so it checks
// nothing; neither does it when the scale itself is refused later.
func checkSize(d *blueprint.Document, opt Options) error {
	if opt.Width > 0 {
		return nil
	}
	st := layout.DefaultStyle()
	if opt.Style != nil {
		st = *opt.Style
	}
	w, h := layout.MinSize(d, st)
	scale, err := PickScale(opt, w)
	if err != nil {
		return nil
	}
	fw := math.Ceil(float64(w * scale))
	fh := math.Ceil(float64(h * scale))
	if fw > maxSide || fh > maxSide || fw*fh > MaxPixels {
		return fmt.Errorf("%w: at least %.0f × %.0f px (%.0f Mpx) at scale %g is over the limit of %d Mpx; use a smaller --scale or --width, or export SVG", ErrTooLarge, fw, fh, fw*fh/1e6, scale, MaxPixels/1_000_000)
	}
	return nil
}
