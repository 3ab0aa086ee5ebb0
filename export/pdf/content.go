package pdf

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"strings"

	"servicebp/blueprint/draw"
	"servicebp/blueprint/images"
	"servicebp/blueprint/layout"
	"servicebp/export/text"
)

// doc is the Writer of this package: pages are painted into content
// streams as they are added; fonts and graphics states are written, once,
// by Finish.
type doc struct {
	eng    *text.Engine
	pages  []pageData
	fonts  []*subset            // every font subset, in the order made
	faces  map[string][]*subset // the subsets of each face, by face name
	glyphs map[glyphRef]glyphSlot
	states map[alphaPair]int       // ExtGState number by alphas
	order  []alphaPair             // the ExtGStates in the order made
	images map[*images.Picture]int // image XObject number by picture
	pics   []*images.Picture       // the image XObjects in the order used
}

type pageData struct {
	w, h    float32
	content []byte
}

// alphaPair is the fill and stroke alpha of an ExtGState.
type alphaPair struct{ fill, stroke uint8 }

// kappa places the control points of a cubic Bézier quarter circle.
const kappa = 0.5522847498

// painter paints the items of one page into its content stream.
type painter struct {
	d     *doc
	b     bytes.Buffer
	scale float32 // of the current layer, for the text baselines
	// the current graphics state, to leave out operators that change
	// nothing
	fill, stroke color.NRGBA
	width        float32
	alpha        alphaPair
	dashed       bool
	pics         images.Source // the current layer's pictures
}

// AddPage paints p into a content stream.
func (d *doc) AddPage(p Page) error {
	if !(p.Width > 0 && p.Height > 0) || p.Width > 1e6 || p.Height > 1e6 {
		return fmt.Errorf("pdf: page size %g × %g points", p.Width, p.Height)
	}
	pt := &painter{d: d, alpha: alphaPair{0xff, 0xff}, width: 1}
	// World y grows downwards: flip the page once.
	pt.printf("1 0 0 -1 0 %s cm\n0 J 0 j 4 M\n", num(p.Height))
	for _, ly := range p.Layers {
		if ly.List == nil {
			continue
		}
		d.eng.ShapeList(ly.List)
		s := ly.Scale
		if s <= 0 {
			s = 1
		}
		pt.scale = s
		pt.pics = ly.Pictures
		pt.printf("q\n")
		if ly.Clip.W > 0 && ly.Clip.H > 0 {
			pt.printf("%s %s %s %s re W n\n", num(ly.Clip.X), num(ly.Clip.Y), num(ly.Clip.W), num(ly.Clip.H))
		}
		pt.printf("%s 0 0 %s %s %s cm\n", num4(s), num4(s), num(ly.Offset.X), num(ly.Offset.Y))
		saved := *pt
		clip, culled := layout.Rect{}, ly.Clip.W > 0 && ly.Clip.H > 0
		if culled {
			// The clip in world units, grown for what reaches past an
			// item's bounds (miter joins, glyphs below the text box).
			clip = layout.Rect{X: (ly.Clip.X - ly.Offset.X) / s, Y: (ly.Clip.Y - ly.Offset.Y) / s, W: ly.Clip.W / s, H: ly.Clip.H / s}.Inset(-8)
		}
		ly.List.Each(func(_ *draw.Group, it draw.Item) {
			if culled && !overlaps(it.Bounds(), clip) {
				return // wholly outside the clip: leave it out of the page
			}
			pt.item(it)
		})
		pt.printf("Q\n")
		// Q restores the state that q saved.
		pt.fill, pt.stroke, pt.width, pt.alpha, pt.dashed = saved.fill, saved.stroke, saved.width, saved.alpha, saved.dashed
	}
	d.pages = append(d.pages, pageData{w: p.Width, h: p.Height, content: pt.b.Bytes()})
	return nil
}

func (p *painter) printf(format string, a ...any) { fmt.Fprintf(&p.b, format, a...) }

func (p *painter) item(it draw.Item) {
	switch it := it.(type) {
	case *draw.Rect:
		p.rect(it)
	case *draw.Path:
		p.path(it)
	case *draw.Circle:
		p.circle(it)
	case *draw.Text:
		p.text(it)
	case *draw.Image:
		p.image(it)
	}
}

