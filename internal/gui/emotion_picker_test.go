package gui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/canvas"
	"servicebp/internal/golden"
	"servicebp/internal/state"
)

// TestEmotionPicker checks the inspector's emotion selector: its options
// say what each value means, and the chip beside it shows the chosen
// emotion as the card's badge does, in the board's colours, in the dark
// theme too.
func TestEmotionPicker(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.win.Resize(fyne.NewSize(1280, 800))
	e.ui.board.SetPalette(canvas.DarkPalette())
	e.SetSelection(state.StepSelection("enjoy"))
	f := e.ui.inspector.step
	want := []string{"−2  very negative", "−1  negative", "0  neutral", "+1  positive", "+2  very positive"}
	if len(f.emotion.Options) != len(want) {
		t.Fatalf("options %q, want %q", f.emotion.Options, want)
	}
	for i, o := range f.emotion.Options {
		if o != want[i] {
			t.Errorf("option %d is %q, want %q", i, o, want[i])
		}
	}
	pal := canvas.DarkPalette()
	for _, tc := range []struct {
		index int
		text  string
		fill  any
	}{{4, "+2", pal.Happy}, {1, "-1", pal.Unhappy}} {
		f.emotion.SetSelectedIndex(tc.index)
		if got := e.Doc().Step("enjoy").Emotion; got != tc.index-2 {
			t.Errorf("choosing %q set emotion %d", f.emotion.Options[tc.index], got)
		}
		if c := f.emotionChip; c.text.Text != tc.text || c.bg.FillColor != tc.fill {
			t.Errorf("chip %q in %v, want %q in %v", c.text.Text, c.bg.FillColor, tc.text, tc.fill)
		}
	}
	if dir := os.Getenv("SERVICEBP_SHOTS"); dir != "" {
		golden.WritePNG(t, dir+"/emotion-picker.png", e.win.Canvas().Capture())
	}
}
