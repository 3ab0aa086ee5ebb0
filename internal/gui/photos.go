package gui

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	fcanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint"
	"servicebp/blueprint/images"
	"servicebp/internal/state"
)

// photoFolder is the folder, next to the blueprint file, that attached
// photos are copied into.
const photoFolder = "images"

// photoExts are the extensions of the files that can be attached.
var photoExts = []string{".png", ".jpg", ".jpeg"}

// photos is the editor's side of the steps' photos: the picture set of
// the open file's folder, shared by the board and the presentation, and
// the inspector's photo row.
type photos struct {
	set *images.Set
	// choose asks for a photo file and calls onPath with it; tests
	// replace the file dialog.
	choose func(onPath func(path string))

	row     *fyne.Container
	name    *widget.Label
	preview *fcanvas.Image
	attach  *widget.Button
	remove  *widget.Button
}

// installPhotos keeps the pictures in line with the open file, attaches
// files dropped on the window, and adds the photo row to the step
// inspector.
func (e *Editor) installPhotos() {
	p := &photos{}
	e.photos = p
	p.choose = e.choosePhotoFile
	p.name = widget.NewLabel("")
	p.name.Truncation = fyne.TextTruncateEllipsis
	p.preview = &fcanvas.Image{FillMode: fcanvas.ImageFillContain, ScaleMode: fcanvas.ImageScaleSmooth}
	p.preview.SetMinSize(fyne.NewSize(160, 90))
	p.preview.Hide()
	p.attach = widget.NewButton(lang.L("Attach image…"), func() {
		id := e.store.Selection().One(state.SelectSteps)
		if id == "" {
			return
		}
		e.commitField()
		p.choose(func(path string) { e.attachPhoto(id, path) })
	})
	p.remove = widget.NewButton(lang.L("Remove image"), func() {
		id := e.store.Selection().One(state.SelectSteps)
		if s := e.Doc().Step(id); s != nil && s.Image != "" {
			e.commitField()
			e.apply(blueprint.SetStepImage(id, ""))
		}
	})
	p.row = container.NewVBox(p.preview, p.name, container.NewHBox(p.attach, p.remove))
	e.ui.inspector.step.form.Append(lang.L("Photo"), p.row)
	e.store.Subscribe(func(state.Change) { e.syncPhotos() })
	e.win.SetOnDropped(e.droppedFiles)
	e.syncPhotos()
}

// pictureSource is the picture set as a source, nil (not a typed nil)
// for an untitled blueprint.
func (p *photos) pictureSource() images.Source {
	if p == nil || p.set == nil {
		return nil
	}
	return p.set
}

// syncPhotos makes a new picture set when the open file's folder changed
// (a file opened or saved elsewhere), warns about the photos it cannot
// show, and refreshes the inspector's photo row.
func (e *Editor) syncPhotos() {
	p := e.photos
	dir := ""
	if e.Path() != "" {
		dir = filepath.Dir(e.Path())
	}
	if (p.set == nil) != (dir == "") || (p.set != nil && p.set.Dir() != dir) {
		p.set = nil
		if dir != "" {
			p.set = images.NewSet(dir)
		}
		b := e.ui.board
		b.Scene().SetBackgroundPictures(!e.opts.PhotosInForeground)
		b.Scene().SetPictures(p.pictureSource())
		if p.set != nil {
			e.checkPhotos(p.set)
		}
	}
	p.refreshRow(e)
}

// checkPhotos reads the photos of the open blueprint on another goroutine
// and says in the status bar when some cannot be shown.
func (e *Editor) checkPhotos(set *images.Set) {
	// Commands replace the steps slice rather than write into it, so the
	// goroutine can read this one.
	d := &blueprint.Document{Steps: e.Doc().Steps}
	name := e.displayName()
	check := func(report func(func())) {
		probs := images.Problems(d, set)
		if len(probs) == 0 {
			return
		}
		msg := lang.L("{{.Count}} photos cannot be shown; first: {{.Problem}}",
			map[string]any{"Count": len(probs), "Problem": probs[0].Message(name)})
		report(func() {
			if e.photos.set == set {
				e.notify(msg)
			}
		})
	}
	if e.opts.PhotosInForeground {
		check(func(f func()) { f() })
		return
	}
	go check(fyne.Do)
}

