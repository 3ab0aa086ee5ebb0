package gui

import (
	"testing"

	"servicebp/internal/state"
)

// TestBoardFocusedOnOpen checks that the board has the keyboard focus
// after the editor starts on a file, starts untitled, and after File >
// New, so that arrows and Enter act without a first click.
func TestBoardFocusedOnOpen(t *testing.T) {
	tests := []struct {
		name    string
		fixture string
		then    func(e *Editor)
	}{
		{"start on a file", "coffee.yaml", nil},
		{"start untitled", "", nil},
		{"new after typing in the inspector", "coffee.yaml", func(e *Editor) {
			e.SetSelection(state.StepSelection("ask"))
			e.win.Canvas().Focus(e.ui.inspector.step.text)
			e.newBlueprint(e.newDocument())
		}},
		{"open after typing in the inspector", "coffee.yaml", func(e *Editor) {
			e.SetSelection(state.StepSelection("ask"))
			e.win.Canvas().Focus(e.ui.inspector.step.text)
			if !e.openPath(copyFixture(t, "coffee.yaml")) {
				t.Fatal("coffee.yaml did not open")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := testEditor(t, tt.fixture)
			if tt.then != nil {
				tt.then(e)
			}
			b := e.ui.board
			if f := e.win.Canvas().Focused(); f != b {
				t.Errorf("focused: %T, want the board", f)
			}
		})
	}
}
