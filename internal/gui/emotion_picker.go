package gui

import (
	"image/color"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"servicebp/blueprint/layout"
	"servicebp/canvas"
)

// emotionChoices are the options of the inspector's emotion selector,
// from −2 to +2, each with its meaning: "−2  very negative" … "+2  very
// positive".
func emotionChoices() []string {
	words := []string{lang.L("very negative"), lang.L("negative"), lang.L("neutral"), lang.L("positive"), lang.L("very positive")}
	out := make([]string, len(emotions))
	for i, v := range emotions {
		out[i] = v + "  " + words[i]
	}
	return out
}

// emotionChip is the badge a card shows for an emotion, beside the
// inspector's emotion selector: the same text in the same colour, so the
// choice reads as it will on the board.
type emotionChip struct {
	bg   *fcanvas.Rectangle
	text *fcanvas.Text
	box  *fyne.Container
}

func newEmotionChip() *emotionChip {
	c := &emotionChip{bg: fcanvas.NewRectangle(color.Transparent), text: fcanvas.NewText("", color.White)}
	c.bg.CornerRadius = 7
	c.text.TextStyle = fyne.TextStyle{Bold: true}
	c.text.Alignment = fyne.TextAlignCenter
	size := fyne.MeasureText("+2", theme.TextSize(), c.text.TextStyle)
	c.bg.SetMinSize(fyne.NewSize(size.Width+16, size.Height+4))
	c.box = container.NewCenter(container.NewStack(c.bg, container.NewCenter(c.text)))
	return c
}

// set shows emotion e in the colours of palette p: the card's badge for a
// non-zero emotion, an outlined blank for none.
func (c *emotionChip) set(e int, p canvas.Palette) {
	c.bg.StrokeWidth, c.bg.StrokeColor = 0, nil
	switch {
	case e > 0:
		c.bg.FillColor, c.text.Color = p.Happy, p.BadgeText
	case e < 0:
		c.bg.FillColor, c.text.Color = p.Unhappy, p.BadgeText
	default:
		c.bg.FillColor, c.text.Color = color.Transparent, theme.Color(theme.ColorNameForeground)
		c.bg.StrokeWidth, c.bg.StrokeColor = 1, theme.Color(theme.ColorNameSeparator)
	}
	c.text.Text = "0"
	if e != 0 {
		c.text.Text = layout.EmotionText(e)
	}
	c.bg.Refresh()
	c.text.Refresh()
}
