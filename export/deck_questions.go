package export

import (
	"fmt"

	"servicebp/blueprint"
	"servicebp/blueprint/draw"
	"servicebp/blueprint/i18n"
	"servicebp/blueprint/layout"
)

// questionWords are the words of the parking-lot pages.
type questionWords struct {
	title, continued, step, owner string
	kinds                         map[blueprint.QuestionKind]string
}

// questionWordsIn are the parking-lot pages' words in language l, from its
// catalogue, as the rest of the deck's labels.
func questionWordsIn(l i18n.Lang) questionWords {
	if l == "" {
		l = i18n.English
	}
	return questionWords{
		title: l.T("deck.parking-lot"), continued: l.T("deck.parking-lot.continued"), step: l.T("Step"), owner: l.T("Owner"),
		kinds: map[blueprint.QuestionKind]string{blueprint.QuestionOpen: l.T("Question"), blueprint.QuestionIdea: l.T("Idea"), blueprint.QuestionAction: l.T("Action")},
	}
}

// The parking-lot page's sizes, in slide pixels of a 1920-pixel-wide
// slide; they scale with the slide width.
const (
	qMargin    = 96
	qTitleSize = 44
	qTextSize  = 26
	qMetaSize  = 20
	qPillW     = 150
	qMetaW     = 460
	qRowGap    = 22
	qMaxLines  = 4
)

// questionPages lays out d's questions as the deck's last pages, w × h
// slide pixels each: a title, then one row per entry with its kind, its
// text and the step and owner it names. Entries that do not fit go on
// further pages. It returns no pages when d has no questions.
func questionPages(d *blueprint.Document, lang i18n.Lang, w, h int, pal *draw.Palette, measure layout.Measure) []*draw.List {
	if len(d.Questions) == 0 {
		return nil
	}
	words := questionWordsIn(lang)
	k := float32(w) / 1920
	sw, sh := float32(w), float32(h)
	margin := qMargin * k
	textX := margin + (qPillW+28)*k
	metaX := sw - margin - qMetaW*k
	textW := metaX - 32*k - textX
	lineH := qTextSize * k * 1.3
	pillH := qTextSize * k * 1.25
	var pages []*draw.List
	var page *draw.Group
	y := float32(0)
	line := func(s string, x, y, size float32, bold bool) layout.TextLine {
		tw, th := measure(s, size, bold)
		return layout.TextLine{Text: s, Pos: layout.Point{X: x, Y: y}, W: tw, H: th, Size: size, Bold: bold}
	}
	newPage := func() {
		page = &draw.Group{Elem: draw.Element{Kind: draw.ElemTitle}}
		title := words.title
		if len(pages) > 0 {
			title = words.continued
		}
		t := line(fmt.Sprintf("%s · %d", title, len(d.Questions)), margin, margin, qTitleSize*k, true)
		page.Items = append(page.Items, &draw.Text{Line: t, Color: pal.Title})
		if d.Title != "" {
			dt := line(d.Title, margin, margin+t.H+8*k, qMetaSize*k, false)
			page.Items = append(page.Items, &draw.Text{Line: dt, Color: pal.Muted})
			y = dt.Pos.Y + dt.H
		} else {
			y = t.Pos.Y + t.H
		}
		y += 36 * k
		pages = append(pages, &draw.List{Width: sw, Height: sh, Groups: []*draw.Group{page}})
	}
	newPage()
	for _, q := range d.Questions {
		lines, cut := layout.Wrap(q.Text, textW, qTextSize*k, false, qMaxLines, measure)
		if cut && len(lines) > 0 {
			lines[len(lines)-1] += "…"
		}
		var meta []string
		if q.Step != "" {
			name := q.Step
			if s := d.Step(q.Step); s != nil && s.Text != "" {
				name, _ = firstLine(s.Text)
			}
			meta = append(meta, words.step+": "+name)
		}
		if q.Owner != "" {
			meta = append(meta, words.owner+": "+q.Owner)
		}
		rowH := max(float32(len(lines))*lineH, pillH, float32(len(meta))*qMetaSize*k*1.4)
		if y+rowH > sh-margin && len(page.Items) > 2 {
			newPage()
		}
		fill, ink := pal.Phase, pal.PhaseText
		switch q.KindOrDefault() {
		case blueprint.QuestionIdea:
			fill, ink = pal.Happy, pal.BadgeText
		case blueprint.QuestionAction:
			fill, ink = pal.Wait, pal.WaitText
		}
		pill := layout.Rect{X: margin, Y: y, W: qPillW * k, H: pillH}
		label := line(words.kinds[q.KindOrDefault()], 0, 0, qMetaSize*k, true)
		label.Pos = layout.Point{X: pill.X + (pill.W-label.W)/2, Y: pill.Y + (pill.H-label.H)/2}
		page.Items = append(page.Items, &draw.Rect{R: pill, Fill: fill, Radius: pill.H / 2}, &draw.Text{Line: label, Color: ink})
		for i, s := range lines {
			t := line(s, textX, y+float32(i)*lineH, qTextSize*k, false)
			page.Items = append(page.Items, &draw.Text{Line: t, Color: pal.Text})
		}
		for i, s := range meta {
			t := line(clipText(s, qMetaW*k, qMetaSize*k, measure), metaX, y+float32(i)*qMetaSize*k*1.4+2*k, qMetaSize*k, false)
			page.Items = append(page.Items, &draw.Text{Line: t, Color: pal.Muted})
		}
		y += rowH + qRowGap*k
		rule := &draw.Path{Points: []layout.Point{{X: margin, Y: y - qRowGap*k/2}, {X: sw - margin, Y: y - qRowGap*k/2}}, Stroke: pal.Grid, Width: k}
		page.Items = append(page.Items, rule)
	}
	return pages
}

// firstLine is the first line of s, and whether there were more.
func firstLine(s string) (string, bool) {
	for i, r := range s {
		if r == '\n' {
			return s[:i], true
		}
	}
	return s, false
}

// clipText shortens s with an ellipsis to fit width at size.
func clipText(s string, width, size float32, measure layout.Measure) string {
	if w, _ := measure(s, size, false); w <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		if w, _ := measure(string(r)+"…", size, false); w <= width {
			break
		}
	}
	return string(r) + "…"
}
