package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"servicebp/canvas"
)

// actionTable is the editor's one table of actions: the editor's own
// (files, insert, view, help) and the board's (see canvas.Board.Actions),
// some of which the editor replaces so that they work from the menu and
// with a text field focused. The menus, the keyboard-shortcuts dialog, the
// window's keys and the board's key map are all built from it.
func (e *Editor) actionTable(b *canvas.Board) []canvas.Action {
	own := b.Actions()
	board := make(map[string]canvas.Action, len(own))
	for _, a := range own {
		board[a.ID] = a
	}
	ctrl := canvas.Ctrl
	plain := canvas.Plain
	// fromBoard is the board's action id, run through wrap.
	fromBoard := func(id string, wrap func(a canvas.Action) func()) canvas.Action {
		a := board[id]
		a.Run = wrap(a)
		return a
	}
	// textFirst sends the action's key to a focused text field, which has
	// its own clipboard, select all and word selection.
	textFirst := func(a canvas.Action) func() { return e.textFirst(a.Keys[0].Shortcut(), a.Run) }
	insertColumn := lang.L("Insert column before / after")
	zoom := lang.L("Zoom in / out")
	fit := lang.L("Fit / 100%")
	table := []canvas.Action{
		{ID: "new", Label: lang.L("New"), Keys: []canvas.Key{ctrl(fyne.KeyN, false)}, Run: e.newUntitled},
		{ID: "new-from-template", Label: lang.L("New from template…"), Run: e.showTemplates},
		{ID: "open", Label: lang.L("Open…"), Keys: []canvas.Key{ctrl(fyne.KeyO, false)}, Run: e.showOpen},
		{ID: "save", Label: lang.L("Save"), Keys: []canvas.Key{ctrl(fyne.KeyS, false)}, Run: func() { e.commitField(); e.save(nil) }},
		{ID: "save-as", Label: lang.L("Save as…"), Keys: []canvas.Key{ctrl(fyne.KeyS, true)}, Run: func() { e.commitField(); e.saveAs(nil) }},
		{ID: "compare-file", Label: lang.L("Compare with…"), Run: e.showCompareFile},
		{ID: "compare-head", Label: lang.L("Compare with git HEAD"), Run: func() { e.CompareWithHEAD() }},
		{ID: "export", Label: lang.L("Export…"), Keys: []canvas.Key{ctrl(fyne.KeyE, false)}, Run: e.showExport},
		{ID: "export-slides", Label: lang.L("Export slides…"), Run: e.showExportSlides},
		{ID: "quit", Label: lang.L("Quit"), Keys: []canvas.Key{ctrl(fyne.KeyQ, false)}, Run: e.requestClose},

		fromBoard("undo", func(canvas.Action) func() { return e.undo }),
		fromBoard("redo", func(canvas.Action) func() { return e.redo }),
		fromBoard("cut", textFirst),
		fromBoard("copy", textFirst),
		fromBoard("paste", textFirst),
		fromBoard("duplicate", func(canvas.Action) func() { return e.duplicateSelection }),
		fromBoard("delete", func(canvas.Action) func() { return e.deleteSelection }),
		fromBoard("select-all", textFirst),
	}
	// The rest of the board's actions (moving the selection, editing a
	// card) follow the Edit menu's.
	replaced := make(map[string]bool, len(table))
	for _, a := range table {
		replaced[a.ID] = true
	}
	for _, a := range own {
		if !replaced[a.ID] {
			table = append(table, a)
		}
	}
	table = append(table, []canvas.Action{
		{ID: "insert-step", Label: lang.L("Step"), Help: lang.L("Insert step"), Keys: []canvas.Key{ctrl(fyne.KeyReturn, false)}, Run: e.insertStep},
		{ID: "insert-column-before", Label: lang.L("Column before"), Help: insertColumn, Keys: []canvas.Key{ctrl(fyne.KeyLeft, true)}, Run: func() { e.insertColumn(false) }},
		{ID: "insert-column-after", Label: lang.L("Column after"), Help: insertColumn, Keys: []canvas.Key{ctrl(fyne.KeyRight, true)}, Run: func() { e.insertColumn(true) }},
		{ID: "insert-lane", Label: lang.L("Lane"), Help: lang.L("Insert lane"), Keys: []canvas.Key{ctrl(fyne.KeyDown, true)}, Run: e.insertLane},
		{ID: "insert-phase", Label: lang.L("Phase…"), Run: e.insertPhase},
		{ID: "insert-flow", Label: lang.L("Flow"), Help: lang.L("Insert flow between two selected steps"), Keys: []canvas.Key{ctrl(fyne.KeyL, false)}, Run: e.insertFlow},

		{ID: "zoom-in", Label: lang.L("Zoom in"), Help: zoom, Keys: []canvas.Key{ctrl(fyne.KeyEqual, false)}, Run: func() { e.view(viewZoomIn) }},
		{ID: "zoom-out", Label: lang.L("Zoom out"), Help: zoom, Keys: []canvas.Key{ctrl(fyne.KeyMinus, false)}, Run: func() { e.view(viewZoomOut) }},
		{ID: "zoom-fit", Label: lang.L("Fit"), Help: fit, Keys: []canvas.Key{ctrl(fyne.Key0, false)}, Run: func() { e.view(viewFit) }},
		{ID: "zoom-actual", Label: lang.L("100%"), Help: fit, Keys: []canvas.Key{ctrl(fyne.Key1, false)}, Run: func() { e.view(viewActual) }},
		{ID: "next-pane", Label: lang.L("Next pane"), Help: lang.L("Focus the next pane: board, inspector, outline (Shift+F6: the previous)"), Keys: []canvas.Key{plain(fyne.KeyF6)},
			Run: func() { e.focusPane(e.ui.board.Modifiers()&fyne.KeyModifierShift != 0) }},
		{ID: "minimap", Label: lang.L("Minimap"), Keys: []canvas.Key{ctrl(fyne.KeyO, true)}, Run: e.toggleMinimap, Checked: e.minimap},
		{ID: "show-findings", Label: lang.L("Findings"), Run: func() { e.lint.showTab(tabFindings) }},
		{ID: "show-stats", Label: lang.L("Stats"), Run: func() { e.lint.showTab(tabStats) }},
		{ID: "show-time", Label: lang.L("Time"), Run: func() { e.lint.showTab(tabTime) }},
		{ID: "timer-start", Label: lang.L("Start timer…"), Keys: []canvas.Key{ctrl(fyne.KeyM, false)}, Run: e.askTimer},
		{ID: "timer-pause", Label: lang.L("Pause or resume timer"), Keys: []canvas.Key{ctrl(fyne.KeyK, false)}, Run: func() { e.timerView.do(e.Timer().TogglePause) }},
		{ID: "timer-more", Label: lang.L("Add a minute"), Keys: []canvas.Key{ctrl(fyne.KeyA, true)}, Run: func() { e.timerView.do(e.Timer().AddMinute) }},
		{ID: "timer-stop", Label: lang.L("Stop timer"), Keys: []canvas.Key{ctrl(fyne.KeyX, true)}, Run: func() { e.timerView.do(e.Timer().Stop) }},
		{ID: "show-ranking", Label: lang.L("Ranking"), Run: func() { e.lint.showTab(tabRanking) }},
		{ID: "show-questions", Label: lang.L("Questions"), Run: func() { e.lint.showTab(tabQuestions) }},
		{ID: "capture-question", Label: lang.L("Capture a question…"), Help: lang.L("Park a question, idea or action"),
			Run: func() { e.commitField(); e.promptQuestion(e.win, e.selectedSteps(), -1) }},
		{ID: "reset-votes", Label: lang.L("Reset votes"), Run: e.resetVotes},
		{ID: "present", Label: lang.L("Present"), Keys: []canvas.Key{plain(fyne.KeyF5)}, Run: e.present},

		{ID: "shortcuts", Label: lang.L("Keyboard shortcuts"), Keys: []canvas.Key{plain(fyne.KeyF1)}, Run: e.showShortcuts},
		{ID: "about", Label: lang.L("About servicebp"), Run: e.showAbout},
	}...)
	// Text fields select by words with Ctrl+Shift+← and →, and extend the
	// selection with Ctrl+Shift+↓.
	for i, a := range table {
		switch a.ID {
		case "insert-column-before", "insert-column-after", "insert-lane":
			table[i].Run = textFirst(a)
		}
	}
	return table
}

// action is the table's action id, or nil.
func (e *Editor) action(id string) *canvas.Action {
	for i := range e.actions {
		if e.actions[i].ID == id {
			return &e.actions[i]
		}
	}
	return nil
}
