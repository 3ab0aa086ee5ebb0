package canvas

import (
	"image"
	"image/color"
	idraw "image/draw"
	"math"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint/draw"
	"servicebp/blueprint/layout"
)

// Sizes of the minimap, in screen units.
const (
	// minimapMaxW and minimapMaxH bound the minimap's box.
	minimapMaxW = 220
	minimapMaxH = 140
	// minimapWideH is the height a wide drawing's minimap gets by growing
	// wider than minimapMaxW, up to minimapWideShare of the board's width.
	minimapWideH     = 44
	minimapWideShare = 0.6
	// minimapMinW and minimapMinH are the smallest box worth showing: on
	// a board with less room beside its frozen headers it hides.
	minimapMinW = 72
	minimapMinH = 24
	// minimapPad is the frame's padding around the picture, and
	// minimapMargin the space between the frame and the view bars.
	minimapPad    = 4
	minimapMargin = 4
	// minimapRaster is the longer side, in pixels, of the minimap's
	// picture: it is painted once at this size and scaled to the box. A
	// wide drawing's picture is painted longer, for a shorter side of at
	// least minimapRasterShort, up to minimapRasterMax.
	minimapRaster      = 480
	minimapRasterShort = 64
	minimapRasterMax   = 2400
)

// minimap is the optional overview in the board's bottom-right corner
// (View > Minimap): the whole drawing scaled down (lanes, phase bands and
// cards, painted from the display list) with a rectangle around the part
// in view. A click or a drag in it moves the view there. The picture is
// painted again only when the document or the palette changes; panning
// and zooming only move the rectangle.
type minimap struct {
	widget.BaseWidget
	b     *Board
	on    bool
	frame *fcanvas.Rectangle
	pic   *fcanvas.Image
	view  *fcanvas.Rectangle
	// dirty is set when the picture must be painted again.
	dirty bool
	// scale is the box's screen units per world unit, and picAt the
	// picture's top-left corner in the minimap.
	scale float32
	picAt fyne.Position
	// paints counts the pictures painted, for the tests.
	paints int
	// down is set from a press on the minimap to its release; cur is
	// where a drag without a press (a test's) has got to, once dragging.
	down, dragging bool
	cur            fyne.Position
}

// Interfaces the minimap implements.
var (
	_ fyne.Widget        = (*minimap)(nil)
	_ fyne.Tappable      = (*minimap)(nil)
	_ fyne.Draggable     = (*minimap)(nil)
	_ desktop.Mouseable  = (*minimap)(nil)
	_ desktop.Cursorable = (*minimap)(nil)
)

func newMinimap(b *Board) *minimap {
	m := &minimap{
		b:     b,
		frame: &fcanvas.Rectangle{CornerRadius: 4, StrokeWidth: 1},
		pic:   &fcanvas.Image{FillMode: fcanvas.ImageFillStretch, ScaleMode: fcanvas.ImageScaleSmooth},
		view:  &fcanvas.Rectangle{StrokeWidth: 1.5},
		dirty: true,
	}
	m.ExtendBaseWidget(m)
	m.Hide()
	return m
}

// restyle colours the frame and the view rectangle from p, and has the
// picture painted again in p.
func (m *minimap) restyle(p Palette) {
	m.frame.FillColor = p.Background
	m.frame.StrokeColor = withAlpha(p.Muted, 0x90)
	m.view.FillColor = withAlpha(p.Selection, 0x26)
	m.view.StrokeColor = p.Selection
	m.dirty = true
	m.frame.Refresh()
	m.view.Refresh()
}

// SetMinimap shows or hides the minimap (View > Minimap).
func (b *Board) SetMinimap(on bool) {
	b.mini.on = on
	b.mini.update()
}

// Minimap reports whether the minimap is switched on.
func (b *Board) Minimap() bool { return b.mini.on }

// box is the minimap's place on the board: the bottom-right corner, clear
// of the view bars and of the frozen lane header column and phase band;
// ok is false when there is no room for it.
func (m *minimap) box() (pos fyne.Position, size fyne.Size, ok bool) {
	b := m.b
	l := b.lay
	if l == nil || l.Width <= 0 || l.Height <= 0 || b.size.Width <= 0 || b.size.Height <= 0 {
		return pos, size, false
	}
	right := b.size.Width - viewBarArea - minimapMargin
	bottom := b.size.Height - viewBarArea - minimapMargin
	left := min(b.frozenLaneWidth(), b.size.Width/2) + minimapMargin
	top := min(b.frozenTopHeight(), b.size.Height/2) + minimapMargin
	aspect := l.Width / l.Height
	// A wide drawing's minimap grows wider rather than thinner.
	wide := max(minimapMaxW, min(minimapWideH*aspect, minimapWideShare*b.size.Width))
	w := min(wide, right-left) - 2*minimapPad
	h := min(minimapMaxH, bottom-top) - 2*minimapPad
	if w/h > aspect {
		w = h * aspect
	} else {
		h = w / aspect
	}
	size = fyne.NewSize(w+2*minimapPad, h+2*minimapPad)
	if size.Width < minimapMinW || size.Height < minimapMinH {
		return pos, size, false
	}
	return fyne.NewPos(right-size.Width, bottom-size.Height), size, true
}

