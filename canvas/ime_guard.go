package canvas

import "fyne.io/fyne/v2"

// IMEGuard tells the keys an input method keeps for itself from the keys
// meant for the widget that has the focus.
//
// While a Chinese input method composes (pinyin "dian" waiting for its
// candidate 店), GLFW on X11 still reports every key press it gives the
// input method: the letters, and then the Backspace that removes a
// letter of the pinyin, the Esc that abandons it and the Enter, Space or
// arrow that picks a candidate. Passed on, that Backspace deletes a
// character already in the card, and that Esc drops the whole card. A
// letter key the input method does not keep is followed at once by its
// character; one it keeps is not. So the guard counts the plain letter
// keys since the last character arrived: while there are any, the
// editing keys belong to the input method, and a Backspace takes one
// letter off the count.
//
// The widget calls KeyDown and KeyUp for every key, Rune for every
// character, Reset when it gains or loses the focus, and asks Keep before
// acting on a typed key.
type IMEGuard struct {
	pending int
	mods    fyne.KeyModifier
}

// KeyDown tracks the modifier keys: a letter typed with Ctrl, Alt or
// Super makes no character, and is not composition.
func (g *IMEGuard) KeyDown(name fyne.KeyName) { g.mods |= modifierBit(name) }

// KeyUp tracks the modifier keys.
func (g *IMEGuard) KeyUp(name fyne.KeyName) { g.mods &^= modifierBit(name) }

// Rune records that a character arrived: a composition, if there was one,
// was committed.
func (g *IMEGuard) Rune() { g.pending = 0 }

// Reset forgets any composition and the modifiers held, as when the
// focus moves.
func (g *IMEGuard) Reset() { g.pending, g.mods = 0, 0 }

// Composing reports whether letters were typed that no character has
// followed yet.
func (g *IMEGuard) Composing() bool { return g.pending > 0 }

// Keep reports whether the typed key name belongs to the input method,
// and so must not be acted on.
func (g *IMEGuard) Keep(name fyne.KeyName) bool {
	if g.mods&(fyne.KeyModifierControl|fyne.KeyModifierAlt|fyne.KeyModifierSuper) != 0 {
		return false
	}
	if composes(name) {
		g.pending++
		return false
	}
	if g.pending == 0 {
		return false
	}
	switch name {
	case fyne.KeyBackspace:
		g.pending--
		return true
	case fyne.KeyEscape:
		g.pending = 0
		return true
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace, fyne.KeyTab, fyne.KeyDelete,
		fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight,
		fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown:
		// Enter commits the letters as they are and Space the first
		// candidate: their characters follow, and reset the count.
		return true
	}
	return false
}

// composes reports whether a key is one an input method composes with:
// the letters, and the apostrophe that separates pinyin syllables.
func composes(name fyne.KeyName) bool {
	if len(name) == 1 && name[0] >= 'A' && name[0] <= 'Z' {
		return true
	}
	return name == fyne.KeyApostrophe
}
