package canvas

import (
	"fmt"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
)

// barHeight is the height of the progress bar on a screen of size.
func barHeight(size fyne.Size) float32 { return max(24, size.Height*0.038) }

// progressBar is the slim strip along the bottom of a presentation: a
// thin track that fills as columns are revealed, the phase and column
// names on the left, the blueprint's title and "column / columns" on the
// right.
type progressBar struct {
	font                        fyne.Resource
	track, fill                 *fcanvas.Rectangle
	phase, column, title, count *fcanvas.Text
}

func newProgressBar() *progressBar {
	return &progressBar{
		track:  fcanvas.NewRectangle(nil),
		fill:   fcanvas.NewRectangle(nil),
		phase:  &fcanvas.Text{TextStyle: fyne.TextStyle{Bold: true}},
		column: &fcanvas.Text{},
		title:  &fcanvas.Text{},
		count:  &fcanvas.Text{TextStyle: fyne.TextStyle{Bold: true}},
	}
}

func (b *progressBar) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{b.track, b.fill, b.phase, b.column, b.title, b.count}
}

// update shows p's reveal in a bar along the bottom of size.
func (b *progressBar) update(p *Presenter, size fyne.Size) {
	pal := &p.pal
	h := p.barHeight()
	y := size.Height - h
	thick := max(3, barHeight(size)*0.12)
	pad := size.Height * 0.015

	n, cur := len(p.doc.Columns), p.reveal.Current()
	frac := float32(0)
	if n > 0 {
		frac = float32(cur+1) / float32(n)
	}
	b.track.FillColor = pal.Grid
	b.track.Move(fyne.NewPos(0, y))
	b.track.Resize(fyne.NewSize(size.Width, thick))
	b.fill.FillColor = pal.Selection
	b.fill.Move(fyne.NewPos(0, y))
	b.fill.Resize(fyne.NewSize(size.Width*frac, thick))

	phase, column, count := "", "", ""
	if cur >= 0 {
		column = firstLineOf(p.doc.Columns[cur].Name)
		phase = firstLineOf(p.doc.Columns[cur].Phase)
		count = fmt.Sprintf("%d / %d", cur+1, n)
	}
	if p.overview {
		phase, column = lang.L("Overview"), ""
	}
	if phase != "" && column != "" {
		column = "·  " + column
	}
	ts := barHeight(size) * 0.5
	ty := y + thick + (h-thick-ts*1.3)/2
	b.phase.Text, b.column.Text, b.count.Text = phase, column, count
	b.title.Text = firstLineOf(p.doc.Title)
	for _, t := range []*fcanvas.Text{b.phase, b.column, b.title, b.count} {
		t.TextSize = ts
		t.FontSource = newTextFonts(b.font).of(t.Text)
		t.Color = pal.Text
	}
	b.column.Color = pal.Muted
	b.title.Color = pal.Muted
	x := pad
	b.phase.Move(fyne.NewPos(x, ty))
	if phase != "" {
		x += b.phase.MinSize().Width + ts*0.5
	}
	b.column.Move(fyne.NewPos(x, ty))
	// The timer, when it shows, takes the right end.
	right := size.Width - pad - p.tb.width - b.count.MinSize().Width
	b.count.Move(fyne.NewPos(right, ty))
	tx := right - ts*1.5 - b.title.MinSize().Width
	b.title.Move(fyne.NewPos(tx, ty))
	// The title gives way to the phase and column on a narrow screen.
	if tx < x+b.column.MinSize().Width+ts {
		b.title.Text = ""
	}
	for _, o := range b.objects() {
		o.Refresh()
	}
}

// firstLineOf is s up to its first line break.
func firstLineOf(s string) string {
	for i, r := range s {
		if r == '\n' {
			return s[:i]
		}
	}
	return s
}