// drawingInView reports whether the whole drawing is in view, so that the
// minimap would only repeat it: it then stays hidden, as the scrollbars
// do, until the drawing reaches past the board's edges.
func (m *minimap) drawingInView() bool {
	b := m.b
	_, _, outX, _ := span(b.off.X, b.lay.Width*b.zoom, b.size.Width)
	_, _, outY, _ := span(b.off.Y, b.lay.Height*b.zoom, b.size.Height)
	return !outX && !outY
}

// invalidate has the picture painted again for a new layout.
func (m *minimap) invalidate() { m.dirty = true }

// update places the minimap and its view rectangle for the board's view,
// painting the picture first if the drawing changed since.
func (m *minimap) update() {
	pos, size, ok := m.box()
	if !m.on || !ok || m.drawingInView() {
		hide(m)
		return
	}
	if m.dirty {
		m.paint()
	}
	b := m.b
	m.scale = (size.Width - 2*minimapPad) / b.lay.Width
	m.picAt = fyne.NewPos(minimapPad, minimapPad)
	if m.Position() != pos {
		m.Move(pos)
	}
	if m.Size() != size {
		m.Resize(size)
	}
	m.layoutView()
	if !m.Visible() {
		m.Show()
	}
}

// layoutView places the frame, the picture and the rectangle of the part
// of the drawing in view, clipped to the picture.
func (m *minimap) layoutView() {
	b := m.b
	size := m.Size()
	m.frame.Resize(size)
	ps := fyne.NewSize(size.Width-2*minimapPad, size.Height-2*minimapPad)
	m.pic.Move(m.picAt)
	m.pic.Resize(ps)
	if b.lay == nil || b.zoom <= 0 || m.scale <= 0 {
		hide(m.view)
		return
	}
	x1 := max(-b.off.X/b.zoom*m.scale, 0)
	y1 := max(-b.off.Y/b.zoom*m.scale, 0)
	x2 := min((b.size.Width-b.off.X)/b.zoom*m.scale, ps.Width)
	y2 := min((b.size.Height-b.off.Y)/b.zoom*m.scale, ps.Height)
	if x2 <= x1 || y2 <= y1 {
		hide(m.view)
		return
	}
	m.view.Move(m.picAt.AddXY(x1, y1))
	m.view.Resize(fyne.NewSize(x2-x1, y2-y1))
	m.view.Show()
	m.view.Refresh()
}

// paint paints the picture from the display list of the board's layout,
// in the board's palette.
func (m *minimap) paint() {
	b := m.b
	pal := b.scene.Palette()
	m.pic.Image = paintMinimap(minimapLayout(b.lay), &pal)
	m.pic.Refresh()
	m.dirty = false
	m.paints++
}

// minimapLayout is the part of l the minimap shows: the backdrop, the
// phase bands, the column headers and the cards; not the title, the
// flows or the legend, which would be specks at its scale.
func minimapLayout(l *layout.Layout) *layout.Layout {
	c := *l
	c.Flows, c.Legend, c.Title, c.Description = nil, nil, nil, nil
	return &c
}

