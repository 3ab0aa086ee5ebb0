package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"servicebp/canvas"
	"servicebp/internal/state"
)

// field is an inspector text entry that commits its text as one edit when
// the user presses Enter or leaves the field, and reverts on Esc. In a
// multi-line field Shift+Enter inserts a newline. Undo and redo shortcuts
// go to the editor, which undoes the typing first while the text is
// uncommitted and the document after that.
//
// A field is bound to the element it was filled for (set): its typing
// commits to that element even when the selection changed in between, so
// the order of committing and selecting does not matter.
type field struct {
	widget.Entry
	e         *Editor
	committed string
	shift     bool
	// target is the element the field shows, as set gave it.
	target state.Selection
	// commit applies text to the model's element target; it returns false
	// when the text is not valid, and the field then reverts.
	commit func(target state.Selection, text string) bool
	// ime keeps the keys an input method composes with from the field.
	ime canvas.IMEGuard
}

var (
	_ fyne.Focusable         = (*field)(nil)
	_ fyne.Shortcutable      = (*field)(nil)
	_ desktop.Keyable        = (*field)(nil)
	_ fyne.Disableable       = (*field)(nil)
	_ fyne.Tappable          = (*field)(nil)
	_ fyne.SecondaryTappable = (*field)(nil)
	_ fyne.Tabbable          = (*field)(nil)
)

func newField(e *Editor, multiline bool, commit func(target state.Selection, text string) bool) *field {
	f := &field{e: e, commit: commit}
	f.MultiLine = multiline
	if multiline {
		f.Wrapping = fyne.TextWrapWord
		f.SetMinRowsVisible(3)
	}
	f.ExtendBaseWidget(f)
	if !multiline {
		f.OnSubmitted = func(string) { f.commitText() }
	}
	return f
}

// set shows text, the value of the element target, and binds the field to
// target; while the user is typing in the field it keeps the typing and
// the element it is for.
func (f *field) set(target state.Selection, text string) {
	if f.uncommitted() && f.focused() {
		return
	}
	f.target = target
	f.committed = text
	if f.Text != text {
		f.SetText(text)
	}
}

// uncommitted reports whether the field holds typing not yet committed.
func (f *field) uncommitted() bool { return f.Text != f.committed }

func (f *field) focused() bool {
	c := fyne.CurrentApp().Driver().CanvasForObject(f)
	return c != nil && c.Focused() == f
}

// commitText applies the typed text as one edit, or reverts the field when
// the edit is refused.
func (f *field) commitText() {
	if !f.uncommitted() {
		return
	}
	old, text := f.committed, f.Text
	f.committed = text
	if f.commit == nil || !f.commit(f.target, text) {
		f.committed = old
		f.SetText(old)
	}
}

// FocusLost commits the typing.
func (f *field) FocusLost() {
	f.ime.Reset()
	f.commitText()
	f.Entry.FocusLost()
}

// KeyDown tracks the shift key for Shift+Enter.
func (f *field) KeyDown(ev *fyne.KeyEvent) {
	f.ime.KeyDown(ev.Name)
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		f.shift = true
	}
	f.Entry.KeyDown(ev)
}

// KeyUp tracks the shift key for Shift+Enter.
func (f *field) KeyUp(ev *fyne.KeyEvent) {
	f.ime.KeyUp(ev.Name)
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		f.shift = false
	}
	f.Entry.KeyUp(ev)
}

// AcceptsTab is false, for a multi-line field too: Tab moves on to the
// next field, as in any form, rather than typing a tab into the text,
// where the board would draw it as a box.
func (f *field) AcceptsTab() bool { return false }

// TypedRune types r; a composition of an input method, if any, ended.
func (f *field) TypedRune(r rune) {
	f.ime.Rune()
	f.Entry.TypedRune(r)
}

// FocusGained forgets a composition typed elsewhere.
func (f *field) FocusGained() {
	f.ime.Reset()
	f.Entry.FocusGained()
}

// TypedKey commits on Enter (Shift+Enter adds a line in a multi-line
// field) and reverts on Esc, except while an input method composes: the
// keys are then the input method's (see canvas.IMEGuard).
func (f *field) TypedKey(ev *fyne.KeyEvent) {
	if f.ime.Keep(ev.Name) || f.e.paneKey(ev, f.shift) {
		return
	}
	switch ev.Name {
	case fyne.KeyEscape:
		if f.uncommitted() {
			f.SetText(f.committed)
		}
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		if f.MultiLine && !f.shift {
			f.commitText()
			return
		}
	}
	f.Entry.TypedKey(ev)
}

// TypedShortcut sends undo and redo to the editor.
func (f *field) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutUndo:
		f.e.undo()
		return
	case *fyne.ShortcutRedo:
		f.e.redo()
		return
	case *desktop.CustomShortcut:
		if sc.KeyName == fyne.KeyZ && sc.Modifier == fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift {
			f.e.redo()
			return
		}
	}
	f.Entry.TypedShortcut(s)
}

// undoTyping undoes the last typing in the field; when the field's own
// undo has nothing left it reverts to the committed text.
func (f *field) undoTyping() {
	before := f.Text
	f.Entry.Undo()
	if f.Text == before {
		f.SetText(f.committed)
	}
}
