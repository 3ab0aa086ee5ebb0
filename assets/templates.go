package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// templateFS holds the shipped blueprint templates, one YAML file per
// template, named after the template.
//
//go:embed templates/*.yaml
var templateFS embed.FS

// templateDescriptions are the one-line descriptions shown by
// "servicebp templates" and in the editor's New dialog.
var templateDescriptions = map[string]string{
	"bank":   "Bank branch visit: ticket queue, teller, compliance checks and wait times",
	"hotel":  "Overnight hotel stay: the classic blueprint, from arrival to check-out",
	"repair": "After-sales repair: report, diagnosis, send-in repair, return and complaint",
	"shop":   "网店客户服务：售前、售中、售后 (online shop customer service, in Chinese)",
}

// TemplateNames returns the names of the shipped templates, sorted.
func TemplateNames() []string {
	entries, err := fs.ReadDir(templateFS, "templates")
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && !e.IsDir() {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// Template returns the YAML source of the template called name, as listed
// by TemplateNames. The returned slice is a fresh copy the caller may keep
// or modify.
func Template(name string) ([]byte, error) {
	if name == "" || strings.ContainsAny(name, `/\.`) {
		return nil, unknownTemplate(name)
	}
	data, err := templateFS.ReadFile("templates/" + name + ".yaml")
	if err != nil {
		return nil, unknownTemplate(name)
	}
	return data, nil
}

// TemplateDescription returns a one-line human description of the template
// called name, or "" when there is no such template.
func TemplateDescription(name string) string {
	return templateDescriptions[name]
}

func unknownTemplate(name string) error {
	return fmt.Errorf("unknown template %q (available: %s)", name, strings.Join(TemplateNames(), ", "))
}
