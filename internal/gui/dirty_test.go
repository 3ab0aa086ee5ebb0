package gui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"

	"servicebp/blueprint"
)

func TestUnsavedChangesPrompt(t *testing.T) {
	for _, tc := range []struct {
		answer    string
		action    string
		wantTitle string // the blueprint's title afterwards
		wantSaved bool   // the edit reached the file
		wantDone  bool   // the action went ahead
	}{
		{"Cancel", "new", "Edited", false, false},
		{"Don't save", "new", "", false, true},
		{"Save", "new", "", true, true},
		{"Cancel", "close", "Edited", false, false},
		{"Don't save", "close", "Edited", false, true},
		{"Save", "close", "Edited", true, true},
	} {
		t.Run(tc.action+"/"+tc.answer, func(t *testing.T) {
			e := testEditor(t, "coffee.yaml")
			path := e.Path()
			closed := false
			e.win.SetOnClosed(func() { closed = true })
			e.apply(blueprint.SetTitle("Edited"))
			e.auto.flush()
			switch tc.action {
			case "new":
				e.newUntitled()
			case "close":
				e.requestClose()
			}
			if e.question == nil || e.question.title != "Unsaved changes" {
				t.Fatalf("no Save / Don't save / Cancel prompt")
			}
			answer(t, e, tc.answer)
			if got := e.Doc().Title; got != tc.wantTitle {
				t.Errorf("title = %q, want %q", got, tc.wantTitle)
			}
			d, err := blueprint.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if saved := d.Title == "Edited"; saved != tc.wantSaved {
				t.Errorf("file saved = %v, want %v", saved, tc.wantSaved)
			}
			done := closed
			if tc.action == "new" {
				done = e.Path() == ""
			}
			if done != tc.wantDone {
				t.Errorf("action done = %v, want %v", done, tc.wantDone)
			}
			_, err = os.Stat(e.auto.journal())
			if journal := err == nil; journal != (tc.answer == "Cancel") {
				t.Errorf("journal kept = %v after %s", journal, tc.answer)
			}
		})
	}
}

func TestNoPromptWhenClean(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	closed := false
	e.win.SetOnClosed(func() { closed = true })
	e.requestClose()
	if e.question != nil {
		t.Errorf("asked %q with no unsaved changes", e.question.title)
	}
	if !closed {
		t.Error("window not closed")
	}
}

func TestUndoToSavedStateIsClean(t *testing.T) {
	e := testEditor(t, "coffee.yaml")
	e.apply(blueprint.SetTitle("Edited"))
	if !e.Dirty() {
		t.Fatal("not dirty after an edit")
	}
	e.undo()
	if e.Dirty() {
		t.Error("dirty after undoing back to the saved state")
	}
	if got, want := e.win.Title(), "coffee.yaml — servicebp"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
}

func TestQuestionKeys(t *testing.T) {
	for _, tc := range []struct {
		key       fyne.KeyName
		wantSaved bool
		wantOpen  bool
	}{
		{fyne.KeyReturn, true, false},
		{fyne.KeyEscape, false, false},
		{fyne.KeyF2, false, true},
	} {
		t.Run(string(tc.key), func(t *testing.T) {
			e := testEditor(t, "coffee.yaml")
			e.apply(blueprint.SetTitle("Edited"))
			e.newUntitled()
			e.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: tc.key})
			if saved := !e.Dirty() && e.Path() == ""; saved != tc.wantSaved {
				t.Errorf("saved and went on = %v, want %v", saved, tc.wantSaved)
			}
			if open := e.question != nil; open != tc.wantOpen {
				t.Errorf("question open = %v, want %v", open, tc.wantOpen)
			}
		})
	}
}
