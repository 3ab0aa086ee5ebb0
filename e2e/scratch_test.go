//go:build e2e

package e2e

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"testing"
	"time"

	"servicebp/blueprint"
)

// TestBuildFromScratch builds the start of the hotel blueprint in a new,
// untitled window the way a first-time user would: cards typed into cells
// picked with the arrow keys, a flow drawn from a card's connector handle,
// a phase named through Insert > Phase…, the title typed in the inspector.
// It undoes everything and redoes it, saves through the save dialog,
// opens the file again and exports it.
func TestBuildFromScratch(t *testing.T) {
	en := newEnv(t)
	a := en.start(t)
	w, _ := a.geometry()

	// The board has the focus: the first arrow selects the top-left cell.
	before := a.settle()
	a.key("Down")
	evidence := a.changedBox(before)
	// A click selects the customer lane's cell below it.
	before = a.settle()
	a.click(centre(evidence).X, evidence.Max.Y+evidence.Dy()/2)
	a.changedBox(before)
	// Typing into a selected cell adds cards as fast as one types: Enter
	// goes on in the next column (adding it), Tab in the lane below.
	a.typeText("Arrive at the hotel")
	a.key("Return")
	a.typeText("Check in")
	a.key("Tab")
	a.typeText("Register guest")
	a.key("Return", "Escape", "Escape")
	a.waitTitle("no dirty marker after adding cards", isDirty)

	// A flow from the first card's handle, on its right edge, to the
	// second card.
	none := a.capture()
	a.key("Tab")
	arrive := a.changedBox(none)
	a.key("Tab")
	checkIn := a.changedBox(none)
	a.key("shift+Tab")
	a.changedBox(none)
	handle := image.Pt(arrive.Max.X-6, centre(arrive).Y)
	a.drag(handle, centre(checkIn))
	screenshotOf(t, a.display, "scratch-flow")

	// Insert > Phase… names the phase of every column when no column is
	// selected.
	a.key("Escape")
	a.click(122, 14)  // Insert
	a.click(128, 200) // Phase…
	time.Sleep(time.Second)
	a.typeText("Arrival")
	a.key("Return")
	// The blueprint has never been saved, so the ids the editor made up
	// for the columns follow the phase without a question.
	// With nothing selected the inspector edits the blueprint: its title
	// is the first field.
	time.Sleep(500 * time.Millisecond)
	a.click(w-120, 88)
	a.typeText("Overnight hotel stay")
	a.key("Return")
	screenshotOf(t, a.display, "scratch-built")

	// Undo everything: the blueprint is as new, with nothing unsaved.
	// Then redo it all.
	for i := 0; i < 30 && isDirty(a.title()); i++ {
		a.key("ctrl+z")
	}
	if isDirty(a.title()) {
		t.Fatal("30 undos did not get back to the new blueprint")
	}
	screenshotOf(t, a.display, "scratch-undone")
	for range 30 {
		a.key("ctrl+shift+z")
	}
	a.waitTitle("nothing came back with redo", isDirty)

	// Save: the dialog suggests a name from the title; type another.
	a.key("ctrl+s")
	time.Sleep(2 * time.Second)
	a.key("ctrl+a")
	a.typeText("hotel")
	a.key("Return")
	a.waitTitle("not saved as hotel.yaml", func(s string) bool { return s == "hotel.yaml — servicebp" })
	path := filepath.Join(en.home, "hotel.yaml")
	checkScratch(t, path)
	a.quit()

	// Reopen it and export it.
	b := en.start(t, path)
	b.key("ctrl+e")
	time.Sleep(500 * time.Millisecond)
	b.key("Return")             // Export… with the offered scale and theme
	time.Sleep(2 * time.Second) // the file dialog opens in the blueprint's folder
	b.key("Return")             // with the name hotel.png
	out := filepath.Join(en.home, "hotel.png")
	if !poll(20*time.Second, 200*time.Millisecond, func() bool {
		data, err := os.ReadFile(out)
		return err == nil && len(data) > 8 && string(data[1:4]) == "PNG"
	}) {
		screenshotOf(t, b.display, "scratch-export-failed")
		t.Fatalf("no PNG at %s", out)
	}
	if isDirty(b.title()) {
		t.Error("reopening and exporting marked the blueprint unsaved")
	}
	b.quit()
	checkScratch(t, path)
}

// checkScratch checks the blueprint TestBuildFromScratch saved.
func checkScratch(t *testing.T, path string) {
	t.Helper()
	d, err := blueprint.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Overnight hotel stay" {
		t.Errorf("title %q", d.Title)
	}
	want := []struct{ text, lane string }{
		{"Arrive at the hotel", "customer"},
		{"Check in", "customer"},
		{"Register guest", "frontstage"},
	}
	if len(d.Steps) != len(want) {
		t.Fatalf("%d steps saved, want %d: %+v", len(d.Steps), len(want), d.Steps)
	}
	col := []string{}
	for i, w := range want {
		s := d.Steps[i]
		if s.Text != w.text || s.Lane != w.lane {
			t.Errorf("step %d: %q in %s, want %q in %s", i, s.Text, s.Lane, w.text, w.lane)
		}
		col = append(col, s.Column)
	}
	if len(d.Columns) < 2 || col[0] != d.Columns[0].ID || col[1] != d.Columns[1].ID || col[2] != d.Columns[1].ID {
		t.Errorf("steps in columns %v of %d", col, len(d.Columns))
	}
	if got := columnIDs(d); len(got) != 2 || got[0] != "arrival" || got[1] != "arrival-2" {
		t.Errorf("column ids %v, want the ones made from the phase: arrival, arrival-2", got)
	}
	for _, c := range d.Columns {
		if c.Phase != "Arrival" {
			t.Errorf("column %s in phase %q, want Arrival", c.ID, c.Phase)
		}
	}
	if len(d.Flows) != 1 || d.Flows[0].From != d.Steps[0].ID || d.Flows[0].To != d.Steps[1].ID {
		t.Errorf("flows %+v, want one from the first step to the second", d.Flows)
	}
}

// click clicks the left button at x, y in the window.
func (a *app) click(x, y int) {
	a.t.Helper()
	a.xdotool("mousemove", "--window", a.win, fmt.Sprint(x), fmt.Sprint(y), "click", "1")
	time.Sleep(300 * time.Millisecond)
}

// columnIDs lists d's column ids in order.
func columnIDs(d *blueprint.Document) []string {
	var ids []string
	for _, c := range d.Columns {
		ids = append(ids, c.ID)
	}
	return ids
}
