package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"servicebp/blueprint"
	"servicebp/blueprint/images"
	"servicebp/canvas"
	"servicebp/export"
)

const exportUsage = "export FILE -o OUT.png|OUT.svg|OUT.pdf|OUT.csv|OUT.xlsx [--format png|svg|pdf|csv|xlsx] [--backlog github|jira|gitlab [--findings]] [--scale S] [--width PX] [--theme light|dark|contrast] [--transparent] [--font FILE] [--strict] [--per-phase] [--no-emotion-curve] [--annotations] [--paper A4|A3|A2|A1|A0|letter|tabloid [--landscape] [--tiles [COLSxROWS]]] [--lang en|zh-Hans|zh-Hant]"

func init() {
	register(&command{name: "export", usage: exportUsage, summary: "render a blueprint to a PNG image, an SVG document or a PDF, write its steps as a CSV or XLSX spreadsheet, or its fail points as a backlog CSV, headless", order: 40, run: runExport})
}

func runExport(env Env, args []string) int {
	fs := newFlagSet(exportUsage, env)
	var out string
	fs.StringVar(&out, "o", "", "the file to write (required); its extension, .png, .svg, .pdf, .csv or .xlsx, picks the format")
	fs.StringVar(&out, "output", "", "same as -o")
	format := fs.String("format", "", "the output format, png, svg, pdf, csv or xlsx, whatever the extension of -o")
	backlog := fs.String("backlog", "", "write the fail points as a CSV that this tracker imports: github, jira or gitlab")
	findings := fs.Bool("findings", false, "with --backlog, add the lint findings as issues too")
	scale := fs.Float64("scale", export.DefaultScale, fmt.Sprintf("pixels per layout unit, %g to %g", float32(export.MinScale), float32(export.MaxScale)))
	width := fs.Int("width", 0, "the image width in pixels; picks the scale")
	themeName := fs.String("theme", "light", "colours: "+strings.Join(canvas.PaletteNames, ", "))
	transparent := fs.Bool("transparent", false, "leave the background transparent")
	fontPath := fs.String("font", "", "a .ttf or .otf font for all text")
	strict := fs.Bool("strict", false, "fail when some characters have no font")
	perPhase := fs.Bool("per-phase", false, "write the slide deck, 1920×1080 (or --width wide): the whole blueprint, then one slide per phase; PNG files into the directory -o, or one PDF when -o ends in .pdf (or --format pdf)")
	paper := fs.String("paper", "", "make a poster PDF on this paper: "+export.PaperNames())
	landscape := fs.Bool("landscape", false, "turn the --paper sideways")
	var tiles tilesFlag
	fs.Var(&tiles, "tiles", "split the --paper poster over several sheets with overlaps, crop marks and labels: COLSxROWS, or alone for the sheets that print it at 1 point per layout unit")
	noCurve := fs.Bool("no-emotion-curve", false, "leave out the emotion curve under the customer lane")
	annotations := fs.Bool("annotations", false, "write each fail point's text and recovery and each wait on its card")
	langName := langFlag(fs)
	files, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	lg, ok := pickLang(env, "export", *langName)
	if !ok {
		return ExitUsage
	}
	usage := func(msg string) int {
		fmt.Fprintf(env.Stderr, "servicebp export: %s\n", msg)
		fs.Usage()
		return ExitUsage
	}
	switch {
	case len(files) != 1:
		return usage("give exactly one blueprint FILE")
	case out == "":
		return usage("give the output file with -o OUT.png")
	case *width < 0:
		return usage("--width must be positive")
	}
	if *backlog != "" || *findings {
		return runBacklog(env, files[0], out, *backlog, *findings, usage)
	}
	scaleSet, widthSet := false, false
	fs.Visit(func(f *flag.Flag) {
		scaleSet = scaleSet || f.Name == "scale"
		widthSet = widthSet || f.Name == "width"
	})
	if scaleSet && widthSet {
		return usage("give --scale or --width, not both")
	}
	if *perPhase && scaleSet {
		return usage("--per-phase takes --width, not --scale")
	}
	var fmtOut export.Format
	if *perPhase {
		fmtOut = export.FormatPNG
		if strings.EqualFold(filepath.Ext(out), ".pdf") {
			fmtOut = export.FormatPDF
		}
		if *format != "" {
			f, err := export.ParseFormat(*format)
			if err != nil || f == export.FormatSVG {
				return usage("--per-phase writes PNG slides or a PDF deck; --format must be png or pdf")
			}
			fmtOut = f
		}
	} else {
		f, err := export.FormatFor(out, *format)
		if err != nil {
			return usage(err.Error())
		}
		fmtOut = f
	}
	var poster *export.Poster
	switch {
	case *paper == "" && (tiles.set || *landscape):
		return usage("--tiles and --landscape go with --paper")
	case *paper != "" && *perPhase:
		return usage("--paper makes a poster; it does not go with --per-phase")
	case *paper != "" && fmtOut != export.FormatPDF:
		return usage(fmt.Sprintf("--paper and --tiles make PDF posters, not %s; name the output .pdf or give --format pdf", strings.ToUpper(string(fmtOut))))
	case *paper != "":
		p, err := export.PaperByName(*paper)
		if err != nil {
			return usage(err.Error())
		}
		poster = &export.Poster{Paper: p, Landscape: *landscape, Tiles: tiles.set, Cols: tiles.cols, Rows: tiles.rows}
	}
	if !widthSet && (*scale < export.MinScale || *scale > export.MaxScale) {
		return usage(fmt.Sprintf("--scale must be between %g and %g", float32(export.MinScale), float32(export.MaxScale)))
	}
	pal, ok := canvas.PaletteByName(*themeName)
	if !ok {
		return usage(fmt.Sprintf("unknown --theme %q: use %s", *themeName, strings.Join(canvas.PaletteNames, ", ")))
	}
	opt := export.Options{Scale: float32(*scale), Width: *width, Palette: pal, Transparent: *transparent, NoEmotionCurve: *noCurve, Annotations: *annotations, Poster: poster, Lang: lg}
	if *fontPath != "" {
		// A FIFO or a device would block the read, or never end.
		if info, err := os.Stat(*fontPath); err == nil && !info.Mode().IsRegular() {
			fmt.Fprintf(env.Stderr, "servicebp export: font %s: not a regular file\n", *fontPath)
			return ExitFailure
		}
		f, err := export.LoadFont(*fontPath)
		if err != nil {
			fmt.Fprintf(env.Stderr, "servicebp export: %v\n", err)
			return ExitFailure
		}
		opt.Font = f
	}

	doc, err := loadInput(env, files[0])
	if err != nil {
		printLoadError(env, err)
		return ExitFailure
	}
	slideDir := *perPhase && fmtOut == export.FormatPNG
	if msg := overwritesInput(out, slideDir, doc, files[0], *fontPath); msg != "" {
		fmt.Fprintf(env.Stderr, "servicebp export: %s; nothing was written\n", msg)
		return ExitFailure
	}
	if fmtOut.IsSheet() {
		if err := export.WriteAs(out, fmtOut, doc, opt); err != nil {
			fmt.Fprintf(env.Stderr, "servicebp export: %v\n", err)
			return ExitFailure
		}
		return ExitOK
	}
	miss, err := export.Missing(doc, opt)
	switch {
	case err != nil && *strict:
		fmt.Fprintf(env.Stderr, "servicebp export: cannot check font coverage: %v\n", err)
		return ExitFailure
	case err != nil:
		fmt.Fprintf(env.Stderr, "servicebp export: warning: cannot check font coverage: %v\n", err)
	case len(miss) > 0:
		msg := export.MissingMessage(miss, opt.Font != nil)
		if *strict {
			fmt.Fprintf(env.Stderr, "servicebp export: %s\n", msg)
			return ExitFailure
		}
		fmt.Fprintf(env.Stderr, "servicebp export: warning: %s\n", msg)
	}
	// Photos are read from the blueprint's folder (the working directory
	// for standard input); one that cannot be shown is a warning and a
	// placeholder, never a failed export.
	imgDir := "."
	if files[0] != "-" {
		imgDir = filepath.Dir(files[0])
	}
	opt.Images = images.NewSet(imgDir)
	for _, p := range images.Problems(doc, opt.Images) {
		fmt.Fprintf(env.Stderr, "servicebp export: warning: %s\n", p.Message(displayName(files[0])))
	}
	// Fonts, shaped runs and band buffers are allocated up front;
	// collecting garbage early keeps the peak memory of large exports down
	// at little cost in time. (A small export ends within the start-up
	// heap and never collects: see heap.go.)
	defer setGCPercent(setGCPercent(25))
	if *perPhase {
		return writeSlides(env, out, fmtOut, doc, opt)
	}
	if err := export.WriteAs(out, fmtOut, doc, opt); err != nil {
		fmt.Fprintf(env.Stderr, "servicebp export: %v\n", err)
		return ExitFailure
	}
	return ExitOK
}

