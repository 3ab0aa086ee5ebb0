package gui

import (
	"math"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"servicebp/assets"
	"servicebp/blueprint"
	"servicebp/export"
	"servicebp/internal/golden"
)

// TestTemplatesDialog checks File > New from template: a tile per template
// with a thumbnail drawn from that template (its proportions are the
// template's own), Create disabled, and Enter ignored, until a template is
// chosen, and the chosen template created by Create or a double click.
func TestTemplatesDialog(t *testing.T) {
	e := testEditor(t, "")
	e.win.Resize(fyne.NewSize(1280, 800))
	c := e.win.Canvas()
	before := len(c.Overlays().List())
	e.showTemplates()
	d := e.templates
	names := assets.TemplateNames()
	if d == nil || len(d.tiles) != len(names) {
		t.Fatalf("the dialog shows %d templates, want %d", len(d.tiles), len(names))
	}
	d.ready.Wait()
	for i, tile := range d.tiles {
		img := tile.thumb.Image
		if img == nil {
			t.Fatalf("%s has no thumbnail", names[i])
		}
		data, err := assets.Template(names[i])
		if err != nil {
			t.Fatal(err)
		}
		doc, err := blueprint.Parse(names[i]+".yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		l := export.Layout(doc, export.Options{Lang: uiLanguage()})
		b := img.Bounds()
		if want := float64(l.Width) / float64(l.Height); b.Dx() != thumbWidth || math.Abs(float64(b.Dx())/float64(b.Dy())-want) > 0.02 {
			t.Errorf("%s: thumbnail %v, want %d px wide in the template's proportions %.2f", names[i], b, thumbWidth, want)
		}
		if templateThumb(names[i], uiLanguage()) != img {
			t.Errorf("%s: the thumbnail is drawn again, not cached", names[i])
		}
	}
	if dir := os.Getenv("SERVICEBP_SHOTS"); dir != "" {
		golden.WritePNG(t, dir+"/templates.png", c.Capture())
	}
	if !d.create.Disabled() {
		t.Error("Create is enabled with no template chosen")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(c.Overlays().List()) != before+1 {
		t.Fatal("Enter with no template chosen closed the dialog")
	}
	test.Tap(d.tiles[1])
	if d.create.Disabled() || !d.tiles[1].selected || d.tiles[0].selected {
		t.Fatal("tapping a template does not choose it")
	}
	test.Tap(d.create)
	if len(c.Overlays().List()) != before || len(e.Doc().Steps) == 0 || e.Doc().Title == "" {
		t.Fatalf("Create: %d overlays, %d steps", len(c.Overlays().List()), len(e.Doc().Steps))
	}
	want := e.Doc().Title

	e.showTemplates()
	e.templates.ready.Wait()
	test.DoubleTap(e.templates.tiles[0])
	if len(c.Overlays().List()) != before || e.Doc().Title == want {
		t.Errorf("a double click did not create the first template: title %q", e.Doc().Title)
	}
}
