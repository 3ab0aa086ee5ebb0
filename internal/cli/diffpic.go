package cli

import (
	"fmt"
	"os"
	"strings"

	"servicebp/blueprint"
	"servicebp/blueprint/diff"
	"servicebp/blueprint/i18n"
	"servicebp/canvas"
	"servicebp/export"
)

// diffPanelLines is how many changes the picture's panel lists before it
// counts the rest.
const diffPanelLines = 40

// diffPicture is a picture of the changes asked for with --png or --svg.
type diffPicture struct {
	out    string
	format export.Format
	theme  string
	// font, when not "", is a .ttf or .otf font for all text.
	font string
	// scale and width size the picture as export's --scale and --width.
	scale float64
	width int
}

// pictureFlags reads --png and --svg (at most one) and --theme; it returns
// nil when no picture is asked for, and a message for a wrong combination.
func pictureFlags(png, svg, theme, font string, scale float64, width int) (*diffPicture, string) {
	p := &diffPicture{theme: theme, font: font, scale: scale, width: width}
	switch {
	case png != "" && svg != "":
		return nil, "give --png or --svg, not both"
	case png != "":
		p.out, p.format = png, export.FormatPNG
	case svg != "":
		p.out, p.format = svg, export.FormatSVG
	default:
		return nil, ""
	}
	switch {
	case width < 0:
		return nil, "--width must be positive"
	case width == 0 && (scale < export.MinScale || scale > export.MaxScale):
		return nil, fmt.Sprintf("--scale must be between %g and %g", float32(export.MinScale), float32(export.MaxScale))
	}
	return p, ""
}

// toStdout reports whether the picture goes to standard output ("-").
func (p *diffPicture) toStdout() bool { return p != nil && p.out == "-" }

// write draws NEW with the changes marked and writes it to p.out
// (atomically) or to standard output.
func (p *diffPicture) write(env Env, oldDoc, newDoc *blueprint.Document, changes []diff.Change, phases []string) error {
	pal, ok := canvas.PaletteByName(p.theme)
	if !ok {
		return fmt.Errorf("unknown --theme %q: use %s", p.theme, strings.Join(canvas.PaletteNames, ", "))
	}
	opt := export.Options{Palette: pal, Scale: float32(p.scale), Width: p.width, Lang: i18n.FromEnv(env.Getenv)}
	if p.font != "" {
		if info, err := os.Stat(p.font); err == nil && !info.Mode().IsRegular() {
			return fmt.Errorf("font %s: not a regular file", p.font)
		}
		f, err := export.LoadFont(p.font)
		if err != nil {
			return err
		}
		opt.Font = f
	}
	data, err := diffPictureData(oldDoc, newDoc, changes, phases, p.format, opt)
	if err != nil {
		return err
	}
	if p.toStdout() {
		_, err := env.Stdout.Write(data)
		return err
	}
	return blueprint.WriteFileAtomic(p.out, data, 0o644)
}

// diffPictureData renders the picture of changes (from diff.Compare(oldDoc,
// newDoc)) in format f: the layout of NEW with the removed steps and flows
// back in their places (diff.WithGhosts), the marks of diff.Marks, and a
// panel listing the changes as the text report words them, in its order.
func diffPictureData(oldDoc, newDoc *blueprint.Document, changes []diff.Change, phases []string, f export.Format, opt export.Options) ([]byte, error) {
	ghosts := diff.WithGhosts(oldDoc, newDoc, changes)
	p := diff.Picture{
		Old: oldDoc, New: newDoc,
		OldLayout: export.Layout(oldDoc, opt), NewLayout: export.Layout(ghosts, opt),
		Style: export.Style(newDoc, opt), Measure: export.Measure(opt), Words: diff.WordsIn(opt.Lang),
	}
	ch := diff.Marks(changes, p)
	plain := diffOutput{}
	var lines []diff.PanelLine
	for _, g := range groupByPhase(changes, phases) {
		for _, c := range g.changes {
			lines = append(lines, diff.PanelLine{Kind: diff.KindOf(c), Text: plain.describe(c)})
		}
	}
	l := diff.AddPanel(ch, p, lines, diffPanelLines)
	opt.Changes = ch
	if f == export.FormatSVG {
		return export.SVGLayout(l, newDoc, opt)
	}
	return export.PNGLayout(l, opt)
}