// paint sets the colours, alphas and width for a shape with fill f and
// stroke st of width w, and returns the painting operator, or "" when
// there is nothing to paint.
func (p *painter) paint(f, st color.NRGBA, w float32) string {
	doFill := f.A != 0
	doStroke := st.A != 0 && w > 0
	a := p.alpha
	if doFill {
		p.setFill(f)
		a.fill = f.A
	}
	if doStroke {
		if st.R != p.stroke.R || st.G != p.stroke.G || st.B != p.stroke.B || p.stroke.A == 0 {
			p.printf("%s RG\n", rgb(st))
			p.stroke = st
		}
		if w != p.width {
			p.printf("%s w\n", num(w))
			p.width = w
		}
		a.stroke = st.A
	}
	p.setAlpha(a)
	switch {
	case doFill && doStroke:
		return "B"
	case doFill:
		return "f"
	case doStroke:
		return "S"
	}
	return ""
}

func (p *painter) setFill(f color.NRGBA) {
	if f.R != p.fill.R || f.G != p.fill.G || f.B != p.fill.B || p.fill.A == 0 {
		p.printf("%s rg\n", rgb(f))
		p.fill = f
	}
}

func (p *painter) setAlpha(a alphaPair) {
	if a == p.alpha {
		return
	}
	p.printf("/GS%d gs\n", p.d.state(a))
	p.alpha = a
}

// state returns the number of the ExtGState with alphas a.
func (d *doc) state(a alphaPair) int {
	if n, ok := d.states[a]; ok {
		return n
	}
	n := len(d.order) + 1
	d.states[a] = n
	d.order = append(d.order, a)
	return n
}

func (p *painter) setDash(dash []float32) {
	if len(dash) == 0 {
		if p.dashed {
			p.printf("[] 0 d\n")
			p.dashed = false
		}
		return
	}
	ds := make([]string, len(dash))
	for i, v := range dash {
		ds[i] = num(max(v, 0))
	}
	p.printf("[%s] 0 d\n", strings.Join(ds, " "))
	p.dashed = true
}

func (p *painter) rect(r *draw.Rect) {
	op := p.paint(r.Fill, r.Stroke, r.Width)
	if op == "" || r.R.W <= 0 || r.R.H <= 0 {
		return
	}
	p.setDash(nil)
	x, y, x2, y2 := r.R.X, r.R.Y, r.R.Right(), r.R.Bottom()
	rad := min(r.Radius, r.R.W/2, r.R.H/2)
	switch {
	case rad <= 0:
		p.printf("%s %s %s %s re %s\n", num(x), num(y), num(r.R.W), num(r.R.H), op)
	case r.Corners == draw.LeftCorners:
		k := rad * kappa
		p.printf("%s %s m %s %s l %s %s l %s %s l\n", num(x+rad), num(y), num(x2), num(y), num(x2), num(y2), num(x+rad), num(y2))
		p.printf("%s %s %s %s %s %s c\n", num(x+rad-k), num(y2), num(x), num(y2-rad+k), num(x), num(y2-rad))
		p.printf("%s %s l\n", num(x), num(y+rad))
		p.printf("%s %s %s %s %s %s c h %s\n", num(x), num(y+rad-k), num(x+rad-k), num(y), num(x+rad), num(y), op)
	default:
		k := rad * kappa
		p.printf("%s %s m %s %s l\n", num(x+rad), num(y), num(x2-rad), num(y))
		p.printf("%s %s %s %s %s %s c\n", num(x2-rad+k), num(y), num(x2), num(y+rad-k), num(x2), num(y+rad))
		p.printf("%s %s l\n", num(x2), num(y2-rad))
		p.printf("%s %s %s %s %s %s c\n", num(x2), num(y2-rad+k), num(x2-rad+k), num(y2), num(x2-rad), num(y2))
		p.printf("%s %s l\n", num(x+rad), num(y2))
		p.printf("%s %s %s %s %s %s c\n", num(x+rad-k), num(y2), num(x), num(y2-rad+k), num(x), num(y2-rad))
		p.printf("%s %s l\n", num(x), num(y+rad))
		p.printf("%s %s %s %s %s %s c h %s\n", num(x), num(y+rad-k), num(x+rad-k), num(y), num(x+rad), num(y), op)
	}
}

