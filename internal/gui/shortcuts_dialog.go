package gui

import (
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint/layout"
	bpcanvas "servicebp/canvas"
)

// shortcutGroup is one titled group of the keyboard-shortcuts dialog.
type shortcutGroup struct {
	title string
	rows  [][2]string
}

// shortcutGroups sorts the rows of the keyboard-shortcuts dialog into
// groups: one per menu, with the actions of that menu in table order,
// then the board's keys that no menu shows, then the mouse and the
// inspector's fields, then quick capture, then the timer, compare mode, the votes and the
// presentation. Actions next to each other in a group with the same
// help text share a row, as in shortcutRows.
func shortcutGroups(acts []bpcanvas.Action) []shortcutGroup {
	menuOf := map[string]int{}
	for i, m := range menuLayout {
		for _, id := range m.items {
			menuOf[id] = i
		}
	}
	groups := make([]shortcutGroup, len(menuLayout)+5)
	for i, m := range menuLayout {
		groups[i].title = lang.L(m.name)
	}
	board := len(menuLayout)
	groups[board].title = lang.L("Board")
	groups[board+1] = shortcutGroup{title: lang.L("Mouse and fields"), rows: gestureRows()}
	groups[board+2] = shortcutGroup{title: lang.L("Quick capture (while typing a card)"), rows: captureRows()}
	groups[board+3] = shortcutGroup{title: lang.L("Presentation (F5)"), rows: presentationRows()}
	workshop := board + 4
	groups[workshop] = shortcutGroup{title: lang.L("Workshop"), rows: workshopRows()}
	for _, id := range []string{"timer-start", "timer-pause", "timer-more", "timer-stop"} {
		menuOf[id] = workshop
	}
	for _, a := range acts {
		if len(a.Keys) == 0 {
			continue
		}
		gi, ok := menuOf[a.ID]
		if !ok {
			gi = board
		}
		help := a.Help
		if help == "" {
			help = a.Label
		}
		g := &groups[gi]
		if n := len(g.rows); n > 0 && g.rows[n-1][1] == help {
			g.rows[n-1][0] += " / " + keysText(a.Keys)
			continue
		}
		g.rows = append(g.rows, [2]string{keysText(a.Keys), help})
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.rows) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// filter is g with only the rows whose keys or text contain query,
// ignoring case; the title matching keeps every row.
func (g shortcutGroup) filter(query string) shortcutGroup {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" || strings.Contains(strings.ToLower(g.title), q) {
		return g
	}
	out := shortcutGroup{title: g.title}
	for _, r := range g.rows {
		if strings.Contains(strings.ToLower(r[0]), q) || strings.Contains(strings.ToLower(r[1]), q) {
			out.rows = append(out.rows, r)
		}
	}
	return out
}

// maxShortcutColumns is how many columns the dialog sets the groups in,
// at most.
const maxShortcutColumns = 4

// columnsOf deals the groups' rows into n columns, in order, each column
// taking rows until it holds its share (a title counts as a row). A group
// that does not fit the rest of a column goes on at the top of the next,
// under its title marked "(continued)"; it is not split to leave a title or a single
// row alone at a column's foot or top.
func columnsOf(groups []shortcutGroup, n int) [][]shortcutGroup {
	total := 0
	for _, g := range groups {
		total += len(g.rows) + 1
	}
	share := (total + n - 1) / n
	cols := make([][]shortcutGroup, n)
	c, filled := 0, 0
	next := func() {
		if c < n-1 && filled > 0 {
			c, filled = c+1, 0
		}
	}
	for _, g := range groups {
		// A group whose title and first two rows would pass the share
		// starts the next column.
		if filled+min(len(g.rows), 2)+1 > share {
			next()
		}
		part := shortcutGroup{title: g.title}
		filled++
		for i, r := range g.rows {
			if filled >= share && i > 1 && len(g.rows)-i > 1 && c < n-1 {
				cols[c] = append(cols[c], part)
				next()
				part = shortcutGroup{title: lang.L("{{.Group}} (continued)", map[string]any{"Group": g.title})}
				filled++
			}
			part.rows = append(part.rows, r)
			filled++
		}
		cols[c] = append(cols[c], part)
	}
	for len(cols) > 0 && len(cols[len(cols)-1]) == 0 {
		cols = cols[:len(cols)-1]
	}
	return cols
}

// shortcutMetrics are the text sizes and widths of the dialog's rows.
type shortcutMetrics struct {
	size        float32 // text size
	keyW, textW float32 // widest key and widest text
	rowH        float32
}

// minShortcutTextSize is the smallest text size the dialog shrinks its
// rows to so that they all fit the window without scrolling.
const minShortcutTextSize = 11

// measureShortcuts measures the rows of groups set at text size size.
func measureShortcuts(groups []shortcutGroup, size float32) shortcutMetrics {
	// (Each column is measured alone: the mouse gestures' long keys widen
	// only their own column.)
	m := shortcutMetrics{size: size}
	plain := fyne.TextStyle{}
	for _, g := range groups {
		m.textW = max(m.textW, fyne.MeasureText(g.title, m.size, fyne.TextStyle{Bold: true}).Width)
		for _, r := range g.rows {
			m.keyW = max(m.keyW, fyne.MeasureText(r[0], m.size, keyStyle(r[0])).Width)
			m.textW = max(m.textW, fyne.MeasureText(r[1], m.size, plain).Width)
		}
	}
	m.rowH = fyne.MeasureText("Mg", m.size, plain).Height + 3
	return m
}

