package draw

import (
	"image/color"
	"math"
	"testing"

	"servicebp/blueprint"
)

// hueSat is the hue in degrees and the HSV saturation of c.
func hueSat(c color.NRGBA) (hue, sat float64) {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	hi, lo := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	if hi == 0 || hi == lo {
		return 0, 0
	}
	d := hi - lo
	switch hi {
	case r:
		hue = math.Mod((g-b)/d, 6)
	case g:
		hue = (b-r)/d + 2
	default:
		hue = (r-g)/d + 4
	}
	return math.Mod(hue*60+360, 360), d / hi
}

// TestCustomLaneColourStandsApart checks that in the light, dark and contrast
// palettes a custom lane's colours are of another hue than each default
// lane's: its accent (title and card edge) and its header cell. A custom
// lane in the customer lane's brown reads as a second customer lane.
func TestCustomLaneColourStandsApart(t *testing.T) {
	const minHue = 40 // degrees
	for _, p := range []Palette{LightPalette(), DarkPalette(), ContrastPalette()} {
		custom := p.Lane(blueprint.LaneCustom)
		for k, lc := range p.Lanes {
			if k == blueprint.LaneCustom {
				continue
			}
			for _, pair := range []struct {
				what string
				a, b color.NRGBA
			}{{"accent", custom.Accent, lc.Accent}, {"header", custom.Header, lc.Header}} {
				ha, sa := hueSat(pair.a)
				hb, sb := hueSat(pair.b)
				if sa < 0.1 || sb < 0.1 {
					continue // a grey has no hue to confuse
				}
				d := math.Abs(ha - hb)
				d = math.Min(d, 360-d)
				if d < minHue {
					t.Errorf("%s palette: the custom lane's %s %v is %.0f° from the %s lane's %v, want at least %d°", p.Name, pair.what, pair.a, d, k, pair.b, minHue)
				}
			}
		}
	}
}