func (p *painter) path(pa *draw.Path) {
	if len(pa.Points) < 2 {
		return
	}
	f := pa.Fill
	if len(pa.Points) < 3 {
		f.A = 0
	}
	// A fill and a dashed stroke are painted apart: the fill is whole.
	if f.A != 0 && pa.Stroke.A != 0 && len(pa.Dash) > 0 {
		p.path(&draw.Path{Points: pa.Points, Closed: pa.Closed, Fill: f})
		f.A = 0
	}
	op := p.paint(f, pa.Stroke, pa.Width)
	if op == "" {
		return
	}
	if op == "f" {
		p.setDash(nil)
	} else {
		p.setDash(pa.Dash)
	}
	for i, q := range pa.Points {
		if i == 0 {
			p.printf("%s %s m", num(q.X), num(q.Y))
		} else {
			p.printf(" %s %s l", num(q.X), num(q.Y))
		}
	}
	if pa.Closed {
		p.printf(" h")
	}
	p.printf(" %s\n", op)
}

func (p *painter) circle(c *draw.Circle) {
	op := p.paint(c.Fill, c.Stroke, c.Width)
	if op == "" || c.Radius <= 0 {
		return
	}
	p.setDash(nil)
	x, y, r := c.Center.X, c.Center.Y, c.Radius
	k := r * kappa
	p.printf("%s %s m\n", num(x+r), num(y))
	p.printf("%s %s %s %s %s %s c\n", num(x+r), num(y+k), num(x+k), num(y+r), num(x), num(y+r))
	p.printf("%s %s %s %s %s %s c\n", num(x-k), num(y+r), num(x-r), num(y+k), num(x-r), num(y))
	p.printf("%s %s %s %s %s %s c\n", num(x-r), num(y-k), num(x-k), num(y-r), num(x), num(y-r))
	p.printf("%s %s %s %s %s %s c h %s\n", num(x+k), num(y-r), num(x+r), num(y-k), num(x+r), num(y), op)
}

// text writes t as PDF text: its glyphs, each in the font subset that
// holds it, placed at the run's positions with TJ adjustments.
func (p *painter) text(t *draw.Text) {
	r := t.Run
	size := t.Line.Size
	if r == nil || t.Color.A == 0 || size <= 0 || strings.TrimSpace(t.Line.Text) == "" || len(r.Glyphs) == 0 {
		return
	}
	p.setFill(t.Color)
	a := p.alpha
	a.fill = t.Color.A
	p.setAlpha(a)
	// The baseline falls on a whole pixel at the layer's scale, as in the
	// PNG export, so that a rendering at 72 dpi matches it.
	base := t.Line.Pos.Y + float32(math.Ceil(float64(r.Ascent*p.scale)))/p.scale
	p.printf("BT\n1 0 0 -1 %s %s Tm\n", num(t.Line.Pos.X), num(base))
	slots := p.d.slotsOf(t.Line.Text, r)
	font := -1
	var rise, pen float32
	open := false
	closeTJ := func() {
		if open {
			p.printf("] TJ\n")
			open = false
		}
	}
	for i, g := range r.Glyphs {
		sl := slots[i]
		if sl.font != font {
			closeTJ()
			p.printf("/F%d %s Tf\n", sl.font+1, num(size))
			font = sl.font
		}
		if -g.Y != rise {
			closeTJ()
			rise = -g.Y
			p.printf("%s Ts\n", num(rise))
		}
		if !open {
			p.printf("[")
			open = true
		}
		if d := g.X - pen; d > 0.0005 || d < -0.0005 {
			p.printf("%s", num1(-d*1000/size))
		}
		p.printf("<%02x>", sl.code)
		pen = g.X + sl.width*size
	}
	closeTJ()
	if rise != 0 {
		p.printf("0 Ts\n") // the rise outlives ET: leave none for the next text
	}
	p.printf("ET\n")
}

// rgb is the three colour components of c, from 0 to 1.
func rgb(c color.NRGBA) string {
	return num4(float32(c.R)/0xff) + " " + num4(float32(c.G)/0xff) + " " + num4(float32(c.B)/0xff)
}

// overlaps says whether a and b share some area.
func overlaps(a, b layout.Rect) bool {
	return a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom()
}
