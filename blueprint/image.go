package blueprint

import (
	"errors"
	"fmt"
	"path"
	"strings"
)

// CheckImagePath checks the image path of a step: a file in or under the
// folder of the blueprint file, written relative to it with forward
// slashes, such as "photos/receipt.jpg". URLs, absolute paths, paths that
// climb out of the blueprint's folder with "..", and backslashes are
// refused, so that a blueprint and its photos move together and a file
// never makes servicebp read anywhere else. The empty path means no image.
func CheckImagePath(p string) error {
	if p == "" {
		return nil
	}
	if strings.Contains(p, "\\") {
		return errors.New("write the path with forward slashes (/), not backslashes")
	}
	if i := strings.IndexByte(p, ':'); i > 0 && isScheme(p[:i]) {
		if i == 1 {
			return errors.New("an absolute path is not allowed; write the path relative to the blueprint file, such as photos/receipt.jpg")
		}
		return errors.New("a URL is not allowed; copy the image next to the blueprint and write its relative path, such as photos/receipt.jpg")
	}
	if strings.HasPrefix(p, "/") {
		return errors.New("an absolute path is not allowed; write the path relative to the blueprint file, such as photos/receipt.jpg")
	}
	if strings.HasSuffix(p, "/") {
		return errors.New("the path names a folder, not an image file")
	}
	c := path.Clean(p)
	if c == ".." || strings.HasPrefix(c, "../") {
		return errors.New("the path leaves the blueprint's folder (..); keep images in or under it")
	}
	if c == "." {
		return errors.New("the path names no file")
	}
	return nil
}

// isScheme reports whether s reads as a URL scheme (or a drive letter):
// a letter, then letters, digits, "+", "-" or ".".
func isScheme(s string) bool {
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return true
}

// SetStepImage returns a command that sets the image of the step id to p,
// a path relative to the blueprint file (see CheckImagePath); the empty
// path removes the image.
func SetStepImage(id, p string) Command {
	label := "Attach image"
	if p == "" {
		label = "Remove image"
	}
	return CommandFunc(label, func(d *Document) error {
		i := d.StepIndex(id)
		if i < 0 {
			return fmt.Errorf("%s: there is no step %q", strings.ToLower(label), id)
		}
		if err := CheckImagePath(p); err != nil {
			return fmt.Errorf("image %q: %w", p, err)
		}
		s := d.Steps[i]
		s.Image = p
		d.Steps = replaced(d.Steps, i, s)
		return nil
	})
}
