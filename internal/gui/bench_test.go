package gui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"servicebp/internal/state"
)

// BenchmarkOpenEditor measures the editor's own part of the start: making
// the window's widgets and opening a file, without the display driver.
func BenchmarkOpenEditor(b *testing.B) {
	for _, n := range []int{42, 1000} {
		b.Run(map[int]string{42: "hotel-size", 1000: "1000-steps"}[n], func(b *testing.B) {
			path := generatedFile(b, n)
			a := test.NewTempApp(b)
			cache := b.TempDir()
			for b.Loop() {
				e := NewEditor(a, Options{CacheDir: cache, AutosaveDelay: time.Hour, WatchInterval: -1, NoticeTime: -1, AnalysisDelay: -1})
				e.Start(path)
				e.win.Close()
			}
		})
	}
}

// BenchmarkInspectorEdit measures one committed inspector edit on a
// 1,000-step blueprint: the command, the title, the outline, the inspector
// and the board refresh.
func BenchmarkInspectorEdit(b *testing.B) {
	path := generatedFile(b, 1000)
	a := test.NewTempApp(b)
	e := NewEditor(a, Options{CacheDir: b.TempDir(), AutosaveDelay: time.Hour, WatchInterval: -1, NoticeTime: -1, AnalysisDelay: -1})
	e.Start(path)
	id := e.Doc().Steps[500].ID
	e.SetSelection(state.StepSelection(id))
	f := e.ui.inspector.step.owner
	texts := []string{"Front desk", "Concierge"}
	i := 0
	for b.Loop() {
		f.SetText(texts[i%2])
		f.commitText()
		i++
	}
}