// overwritesInput says which of the input files the export to out would
// overwrite, or "" when none: out itself, or with perPhase the folder out
// and the slides it would get. Files are compared after following links
// (os.SameFile), so another name for an input is caught too; "-" and ""
// name no file.
func overwritesInput(out string, perPhase bool, doc *blueprint.Document, inputs ...string) string {
	outputs := []string{out}
	if perPhase {
		for _, s := range export.SlideDeck(doc) {
			outputs = append(outputs, filepath.Join(out, s.Name))
		}
	}
	for _, in := range inputs {
		if in == "" || in == "-" {
			continue
		}
		ii, err := os.Stat(in)
		if err != nil {
			continue
		}
		for _, o := range outputs {
			if oi, err := os.Stat(o); err == nil && os.SameFile(ii, oi) {
				return fmt.Sprintf("the output %s is the input %s", o, in)
			}
		}
	}
	return ""
}

// tilesFlag is --tiles: alone (the automatic count of sheets) or with
// COLSxROWS.
type tilesFlag struct {
	set        bool
	cols, rows int
}

func (t *tilesFlag) String() string {
	if t == nil || !t.set {
		return ""
	}
	if t.cols == 0 {
		return "auto"
	}
	return fmt.Sprintf("%dx%d", t.cols, t.rows)
}

func (t *tilesFlag) Set(v string) error {
	c, r, err := export.ParseTiles(v)
	if err != nil {
		return err
	}
	t.set, t.cols, t.rows = true, c, r
	return nil
}

// IsBoolFlag lets --tiles stand alone.
func (t *tilesFlag) IsBoolFlag() bool { return true }

// TakesArg says whether the argument after --tiles is its value.
func (t *tilesFlag) TakesArg(arg string) bool {
	if strings.EqualFold(arg, "auto") {
		return true
	}
	c, r, ok := strings.Cut(strings.ToLower(arg), "x")
	return ok && c != "" && r != "" && strings.Trim(c+r, "0123456789") == ""
}
