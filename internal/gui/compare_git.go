package gui

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
)

// gitTimeout bounds `git show`, so that a hung git cannot hang the editor.
const gitTimeout = 10 * time.Second

// gitHead returns the file path as committed at git HEAD: `git show
// HEAD:./NAME` run in the file's folder. The error says plainly why there
// is none: no file yet, no git, not in a repository, not committed.
func gitHead(path string) ([]byte, error) {
	if path == "" {
		return nil, errors.New(lang.L("Save the blueprint first: comparing with git HEAD needs a file in a git repository"))
	}
	name := filepath.Base(path)
	ctx, cancel := context.WithTimeout(context.Background(), gitTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", "show", "HEAD:./"+name)
	cmd.Dir = filepath.Dir(path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err == nil {
		return out, nil
	}
	args := map[string]any{"Name": name}
	msg := stderr.String()
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return nil, errors.New(lang.L("git is not installed, so there is no git HEAD to compare with"))
	case strings.Contains(msg, "not a git repository"):
		return nil, errors.New(lang.L("{{.Name}} is not in a git repository", args))
	case strings.Contains(msg, "does not exist in") || strings.Contains(msg, "exists on disk, but not in") ||
		strings.Contains(msg, "invalid object name") || strings.Contains(msg, "unknown revision"):
		return nil, errors.New(lang.L("{{.Name}} is not committed in git HEAD yet", args))
	}
	args["Error"] = strings.TrimSpace(msg)
	if args["Error"] == "" {
		args["Error"] = err.Error()
	}
	return nil, errors.New(lang.L("git show HEAD:{{.Name}} failed: {{.Error}}", args))
}
