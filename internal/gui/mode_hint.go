package gui

import (
	"fyne.io/fyne/v2/lang"

	"servicebp/canvas"
)

// modeHint is what the status bar says the keys do in board mode m; ""
// for selecting, which the menus and the shortcuts sheet tell.
func modeHint(m canvas.Mode) string {
	switch m {
	case canvas.ModeCapture:
		return lang.L("Quick capture — Enter: add, next column · Tab: add, lane below · Shift+Tab: lane above · Esc: drop the card")
	case canvas.ModeEditCard:
		return lang.L("Editing the card — Enter: done · Shift+Enter: new line · Esc: cancel")
	case canvas.ModeEditName:
		return lang.L("Editing the name — Enter: done · Esc: cancel")
	case canvas.ModeConnect:
		return lang.L("Drawing a flow — click the card it goes to, or arrows and Enter · Esc: cancel")
	}
	return ""
}

// showModeHint says in the status bar what the keys do in the board's
// new mode m, for as long as the board stays in it; a notice shown
// meanwhile replaces the hint, and leaving the mode clears the hint only.
func (e *Editor) showModeHint(m canvas.Mode) {
	s := e.ui
	if hint := modeHint(m); hint != "" {
		s.noticeGen++
		s.notice.SetText(hint)
		s.modeHint = hint
		return
	}
	if s.modeHint != "" && s.notice.Text == s.modeHint {
		s.notice.SetText("")
	}
	s.modeHint = ""
}
