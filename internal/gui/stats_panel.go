package gui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"servicebp/blueprint/analysis"
)

// statsPanel shows the figures a blueprint is read by: steps per lane,
// above and below the line of visibility, encounters, fail and wait points,
// moments of truth, and per phase the sums of the entered durations and
// waits.
type statsPanel struct {
	form    *fyne.Container
	content fyne.CanvasObject
	// rows are the rows shown; cells hold their widgets, kept for reuse.
	rows  []statRow
	cells []statCell
}

// statCell is the widgets of one row.
type statCell struct {
	label, value *widget.Label
	box          *fyne.Container
}

// statRow is one row of the panel: a label and a value, or a heading when
// the value is empty and heading is set.
type statRow struct {
	label, value string
	heading      bool
}

func newStatsPanel() *statsPanel {
	p := &statsPanel{form: container.New(&tightVBox{})}
	note := widget.NewLabel(lang.L("Durations and waits are sums of the entered values, not end-to-end time."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	p.content = container.NewVScroll(container.NewVBox(p.form, note))
	return p
}

// update shows st, reusing the rows' labels and setting only the texts
// that changed: laying out text is the costly part.
func (p *statsPanel) update(st analysis.Stats) {
	p.rows = statRows(st)
	for len(p.cells) < len(p.rows) {
		// The label takes the width the value leaves, cut short if need
		// be; the value keeps its whole width on the right.
		l, v := widget.NewLabel(""), widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		p.cells = append(p.cells, statCell{label: l, value: v, box: container.NewBorder(nil, nil, nil, v, l)})
	}
	objs := make([]fyne.CanvasObject, len(p.rows))
	for i, r := range p.rows {
		c := &p.cells[i]
		style := fyne.TextStyle{Bold: r.heading}
		if c.label.TextStyle != style {
			c.label.TextStyle, c.value.TextStyle = style, style
			c.label.Refresh()
			c.value.Refresh()
		}
		if c.label.Text != r.label {
			c.label.SetText(r.label)
		}
		if c.value.Text != r.value {
			c.value.SetText(r.value)
		}
		objs[i] = c.box
	}
	if !slices.Equal(objs, p.form.Objects) {
		p.form.Objects = objs
		p.form.Refresh()
	}
}

// value returns the value of the first row labelled label, for tests.
func (p *statsPanel) value(label string) (string, bool) {
	for _, r := range p.rows {
		if strings.TrimSpace(r.label) == label {
			return r.value, true
		}
	}
	return "", false
}

// countPct is "n (x%)".
func countPct(n int, pct float64) string {
	return strconv.Itoa(n) + " (" + strconv.FormatFloat(pct, 'f', 1, 64) + "%)"
}

// statRows are the rows that show st.
func statRows(st analysis.Stats) []statRow {
	itoa := strconv.Itoa
	rows := []statRow{{label: lang.L("Steps"), value: itoa(st.Steps), heading: true}}
	for _, l := range st.Lanes {
		name := l.Name
		if name == "" {
			name = l.ID
		}
		rows = append(rows, statRow{label: "  " + name, value: itoa(l.Steps)})
	}
	if st.HasVisibility {
		rows = append(rows,
			statRow{label: lang.L("Line of visibility"), heading: true},
			statRow{label: "  " + lang.L("Above"), value: countPct(st.AboveVisibility, st.AboveVisibilityPct)},
			statRow{label: "  " + lang.L("Below"), value: countPct(st.BelowVisibility, st.BelowVisibilityPct)})
	} else {
		rows = append(rows, statRow{label: lang.L("Line of visibility"), value: lang.L("none"), heading: true})
	}
	rows = append(rows, statRow{label: lang.L("Encounters"), heading: true})
	if st.HasInteraction {
		rows = append(rows, statRow{label: "  " + lang.L("Across the line of interaction"), value: itoa(st.Encounters)})
	}
	if st.HasInternal {
		rows = append(rows, statRow{label: "  " + lang.L("Internal (line of internal interaction)"), value: itoa(st.InternalEncounters)})
	}
	rows = append(rows,
		statRow{label: lang.L("Marked steps"), heading: true},
		statRow{label: "  " + lang.L("Fail points"), value: itoa(st.FailPoints)},
		statRow{label: "  " + lang.L("Wait points"), value: itoa(st.WaitPoints)},
		statRow{label: "    " + lang.L("Unexplained"), value: itoa(st.UnexplainedWaits)},
		statRow{label: "    " + lang.L("Of unknown length"), value: itoa(st.UnknownLengthWaits)},
		statRow{label: "  " + lang.L("Moments of truth"), value: itoa(st.MomentsOfTruth)})
	if len(st.Phases) > 0 {
		rows = append(rows, statRow{label: lang.L("Phases"), heading: true})
	}
	for _, ph := range st.Phases {
		name := ph.Name
		if name == "" {
			name = lang.L("(no phase)")
		}
		rows = append(rows,
			statRow{label: "  " + name, value: lang.L("{{.Count}} steps", map[string]any{"Count": ph.Steps})},
			statRow{label: "    " + lang.L("Sum of durations"), value: ph.Duration.String()},
			statRow{label: "    " + lang.L("Sum of waits"), value: ph.Wait.String()})
	}
	return rows
}