// paintMinimap paints the rectangles of the display list of l: lane bands
// and headers, phase bands, column headers and cards, and the straight
// boundary and grid lines, at minimapRaster pixels along the longer side
// (more for a wide drawing).
func paintMinimap(l *layout.Layout, p *Palette) image.Image {
	list := draw.Build(l, p, draw.Options{})
	long, short := max(list.Width, list.Height), min(list.Width, list.Height)
	s := max(minimapRaster/long, min(minimapRasterShort/short, minimapRasterMax/long))
	w := max(1, int(math.Ceil(float64(list.Width*s))))
	h := max(1, int(math.Ceil(float64(list.Height*s))))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fill(img, img.Bounds(), p.Background)
	px := func(r layout.Rect) image.Rectangle {
		return image.Rect(int(math.Round(float64(r.X*s))), int(math.Round(float64(r.Y*s))),
			int(math.Round(float64(r.Right()*s))), int(math.Round(float64(r.Bottom()*s))))
	}
	for _, g := range list.Groups {
		switch g.Elem.Kind {
		case draw.ElemBackdrop, draw.ElemPhase, draw.ElemColumn, draw.ElemStep, draw.ElemGhost:
		default:
			continue
		}
		for _, it := range g.Items {
			switch it := it.(type) {
			case *draw.Rect:
				r := px(it.R)
				// Keep a sliver of anything with an area; a card's lane
				// edge (the rectangle rounded on the left only) is two
				// pixels wide, so that the lanes' colours show on the
				// cards.
				r.Max.Y = max(r.Max.Y, r.Min.Y+1)
				if it.Corners == draw.LeftCorners {
					r.Max.X = max(r.Max.X, r.Min.X+2)
				} else {
					r.Max.X = max(r.Max.X, r.Min.X+1)
				}
				fill(img, r, it.Fill)
				if it.Stroke.A != 0 && r.Dx() >= 4 && r.Dy() >= 3 {
					// A hairline needs more ink at this scale.
					frame(img, r, withAlpha(it.Stroke, max(it.Stroke.A, 0x80)))
				}
			case *draw.Path:
				if g.Elem.Kind != draw.ElemBackdrop || it.Stroke.A == 0 {
					continue
				}
				for i := 1; i < len(it.Points); i++ {
					a, z := it.Points[i-1], it.Points[i]
					if a.X != z.X && a.Y != z.Y {
						continue
					}
					r := px(layout.Rect{X: min(a.X, z.X), Y: min(a.Y, z.Y), W: abs(z.X - a.X), H: abs(z.Y - a.Y)})
					r.Max.X = max(r.Max.X, r.Min.X+1)
					r.Max.Y = max(r.Max.Y, r.Min.Y+1)
					fill(img, r, it.Stroke)
				}
			}
		}
	}
	return img
}

// fill paints r of img in c, over what is there.
func fill(img *image.RGBA, r image.Rectangle, c color.NRGBA) {
	if c.A == 0 {
		return
	}
	idraw.Draw(img, r, image.NewUniform(c), image.Point{}, idraw.Over)
}

// frame paints a one-pixel border inside r in c.
func frame(img *image.RGBA, r image.Rectangle, c color.NRGBA) {
	fill(img, image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+1), c)
	fill(img, image.Rect(r.Min.X, r.Max.Y-1, r.Max.X, r.Max.Y), c)
	fill(img, image.Rect(r.Min.X, r.Min.Y+1, r.Min.X+1, r.Max.Y-1), c)
	fill(img, image.Rect(r.Max.X-1, r.Min.Y+1, r.Max.X, r.Max.Y-1), c)
}

// centreAt moves the view so that the drawing's point under pos (a
// position on the minimap) is in the middle of the board.
func (m *minimap) centreAt(pos fyne.Position) {
	b := m.b
	if m.scale <= 0 {
		return
	}
	w := layout.Point{X: (pos.X - m.picAt.X) / m.scale, Y: (pos.Y - m.picAt.Y) / m.scale}
	w.X = max(0, min(w.X, b.lay.Width))
	w.Y = max(0, min(w.Y, b.lay.Height))
	c := b.centre()
	b.setView(b.zoom, fyne.NewPos(c.X-w.X*b.zoom, c.Y-w.Y*b.zoom))
}

// MouseDown moves the view to the point pressed, and keeps the press from
// the board under the minimap.
func (m *minimap) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	m.down = true
	m.centreAt(ev.Position)
}

// MouseUp ends the press.
func (m *minimap) MouseUp(*desktop.MouseEvent) { m.down = false }

// Tapped moves the view to the point clicked.
func (m *minimap) Tapped(ev *fyne.PointEvent) { m.centreAt(ev.Position) }

// Dragged keeps the view on the point under the pointer.
func (m *minimap) Dragged(ev *fyne.DragEvent) {
	if m.down {
		m.centreAt(ev.Position)
		return
	}
	// A drag that came without a press (Fyne's test.Drag) carries where
	// it started and how far it went.
	if !m.dragging {
		m.dragging, m.cur = true, ev.Position
	}
	m.cur = m.cur.Add(ev.Dragged)
	m.centreAt(m.cur)
}

// DragEnd ends the drag.
func (m *minimap) DragEnd() { m.dragging, m.down = false, false }

// Cursor is a pointing hand: the minimap moves the view where it is
// clicked.
func (m *minimap) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer returns the minimap's renderer.
func (m *minimap) CreateRenderer() fyne.WidgetRenderer {
	return &minimapRenderer{m: m, objs: []fyne.CanvasObject{m.frame, m.pic, m.view}}
}

type minimapRenderer struct {
	m    *minimap
	objs []fyne.CanvasObject
}

func (r *minimapRenderer) Layout(fyne.Size) { r.m.layoutView() }

func (r *minimapRenderer) MinSize() fyne.Size { return fyne.NewSize(minimapMinW, minimapMinH) }

func (r *minimapRenderer) Refresh() {
	r.m.frame.Refresh()
	r.m.pic.Refresh()
	r.m.view.Refresh()
}

func (r *minimapRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *minimapRenderer) Destroy() {}
