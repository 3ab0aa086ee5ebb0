package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"servicebp/assets"
	"servicebp/blueprint"
)

func init() {
	register(&command{name: "new", usage: "new [--template NAME] [--title TEXT] FILE", summary: "create a blueprint file, empty or from a template", order: 30, run: runNew})
	register(&command{name: "templates", usage: "templates", summary: "list the built-in templates", order: 31, run: runTemplates})
}

func runNew(env Env, args []string) int {
	fset := newFlagSet("new [--template NAME] [--title TEXT] FILE", env)
	tmpl := fset.String("template", "", "start from a built-in template (see 'servicebp templates')")
	title := fset.String("title", "", "the blueprint's title (default: from the file name)")
	force := fset.Bool("force", false, "overwrite FILE if it exists")
	files, code, ok := parseFlags(fset, args)
	if !ok {
		return code
	}
	if len(files) != 1 {
		fset.Usage()
		return ExitUsage
	}
	path := files[0]
	var doc *blueprint.Document
	if *tmpl != "" {
		data, err := assets.Template(*tmpl)
		if err != nil {
			fmt.Fprintf(env.Stderr, "servicebp new: unknown template %q; available: %s\n", *tmpl, strings.Join(assets.TemplateNames(), ", "))
			return ExitUsage
		}
		if doc, err = blueprint.Parse(*tmpl+".yaml", data); err != nil {
			printLoadError(env, err)
			return ExitFailure
		}
		// The template's schema header points into this repository, which
		// the new file's folder does not have.
		doc.Comments.Header = ""
	} else {
		doc = blueprint.New(titleFromPath(path), blueprint.EnglishNames)
	}
	if *title != "" {
		doc.Title = *title
	}
	data, err := blueprint.Marshal(doc)
	if err != nil {
		fmt.Fprintf(env.Stderr, "servicebp new: %v\n", err)
		return ExitFailure
	}
	// Without --force the check that path is free and the creation are
	// one step, so two racing runs cannot both create it.
	_, err = blueprint.WriteFile(path, data, blueprint.WriteOptions{Exclusive: !*force})
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(env.Stderr, "servicebp new: %s already exists; use --force to overwrite it\n", path)
		return ExitFailure
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "servicebp new: %v\n", err)
		return ExitFailure
	}
	fmt.Fprintf(env.Stdout, "created %s\n", path)
	return ExitOK
}

// titleFromPath turns "my-service_blueprint.yaml" into "My service blueprint".
func titleFromPath(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	base = strings.NewReplacer("-", " ", "_", " ").Replace(base)
	if base == "" {
		return "Untitled blueprint"
	}
	r := []rune(base)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func runTemplates(env Env, args []string) int {
	if len(args) != 0 {
		fmt.Fprintln(env.Stderr, "usage: servicebp templates")
		return ExitUsage
	}
	for _, name := range assets.TemplateNames() {
		fmt.Fprintf(env.Stdout, "%-8s %s\n", name, assets.TemplateDescription(name))
	}
	return ExitOK
}
