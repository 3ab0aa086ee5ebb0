package gui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
)

// watcher notices when the open file changes on disk, for example after a
// git pull. It polls the file's size and modification time; a change whose
// bytes equal what the editor last read or wrote (its own atomic save) is
// ignored.
type watcher struct {
	e *Editor
	// data is the file's contents as the editor last loaded, saved or
	// reloaded them: a save overwrites nothing else without asking.
	data []byte
	// seen is what the watcher last found on disk, so that one outside
	// change is reported once; it differs from data when the user kept
	// their version or the new contents could not be loaded.
	seen   []byte
	mod    time.Time
	size   int64
	asking bool
	quit   chan struct{}
}

func newWatcher(e *Editor) *watcher { return &watcher{e: e} }

// remember records data as the open file's contents, and its current
// modification time.
func (w *watcher) remember(data []byte) {
	w.data, w.seen = data, data
	w.mod, w.size = time.Time{}, -1
	if w.e.Path() == "" {
		return
	}
	if st, err := os.Stat(w.e.Path()); err == nil {
		w.mod, w.size = st.ModTime(), st.Size()
	}
}

// start polls the file every WatchInterval until stop.
func (w *watcher) start() {
	if w.e.opts.WatchInterval < 0 || w.quit != nil {
		return
	}
	w.quit = make(chan struct{})
	quit := w.quit
	go func() {
		t := time.NewTicker(w.e.opts.WatchInterval)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				fyne.Do(w.check)
			}
		}
	}()
}

// stop ends polling.
func (w *watcher) stop() {
	if w.quit != nil {
		close(w.quit)
		w.quit = nil
	}
}

// check looks at the file once and reacts to a change.
func (w *watcher) check() {
	e := w.e
	if e.Path() == "" || w.asking {
		return
	}
	st, err := os.Stat(e.Path())
	if err != nil {
		return // deleted or moved away: keep the blueprint open
	}
	if st.ModTime().Equal(w.mod) && st.Size() == w.size {
		return
	}
	w.mod, w.size = st.ModTime(), st.Size()
	var data []byte
	if st.Mode().IsRegular() {
		data, err = blueprint.ReadFile(e.Path())
	} else {
		// A pipe or a device in the file's place: opening it could block
		// the editor, so it is never read.
		err = fmt.Errorf("%s:1:1: is not a regular file", filepath.Base(e.Path()))
	}
	if err != nil {
		// Too large, not a file or unreadable: said once, until the file
		// changes again.
		e.notify(lang.L("{{.Name}} changed on disk but cannot be read, so it was not reloaded: {{.Problem}}",
			map[string]any{"Name": e.displayName(), "Problem": problemText(err, 1)}))
		return
	}
	if bytes.Equal(data, w.seen) {
		return
	}
	w.seen = data
	if bytes.Equal(data, w.data) {
		// Back to what the editor loaded or saved (an outside edit undone).
		return
	}
	if !e.Dirty() || (e.store.Partial() && !e.store.History().Dirty()) {
		// Nothing of the user's to lose: an untouched valid part of a
		// file with errors takes the file as it now is, fixed or not.
		w.reload(data)
		return
	}
	w.asking = true
	name := e.displayName()
	e.ask(lang.L("File changed on disk"),
		lang.L("{{.Name}} was changed by another program. Reload it and lose your unsaved changes?", map[string]any{"Name": name}),
		choice{label: lang.L("Keep my changes"), action: func() {
			// The file keeps the other program's version: the editor's
			// is unsaved, and a save asks before overwriting it.
			w.asking = false
			e.store.MarkDiskDiffers()
		}},
		choice{label: lang.L("Reload"), importance: widget.DangerImportance, action: func() {
			w.asking = false
			w.reload(data)
		}},
	)
}

// reload replaces the blueprint with data, the file's new contents.
func (w *watcher) reload(data []byte) {
	e := w.e
	d, err := blueprint.Parse(e.Path(), data)
	if err != nil {
		// The editor now holds the only valid copy: it counts as unsaved,
		// so closing asks, and a save asks before overwriting the file.
		e.store.MarkDiskDiffers()
		e.notify(lang.L("{{.Name}} changed on disk but has errors; not reloaded. Your version is unsaved: save it, or save it as another file.", map[string]any{"Name": e.displayName()}))
		return
	}
	w.data, w.seen = data, data
	e.store.Reload(d)
	e.notify(lang.L("Reloaded {{.Name}}: it changed on disk", map[string]any{"Name": e.displayName()}))
}
