package blueprint

import (
	"strings"
	"testing"
)

// TestParseImagePaths checks that a step's image must be a path under the
// blueprint's folder, and that a refused one is reported at its value.
func TestParseImagePaths(t *testing.T) {
	const head = "servicebp: 1\nsteps:\n  - id: a\n    lane: customer\n    column: c\n    image: "
	bad := []struct{ path, want string }{
		{"https://example.com/a.jpg", "6:12: image: a URL is not allowed"},
		{"data:image/png;base64,AAAA", "6:12: image: a URL is not allowed"},
		{"/home/ana/receipt.jpg", "6:12: image: an absolute path is not allowed"},
		{"C:/photos/receipt.jpg", "6:12: image: an absolute path is not allowed"},
		{"../secret.png", "6:12: image: the path leaves the blueprint's folder"},
		{"photos/../../x.png", "6:12: image: the path leaves the blueprint's folder"},
		{`photos\receipt.jpg`, "6:12: image: write the path with forward slashes"},
		{"photos/", "6:12: image: the path names a folder"},
		{"[a.png]", "6:12: image must be text"},
	}
	for _, tt := range bad {
		t.Run(tt.path, func(t *testing.T) {
			_, err := Parse("bp.yaml", []byte(head+tt.path+"\n"))
			if err == nil || !strings.Contains(err.Error(), "bp.yaml:"+tt.want) {
				t.Fatalf("Parse(%q) = %v, want an error with %q", tt.path, err, tt.want)
			}
		})
	}
	for _, p := range []string{"receipt.jpg", "photos/receipt.jpg", "photos/../receipt.png", "照片/收据.jpeg", "./a.png"} {
		doc, err := Parse("bp.yaml", []byte(head+p+"\n"))
		if err != nil {
			t.Fatalf("Parse(%q): %v", p, err)
		}
		if got := doc.Steps[0].Image; got != p {
			t.Errorf("image = %q, want %q as written", got, p)
		}
	}
}

// TestImageCanonical checks that the image is written after the step's
// other keys, only when set, and reads back the same.
func TestImageCanonical(t *testing.T) {
	src := "servicebp: 1\ncolumns:\n  - id: c\nsteps:\n  - id: a\n    lane: customer\n    column: c\n    text: Pay\n    notes: Keep the receipt.\n    image: photos/receipt.jpg\n  - id: b\n    lane: customer\n    column: c\n"
	doc, err := Parse("bp.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "    notes: Keep the receipt.\n    image: photos/receipt.jpg\n  - id: b\n") {
		t.Fatalf("canonical form:\n%s", out)
	}
	if strings.Count(string(out), "image:") != 1 {
		t.Fatalf("an empty image was written:\n%s", out)
	}
	again, err := Parse("bp.yaml", out)
	if err != nil || again.Steps[0].Image != "photos/receipt.jpg" {
		t.Fatalf("round trip: %v %+v", err, again)
	}
}

// TestSetStepImageUndo checks that attaching and removing an image are
// undoable commands, and that a bad path is refused without a change.
func TestSetStepImageUndo(t *testing.T) {
	doc, err := Parse("bp.yaml", []byte("servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c}\n"))
	if err != nil {
		t.Fatal(err)
	}
	h := NewHistory(doc)
	if err := h.Apply(SetStepImage("a", "images/a-1234abcd.png")); err != nil {
		t.Fatal(err)
	}
	if got := h.Doc().Steps[0].Image; got != "images/a-1234abcd.png" {
		t.Fatalf("image = %q", got)
	}
	if h.UndoLabel() == "" || !strings.Contains(h.UndoLabel(), "Attach image") {
		t.Errorf("undo label = %q", h.UndoLabel())
	}
	if err := h.Apply(SetStepImage("a", "")); err != nil {
		t.Fatal(err)
	}
	if got := h.Doc().Steps[0].Image; got != "" {
		t.Fatalf("after remove, image = %q", got)
	}
	h.Undo()
	h.Undo()
	if got := h.Doc().Steps[0].Image; got != "" {
		t.Fatalf("after two undos, image = %q", got)
	}
	h.Redo()
	if got := h.Doc().Steps[0].Image; got != "images/a-1234abcd.png" {
		t.Fatalf("after redo, image = %q", got)
	}
	for _, bad := range []string{"/etc/passwd", "../x.png", "http://x/y.png"} {
		if err := h.Apply(SetStepImage("a", bad)); err == nil {
			t.Errorf("SetStepImage(%q) was accepted", bad)
		}
	}
	if err := h.Apply(SetStepImage("nope", "a.png")); err == nil {
		t.Error("SetStepImage on a missing step was accepted")
	}
	if err := h.Apply(EditStep("a", Step{Lane: "customer", Column: "c", Image: "../x.png"})); err == nil {
		t.Error("EditStep with a bad image was accepted")
	}
}