// keyStyle is the style the keys k are drawn in: monospace, except for
// keys described in Chinese words (单击、Shift+单击), which the monospace
// font has no glyphs for: Fyne would draw those in a fallback face taller
// than the row.
func keyStyle(k string) fyne.TextStyle {
	for _, r := range k {
		if layout.IsCJK(r) {
			return fyne.TextStyle{}
		}
	}
	return fyne.TextStyle{Monospace: true}
}

// minShortcutTextWidth is the narrowest the keys and the help texts are
// wrapped to.
const minShortcutTextWidth = 100

// wrapTexts narrows the columns ms to a total width of at most width by
// wrapping the widest keys and help texts to one common width, as wide as
// that allows; false when they would be narrower than
// minShortcutTextWidth.
func wrapTexts(ms []shortcutMetrics, width float32) bool {
	total := func(cap float32) float32 {
		w := float32(0)
		for _, m := range ms {
			w += m.columnWidth() - m.textW - m.keyW + min(m.textW, cap) + min(m.keyW, cap)
		}
		return w
	}
	widest := float32(0)
	for _, m := range ms {
		widest = max(widest, m.textW, m.keyW)
	}
	if total(widest) <= width {
		return true
	}
	if total(minShortcutTextWidth) > width {
		return false
	}
	lo, hi := float32(minShortcutTextWidth), widest
	for hi-lo > 1 {
		if mid := (lo + hi) / 2; total(mid) <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	for i := range ms {
		ms[i].textW, ms[i].keyW = min(ms[i].textW, lo), min(ms[i].keyW, lo)
	}
	return true
}

// lines are the keys and the help text of row r wrapped to their
// columns.
func (m shortcutMetrics) lines(r [2]string) (keys, text []string) {
	wrap := func(s string, w float32, style fyne.TextStyle) []string {
		lines, _ := layout.Wrap(s, w, m.size, false, 0, func(s string, size float32, _ bool) (float32, float32) {
			sz := fyne.MeasureText(s, size, style)
			return sz.Width, sz.Height
		})
		return lines
	}
	return wrap(r[0], m.keyW, keyStyle(r[0])), wrap(r[1], m.textW, fyne.TextStyle{})
}

// rowHeight is the height of row r, wrapped.
func (m shortcutMetrics) rowHeight(r [2]string) float32 {
	keys, text := m.lines(r)
	return m.rowH * float32(max(len(keys), len(text)))
}

// columnWidth is the width one column of groups takes.
func (m shortcutMetrics) columnWidth() float32 { return m.keyW + 16 + m.textW + 24 }

// columnHeight is the height groupColumn gives col.
func (m shortcutMetrics) columnHeight(col []shortcutGroup) float32 {
	h := float32(0)
	for i, g := range col {
		if i > 0 {
			h += m.rowH / 2
		}
		h += m.rowH
		for _, r := range g.rows {
			h += m.rowHeight(r)
		}
	}
	return h
}

// unwrappedHeight is the height of the tallest of cols with every row
// on one line, rows rowH high.
func unwrappedHeight(cols [][]shortcutGroup, rowH float32) float32 {
	h := float32(0)
	for _, col := range cols {
		lines := float32(0)
		for i, g := range col {
			if i > 0 {
				lines += 0.5
			}
			lines += float32(len(g.rows) + 1)
		}
		h = max(h, lines*rowH)
	}
	return h
}

// sheetLayout is how the dialog sets its groups: the columns, and the
// text size of each column's metrics.
type sheetLayout struct {
	cols    [][]shortcutGroup
	metrics []shortcutMetrics
	w, h    float32
}

// fits reports whether l fits a view of width × height.
func (l sheetLayout) fits(width, height float32) bool { return l.w <= width && l.h <= height }

// layoutSheet sets groups in n columns at text size size, wrapping the
// widest help texts to fit width (see wrapTexts); the layout is
// infinitely wide when they cannot.
func layoutSheet(groups []shortcutGroup, n int, size, width float32) sheetLayout {
	l := sheetLayout{cols: columnsOf(groups, n)}
	for _, col := range l.cols {
		l.metrics = append(l.metrics, measureShortcuts(col, size))
	}
	// The columns are set in an HBox, with its padding between them.
	gaps := theme.Padding() * float32(len(l.cols)-1)
	l.w = gaps
	if !wrapTexts(l.metrics, width-gaps) {
		l.w = float32(math.Inf(1))
	}
	for i, m := range l.metrics {
		l.w += m.columnWidth()
		l.h = max(l.h, m.columnHeight(l.cols[i]))
	}
	return l
}

// fitSheet picks how to set groups in a view of width × height: the
// largest text size, from the theme's down to minShortcutTextSize, at
// which some number of columns (the fewest) shows every row without
// scrolling. When none does, the rows are set at the smallest size in
// as many columns as the width holds, and the view scrolls.
func fitSheet(groups []shortcutGroup, width, height, textSize float32) sheetLayout {
	for size := textSize; size >= minShortcutTextSize; size-- {
		rowH := measureShortcuts(nil, size).rowH
		for n := 1; n <= maxShortcutColumns; n++ {
			// Wrapping only adds lines: a column too tall unwrapped
			// rules n out without measuring its texts.
			if unwrappedHeight(columnsOf(groups, n), rowH) > height {
				continue
			}
			if l := layoutSheet(groups, n, size, width); l.fits(width, height) {
				return l
			}
		}
	}
	size := min(textSize, minShortcutTextSize)
	for n := maxShortcutColumns; n > 1; n-- {
		if l := layoutSheet(groups, n, size, width); l.w <= width {
			return l
		}
	}
	return layoutSheet(groups, 1, size, width)
}

// groupColumn draws the groups of one column as text: each title, then
// its rows with the keys aligned in a column of their own.
func groupColumn(col []shortcutGroup, m shortcutMetrics) fyne.CanvasObject {
	fg, muted := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNamePrimary)
	box := container.NewWithoutLayout()
	y := float32(0)
	// add draws text at x on the line-th line of the row at y.
	add := func(text string, x float32, style fyne.TextStyle, c color.Color, line int) {
		t := canvas.NewText(text, c)
		t.TextSize, t.TextStyle = m.size, style
		t.Move(fyne.NewPos(x, y+3+m.rowH*float32(line)))
		t.Resize(t.MinSize())
		box.Add(t)
	}
	for i, g := range col {
		if i > 0 {
			y += m.rowH / 2
		}
		add(g.title, 0, fyne.TextStyle{Bold: true}, muted, 0)
		y += m.rowH
		for _, r := range g.rows {
			keys, text := m.lines(r)
			for i, line := range keys {
				add(line, 0, keyStyle(r[0]), fg, i)
			}
			for i, line := range text {
				add(line, m.keyW+16, fyne.TextStyle{}, fg, i)
			}
			y += m.rowHeight(r)
		}
	}
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(m.columnWidth(), y))
	return container.NewStack(spacer, box)
}