// refreshRow shows the selected step's photo in the inspector.
func (p *photos) refreshRow(e *Editor) {
	s := e.Doc().Step(e.store.Selection().One(state.SelectSteps))
	if s == nil {
		return
	}
	if s.Image == "" {
		p.name.SetText(lang.L("No photo"))
		p.remove.Disable()
		p.preview.Hide()
		return
	}
	p.name.SetText(s.Image)
	p.remove.Enable()
	var pic *images.Picture
	switch set := p.set; {
	case set == nil:
	case e.opts.PhotosInForeground:
		pic, _ = set.Picture(s.Image)
	default:
		var ready bool
		if pic, _, ready = set.Peek(s.Image); !ready {
			set.Fetch(s.Image, func() { fyne.Do(func() { p.refreshRow(e) }) })
		}
	}
	if pic == nil {
		p.preview.Hide()
		return
	}
	if p.preview.Image != pic.Thumb {
		p.preview.Image = pic.Thumb
		p.preview.Refresh()
	}
	p.preview.Show()
}

// attachPhoto copies the photo file src next to the blueprint and sets it
// as step id's image, in one undoable edit. An untitled blueprint is saved
// first, since the image path is relative to the file.
func (e *Editor) attachPhoto(id, src string) {
	if e.Doc().Step(id) == nil {
		return
	}
	if e.Path() == "" {
		e.notify(lang.L("Save the blueprint first: its photos are kept in a folder next to it"))
		e.saveAs(func() { e.attachPhoto(id, src) })
		return
	}
	key, err := copyPhoto(filepath.Dir(e.Path()), id, src)
	if err != nil {
		e.showError(fmt.Errorf("%s: %w", filepath.Base(src), err))
		return
	}
	e.syncPhotos()
	if e.photos.set != nil {
		e.photos.set.Forget(key)
	}
	if s := e.Doc().Step(id); s == nil || s.Image == key {
		return // the same photo again: nothing to change
	}
	if e.apply(blueprint.SetStepImage(id, key)) {
		e.notify(lang.L("Attached {{.Name}}", map[string]any{"Name": key}))
	}
}

// copyPhoto copies the PNG or JPEG file src into the photo folder under
// dir as STEP-HASH.EXT (the first 8 hex digits of its SHA-256), so that
// the same photo always gets the same name, and returns that path
// relative to dir. A file of that name with the same bytes is kept.
func copyPhoto(dir, id, src string) (string, error) {
	data, f, err := images.ReadFile(src)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	ext := ".png"
	if f == images.JPEG {
		ext = ".jpg"
	}
	key := photoFolder + "/" + id + "-" + hex.EncodeToString(sum[:4]) + ext
	dst := filepath.Join(dir, filepath.FromSlash(key))
	if old, err := os.ReadFile(dst); err == nil && bytes.Equal(old, data) {
		return key, nil
	}
	if err := os.MkdirAll(filepath.Join(dir, photoFolder), 0o755); err != nil {
		return "", err
	}
	if err := blueprint.WriteFileAtomic(dst, data, 0o644); err != nil {
		return "", err
	}
	return key, nil
}

// droppedFiles attaches the first PNG or JPEG file dropped on the window
// to the card under the pointer, or else to the selected step.
func (e *Editor) droppedFiles(pos fyne.Position, uris []fyne.URI) {
	src := ""
	for _, u := range uris {
		if u.Scheme() == "file" && isPhotoName(u.Path()) {
			src = u.Path()
			break
		}
	}
	if src == "" {
		if len(uris) > 0 {
			e.notify(lang.L("Drop a PNG or JPEG image on a card to attach it"))
		}
		return
	}
	id := ""
	b := e.ui.board
	at := pos.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(b))
	id, _ = b.StepAt(at)
	if id == "" {
		id = e.store.Selection().One(state.SelectSteps)
	}
	if id == "" {
		e.notify(lang.L("Drop a PNG or JPEG image on a card to attach it"))
		return
	}
	e.SetSelection(state.Selection{Kind: state.SelectSteps, IDs: []string{id}})
	e.attachPhoto(id, src)
}

// isPhotoName reports whether path ends in .png, .jpg or .jpeg.
func isPhotoName(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, x := range photoExts {
		if ext == x {
			return true
		}
	}
	return false
}

// choosePhotoFile asks for a PNG or JPEG file, starting in the
// blueprint's folder.
func (e *Editor) choosePhotoFile(onPath func(path string)) {
	e.showFileOpen(photoExts, onPath)
}
