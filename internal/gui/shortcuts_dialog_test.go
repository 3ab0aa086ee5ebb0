package gui

import (
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"servicebp/internal/golden"
)

// dialogTexts are the texts the shortcuts dialog's rows draw.
func dialogTexts(t *testing.T, e *Editor) []string {
	t.Helper()
	return drawnTexts(e.shortcuts.body)
}

// drawnTexts are the texts o and everything inside it draw.
func drawnTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, c := range objectsIn(o) {
		if t, ok := c.(*canvas.Text); ok {
			out = append(out, t.Text)
		}
	}
	return out
}

// TestShortcutsDialog opens Help > Keyboard shortcuts with F1 in a
// 1920×1080 window and checks that every row is in it, set in columns and
// visible without scrolling (a smaller window scrolls the columns);
// that the search narrows the rows as it is typed; and that Esc closes
// it, from the search field and from the dialog.
func TestShortcutsDialog(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.win.Resize(fyne.NewSize(1920, 1080))
	c := e.win.Canvas()
	before := len(c.Overlays().List())
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF1})
	d := e.shortcuts
	if d == nil || len(c.Overlays().List()) != before+1 {
		t.Fatal("F1 opened no shortcuts dialog")
	}
	texts := dialogTexts(t, e)
	rows := shortcutRows(e.actions)
	all := strings.Join(texts, " ")
	for _, r := range rows {
		if !strings.Contains(all, r[1]) {
			t.Errorf("the dialog lacks the row %q %q", r[0], r[1])
		}
	}
	if d.shown < len(rows) || d.columns < 2 {
		t.Errorf("%d rows in %d columns, want all %d in two or more", d.shown, d.columns, len(rows))
	}
	var scroll *container.Scroll
	for _, o := range overlayObjects(t, e) {
		if s, ok := o.(*container.Scroll); ok && s.Content == fyne.CanvasObject(d.body) {
			scroll = s
		}
	}
	if scroll == nil || d.body.MinSize().Height > scroll.Size().Height || d.body.MinSize().Width > scroll.Size().Width {
		t.Errorf("the rows (%v) do not fit the dialog's view (%v): some are hidden", d.body.MinSize(), scroll.Size())
	}
	if dir := os.Getenv("SERVICEBP_SHOTS"); dir != "" {
		golden.WritePNG(t, dir+"/shortcuts.png", c.Capture())
	}

	if c.Focused() != d.search {
		t.Fatal("the search field does not have the focus")
	}
	test.Type(d.search, "zoom")
	texts = dialogTexts(t, e)
	if d.shown == 0 || d.shown >= len(rows) {
		t.Errorf("searching zoom shows %d of %d rows", d.shown, len(rows))
	}
	for _, r := range rows {
		match := strings.Contains(strings.ToLower(r[0]+" "+r[1]), "zoom")
		if got := slices.Contains(texts, r[1]); got != match && r[1] != "" {
			t.Errorf("searching zoom: row %q shown %v", r[1], got)
		}
	}
	test.Type(d.search, "qqqq")
	if d.shown != 0 || !slices.Contains(dialogTexts(t, e), "No shortcut matches") {
		t.Error("a search matching nothing does not say so")
	}
	d.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := len(c.Overlays().List()); n != before {
		t.Fatalf("Esc in the search field left %d overlays, want %d", n, before)
	}

	// Esc closes it too when the search field is not focused.
	e.showShortcuts()
	c.Unfocus()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := len(c.Overlays().List()); n != before {
		t.Errorf("Esc left %d overlays, want %d", n, before)
	}
}

// TestShortcutsDialogFits opens the shortcuts dialog in a 1280×800
// window, a laptop's: every row shows without scrolling, in two or more
// columns, at a text size no smaller than minShortcutTextSize; in a
// 1920×1080 window the rows keep the theme's text size.
func TestShortcutsDialogFits(t *testing.T) {
	for _, tc := range []struct {
		w, h     float32
		fullSize bool
	}{{1280, 800, false}, {1920, 1080, true}} {
		e := testEditor(t, "coffee.yaml")
		e.win.Resize(fyne.NewSize(tc.w, tc.h))
		e.showShortcuts()
		d := e.shortcuts
		rows := shortcutRows(e.actions)
		if d.shown < len(rows) || d.columns < 2 {
			t.Errorf("%v×%v: %d rows in %d columns, want all %d in two or more", tc.w, tc.h, d.shown, d.columns, len(rows))
		}
		var scroll *container.Scroll
		for _, o := range overlayObjects(t, e) {
			if s, ok := o.(*container.Scroll); ok && s.Content == fyne.CanvasObject(d.body) {
				scroll = s
			}
		}
		if scroll == nil {
			t.Fatalf("%v×%v: no scroll around the rows", tc.w, tc.h)
		}
		if need, got := d.body.MinSize(), scroll.Size(); need.Height > got.Height || need.Width > got.Width {
			t.Errorf("%v×%v: the rows (%v) do not fit the dialog's view (%v)", tc.w, tc.h, need, got)
		}
		if d.size < minShortcutTextSize || tc.fullSize && d.size != theme.TextSize() {
			t.Errorf("%v×%v: rows set at %v px (theme %v)", tc.w, tc.h, d.size, theme.TextSize())
		}
		if dir := os.Getenv("SERVICEBP_SHOTS"); dir != "" && !tc.fullSize {
			golden.WritePNG(t, dir+"/shortcuts-1280.png", e.win.Canvas().Capture())
		}
	}
}

// BenchmarkShortcutsSheet measures laying out the shortcuts sheet for a
// 1280×800 window, as each keystroke in its search field does.
func BenchmarkShortcutsSheet(b *testing.B) {
	e := startEditor(b, test.NewTempApp(b), b.TempDir(), "")
	e.win.Resize(fyne.NewSize(1280, 800))
	e.showShortcuts()
	d := e.shortcuts
	for b.Loop() {
		d.show("")
	}
}