// searchEntry is the dialog's search field: Esc in it closes the dialog.
type searchEntry struct {
	widget.Entry
	onEscape func()
}

func newSearchEntry(onEscape func()) *searchEntry {
	e := &searchEntry{onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey closes the dialog on Esc and otherwise types.
func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// shortcutsDialog is the open keyboard-shortcuts dialog, kept for tests.
type shortcutsDialog struct {
	q      *question
	search *searchEntry
	body   *fyne.Container
	groups []shortcutGroup
	// shown counts the rows shown under the current search, in columns.
	shown, columns int
	// width and height are the room the columns may take.
	width, height float32
	// size is the text size of the rows shown.
	size float32
}

// show lays out the groups matching query in columns.
func (d *shortcutsDialog) show(query string) {
	var groups []shortcutGroup
	d.shown = 0
	for _, g := range d.groups {
		if f := g.filter(query); len(f.rows) > 0 {
			groups = append(groups, f)
			d.shown += len(f.rows)
		}
	}
	if len(groups) == 0 {
		d.body.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("No shortcut matches"))}
		d.body.Refresh()
		return
	}
	// Columns, each as wide as its own keys and texts, and a text size
	// that let every row show in the dialog without scrolling.
	l := fitSheet(groups, d.width, d.height, theme.TextSize())
	cols := make([]fyne.CanvasObject, len(l.cols))
	for i, col := range l.cols {
		cols[i] = groupColumn(col, l.metrics[i])
	}
	d.columns, d.size = len(cols), l.metrics[0].size
	d.body.Objects = []fyne.CanvasObject{container.NewHBox(cols...)}
	d.body.Refresh()
}

// showShortcuts opens Help > Keyboard shortcuts: the shortcuts grouped by
// menu in columns, with a search field that filters them as it is typed.
// Esc, in the search field or anywhere in the dialog, closes it.
func (e *Editor) showShortcuts() {
	size := e.win.Canvas().Size()
	dw, dh := size.Width-24, size.Height-24
	d := &shortcutsDialog{groups: shortcutGroups(e.actions), body: container.NewStack(), width: dw - 40, height: dh - 160}
	d.search = newSearchEntry(func() { e.questionKey(fyne.KeyEscape) })
	d.search.SetPlaceHolder(lang.L("Search shortcuts"))
	d.search.OnChanged = d.show
	d.show("")
	scroll := container.NewVScroll(d.body)
	// The view shows every row when the window has the room.
	need := d.body.MinSize()
	scroll.SetMinSize(fyne.NewSize(min(need.Width, d.width), min(need.Height, d.height)))
	content := container.NewBorder(d.search, nil, nil, nil, scroll)
	d.q = e.askWith(lang.L("Keyboard shortcuts"), "", content, choice{label: lang.L("Close")})
	d.q.dialog.Resize(fyne.NewSize(dw, dh))
	e.shortcuts = d
	e.win.Canvas().Focus(d.search)
}
