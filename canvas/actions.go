package canvas

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"servicebp/internal/state"
)

// Key is a key with its modifiers. The modifier is normalised: Ctrl and
// Cmd both count as fyne.KeyModifierShortcutDefault.
type Key struct {
	Name     fyne.KeyName
	Modifier fyne.KeyModifier
}

// Ctrl is name with the platform's shortcut modifier (Ctrl, or Cmd on
// macOS), and with Shift when shift is set.
func Ctrl(name fyne.KeyName, shift bool) Key {
	m := fyne.KeyModifierShortcutDefault
	if shift {
		m |= fyne.KeyModifierShift
	}
	return Key{Name: name, Modifier: m}
}

// Plain is name with no modifier.
func Plain(name fyne.KeyName) Key { return Key{Name: name} }

func normalise(m fyne.KeyModifier) fyne.KeyModifier {
	if m&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		m = m&^(fyne.KeyModifierControl|fyne.KeyModifierSuper) | fyne.KeyModifierShortcutDefault
	}
	return m
}

// KeyOf is the key of a keyboard shortcut, as Fyne delivers it (the
// standard clipboard, select-all, undo and redo shortcuts included).
func KeyOf(s fyne.Shortcut) (Key, bool) {
	ks, ok := s.(fyne.KeyboardShortcut)
	if !ok {
		return Key{}, false
	}
	return Key{Name: ks.Key(), Modifier: normalise(ks.Mod())}, true
}

// standardShortcuts are the keys Fyne delivers as its own shortcut types.
var standardShortcuts = []fyne.KeyboardShortcut{
	&fyne.ShortcutCopy{}, &fyne.ShortcutCut{}, &fyne.ShortcutPaste{},
	&fyne.ShortcutSelectAll{}, &fyne.ShortcutUndo{}, &fyne.ShortcutRedo{},
}

// Shortcut is k as a menu item's shortcut: Fyne's standard shortcut type
// for the clipboard, select all, undo and redo, or a desktop shortcut;
// nil for a key without Ctrl, Alt or Cmd, which a menu cannot show.
func (k Key) Shortcut() fyne.Shortcut {
	for _, s := range standardShortcuts {
		if s.Key() == k.Name && normalise(s.Mod()) == k.Modifier {
			return s
		}
	}
	if k.Modifier&^fyne.KeyModifierShift == 0 {
		return nil
	}
	return &desktop.CustomShortcut{KeyName: k.Name, Modifier: k.Modifier}
}

// keyNames are the names shown for keys whose Fyne name is not what the
// keyboard says.
var keyNames = map[fyne.KeyName]string{
	fyne.KeyReturn: "Enter", fyne.KeyEnter: "Enter", fyne.KeyEscape: "Esc",
	fyne.KeyUp: "↑", fyne.KeyDown: "↓", fyne.KeyLeft: "←", fyne.KeyRight: "→",
	fyne.KeyEqual: "=", fyne.KeyMinus: "-", fyne.KeyBackspace: "Backspace",
}

// String is how the keyboard-shortcuts dialog writes k: "Ctrl+Shift+Z".
func (k Key) String() string {
	var b strings.Builder
	if k.Modifier&fyne.KeyModifierShortcutDefault != 0 {
		if fyne.KeyModifierShortcutDefault == fyne.KeyModifierSuper {
			b.WriteString("Cmd+")
		} else {
			b.WriteString("Ctrl+")
		}
	}
	if k.Modifier&fyne.KeyModifierAlt != 0 {
		b.WriteString("Alt+")
	}
	if k.Modifier&fyne.KeyModifierShift != 0 {
		b.WriteString("Shift+")
	}
	if n, ok := keyNames[k.Name]; ok {
		b.WriteString(n)
	} else {
		b.WriteString(string(k.Name))
	}
	return b.String()
}

// Action is one command of the editor, with the keys that run it. One
// table of actions builds the menus, the keyboard-shortcuts dialog and
// the board's key map.
type Action struct {
	// ID names the action; an editor action replaces the board's action
	// of the same ID.
	ID string
	// Label is the translated name shown in menus.
	Label string
	// Help is the translated text of its row in the keyboard-shortcuts
	// dialog; actions next to each other with the same Help share a row.
	// Empty means Label.
	Help string
	// Keys run the action; the first is the one a menu shows.
	Keys []Key
	// Run does the action.
	Run func()
	// Enabled reports whether the action can run now; nil means always.
	Enabled func() bool
	// Checked, when set, makes the action a toggle: it reports whether
	// the toggle is on, and the action's menu item shows a check mark.
	Checked func() bool
	// Board is set for an action whose keys work only while the board has
	// the keyboard focus (arrows, Tab, Enter, Esc); the others work in the
	// whole window.
	Board bool
}

// Runnable reports whether a can run now.
func (a *Action) Runnable() bool { return a.Run != nil && (a.Enabled == nil || a.Enabled()) }

