package gui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	groups := make([]shortcutGroup, len(menuLayout)+4)
	for i, m := range menuLayout {
		groups[i].title = lang.L(m.name)
	}
	board := len(menuLayout)
	groups[board].title = lang.L("Board")
	groups[board+1] = shortcutGroup{title: lang.L("Mouse and fields"), rows: gestureRows()}
	groups[board+2] = shortcutGroup{title: lang.L("Quick capture (while typing a card)"), rows: captureRows()}
	workshop := board + 3
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

// columnsOf deals whole groups into n columns, in order, each column
// taking groups until it holds its share of the rows.
func columnsOf(groups []shortcutGroup, n int) [][]shortcutGroup {
	total := 0
	for _, g := range groups {
		total += len(g.rows) + 1
	}
	share := (total + n - 1) / n
	cols := make([][]shortcutGroup, n)
	c, filled := 0, 0
	for _, g := range groups {
		h := len(g.rows) + 1
		if c < n-1 && filled > 0 && filled+h/2 > share {
			c, filled = c+1, 0
		}
		cols[c] = append(cols[c], g)
		filled += h
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

// measureShortcuts measures the rows of groups.
func measureShortcuts(groups []shortcutGroup) shortcutMetrics {
	// (Each column is measured alone: the mouse gestures' long keys widen
	// only their own column.)
	m := shortcutMetrics{size: theme.TextSize()}
	mono, plain := fyne.TextStyle{Monospace: true}, fyne.TextStyle{}
	for _, g := range groups {
		m.textW = max(m.textW, fyne.MeasureText(g.title, m.size, fyne.TextStyle{Bold: true}).Width)
		for _, r := range g.rows {
			m.keyW = max(m.keyW, fyne.MeasureText(r[0], m.size, mono).Width)
			m.textW = max(m.textW, fyne.MeasureText(r[1], m.size, plain).Width)
		}
	}
	m.rowH = fyne.MeasureText("Mg", m.size, plain).Height + 6
	return m
}

// columnWidth is the width one column of groups takes.
func (m shortcutMetrics) columnWidth() float32 { return m.keyW + 16 + m.textW + 24 }

// groupColumn draws the groups of one column as text: each title, then
// its rows with the keys aligned in a column of their own.
func groupColumn(col []shortcutGroup, m shortcutMetrics) fyne.CanvasObject {
	fg, muted := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNamePrimary)
	box := container.NewWithoutLayout()
	y := float32(0)
	add := func(text string, x float32, style fyne.TextStyle, c color.Color) {
		t := canvas.NewText(text, c)
		t.TextSize, t.TextStyle = m.size, style
		t.Move(fyne.NewPos(x, y+3))
		t.Resize(t.MinSize())
		box.Add(t)
	}
	for i, g := range col {
		if i > 0 {
			y += m.rowH / 2
		}
		add(g.title, 0, fyne.TextStyle{Bold: true}, muted)
		y += m.rowH
		for _, r := range g.rows {
			add(r[0], 0, fyne.TextStyle{Monospace: true}, fg)
			add(r[1], m.keyW+16, fyne.TextStyle{}, fg)
			y += m.rowH
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
	// width is the width the columns may take.
	width float32
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
	// As many columns as the dialog's width holds, each as wide as its
	// own keys and texts.
	var cols []fyne.CanvasObject
	for n := maxShortcutColumns; n >= 1; n-- {
		cols = cols[:0]
		w := float32(0)
		for _, col := range columnsOf(groups, n) {
			m := measureShortcuts(col)
			w += m.columnWidth()
			cols = append(cols, groupColumn(col, m))
		}
		if w <= d.width {
			break
		}
	}
	d.columns = len(cols)
	d.body.Objects = []fyne.CanvasObject{container.NewHBox(cols...)}
	d.body.Refresh()
}

// showShortcuts opens Help > Keyboard shortcuts: the shortcuts grouped by
// menu in columns, with a search field that filters them as it is typed.
// Esc, in the search field or anywhere in the dialog, closes it.
func (e *Editor) showShortcuts() {
	size := e.win.Canvas().Size()
	dw, dh := size.Width-40, size.Height-40
	d := &shortcutsDialog{groups: shortcutGroups(e.actions), body: container.NewStack(), width: dw - 40}
	d.search = newSearchEntry(func() { e.questionKey(fyne.KeyEscape) })
	d.search.SetPlaceHolder(lang.L("Search shortcuts"))
	d.search.OnChanged = d.show
	d.show("")
	scroll := container.NewVScroll(d.body)
	// The view shows every row when the window has the room.
	need := d.body.MinSize()
	scroll.SetMinSize(fyne.NewSize(min(need.Width, dw-40), min(need.Height, dh-170)))
	content := container.NewBorder(d.search, nil, nil, nil, scroll)
	d.q = e.askWith(lang.L("Keyboard shortcuts"), "", content, choice{label: lang.L("Close")})
	d.q.dialog.Resize(fyne.NewSize(dw, dh))
	e.shortcuts = d
	e.win.Canvas().Focus(d.search)
}