// Actions are the board's own actions: moving the selection, editing,
// deleting, moving and duplicating cards, the clipboard, select all, and
// undo and redo through the store. An editor puts them in its action
// table, replacing some with its own, and gives the board the table with
// SetKeyMap.
func (b *Board) Actions() []Action {
	nav := lang.L("Move the selection")
	move := lang.L("Move the selected cards")
	clip := lang.L("Cut, copy, paste")
	steps := func() bool { return b.selection().Kind == state.SelectSteps }
	return []Action{
		{ID: "undo", Label: lang.L("Undo"), Keys: []Key{Ctrl(fyne.KeyZ, false)}, Run: func() { b.store.Undo() }, Enabled: b.store.CanUndo},
		{ID: "redo", Label: lang.L("Redo"), Keys: []Key{Ctrl(fyne.KeyZ, true), Ctrl(fyne.KeyY, false)}, Run: b.redo, Enabled: b.store.CanRedo},
		{ID: "cut", Label: lang.L("Cut"), Help: clip, Keys: []Key{Ctrl(fyne.KeyX, false)}, Run: func() { b.Cut(b.clipboard()) }},
		{ID: "copy", Label: lang.L("Copy"), Help: clip, Keys: []Key{Ctrl(fyne.KeyC, false)}, Run: func() { b.Copy(b.clipboard()) }},
		{ID: "paste", Label: lang.L("Paste"), Help: clip, Keys: []Key{Ctrl(fyne.KeyV, false)}, Run: func() { b.Paste(b.clipboard()) }},
		{ID: "duplicate", Label: lang.L("Duplicate"), Keys: []Key{Ctrl(fyne.KeyD, false)}, Run: b.Duplicate, Enabled: steps},
		{ID: "delete", Label: lang.L("Delete"), Help: lang.L("Delete the selection"), Keys: []Key{Plain(fyne.KeyDelete), Plain(fyne.KeyBackspace)}, Run: b.DeleteSelection},
		{ID: "select-all", Label: lang.L("Select all"), Keys: []Key{Ctrl(fyne.KeyA, false)}, Run: b.SelectAll},
		{ID: "edit", Label: lang.L("Edit"), Help: lang.L("Edit the selected card"), Keys: []Key{Plain(fyne.KeyReturn), Plain(fyne.KeyEnter), Plain(fyne.KeyF2)}, Run: b.EditSelection, Board: true},
		{ID: "select-left", Label: nav, Keys: []Key{Plain(fyne.KeyLeft)}, Run: func() { b.navigate(0, -1) }, Board: true},
		{ID: "select-right", Label: nav, Keys: []Key{Plain(fyne.KeyRight)}, Run: func() { b.navigate(0, 1) }, Board: true},
		{ID: "select-up", Label: nav, Keys: []Key{Plain(fyne.KeyUp)}, Run: func() { b.navigate(-1, 0) }, Board: true},
		{ID: "select-down", Label: nav, Keys: []Key{Plain(fyne.KeyDown)}, Run: func() { b.navigate(1, 0) }, Board: true},
		{ID: "select-next", Label: nav, Keys: []Key{Plain(fyne.KeyTab)}, Run: func() { b.cycle(false) }, Board: true},
		{ID: "select-previous", Label: nav, Keys: []Key{{Name: fyne.KeyTab, Modifier: fyne.KeyModifierShift}}, Run: func() { b.cycle(true) }, Board: true},
		{ID: "context-menu", Label: lang.L("Menu of the selection"), Keys: []Key{{Name: fyne.KeyF10, Modifier: fyne.KeyModifierShift}}, Run: b.ShowSelectionMenu, Board: true},
		{ID: "select-none", Label: lang.L("Select nothing"), Keys: []Key{Plain(fyne.KeyEscape)}, Run: func() { b.store.Select(state.Selection{}) }, Board: true},
		{ID: "move-left", Label: move, Keys: []Key{Ctrl(fyne.KeyLeft, false)}, Run: func() { b.MoveSelection(0, -1) }, Enabled: steps, Board: true},
		{ID: "move-right", Label: move, Keys: []Key{Ctrl(fyne.KeyRight, false)}, Run: func() { b.MoveSelection(0, 1) }, Enabled: steps, Board: true},
		{ID: "move-up", Label: move, Keys: []Key{Ctrl(fyne.KeyUp, false)}, Run: func() { b.MoveSelection(-1, 0) }, Enabled: steps, Board: true},
		{ID: "move-down", Label: move, Keys: []Key{Ctrl(fyne.KeyDown, false)}, Run: func() { b.MoveSelection(1, 0) }, Enabled: steps, Board: true},
	}
}

// SetKeyMap makes the board's keys run the actions of acts: every key of
// every action, while the board has the focus. NewBoard starts with the
// board's own Actions.
func (b *Board) SetKeyMap(acts []Action) {
	b.keys = make(map[Key]*Action)
	for i := range acts {
		for _, k := range acts[i].Keys {
			if _, dup := b.keys[k]; !dup {
				b.keys[k] = &acts[i]
			}
		}
	}
}

// KeyMap returns the action each key of the board runs.
func (b *Board) KeyMap() map[Key]*Action { return b.keys }

// runKey runs the action of k, or of k without Shift when k has none of
// its own; it reports whether k has an action.
func (b *Board) runKey(k Key) bool {
	a, ok := b.keys[k]
	if !ok && k.Modifier&fyne.KeyModifierShift != 0 {
		a, ok = b.keys[Key{Name: k.Name, Modifier: k.Modifier &^ fyne.KeyModifierShift}]
	}
	if !ok {
		return false
	}
	if a.Runnable() {
		a.Run()
	}
	return true
}

// redo redoes the last undone edit, and reports one that can no longer be
// redone.
func (b *Board) redo() {
	if _, err := b.store.Redo(); err != nil {
		b.fail(err)
	}
}

// clipboard is the clipboard of the shortcut being handled, or the app's.
func (b *Board) clipboard() fyne.Clipboard { return clipboardOf(b.clip) }
