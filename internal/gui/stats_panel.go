package gui

import (
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
	// rows are the rows shown, for tests.
	rows []statRow
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

// update shows st.
func (p *statsPanel) update(st analysis.Stats) {
	p.rows = statRows(st)
	objs := make([]fyne.CanvasObject, 0, len(p.rows))
	for _, r := range p.rows {
		// The label takes the width the value leaves, cut short if need
		// be; the value keeps its whole width on the right.
		l, v := widget.NewLabel(r.label), widget.NewLabel(r.value)
		l.Truncation = fyne.TextTruncateEllipsis
		if r.heading {
			l.TextStyle = fyne.TextStyle{Bold: true}
			v.TextStyle = fyne.TextStyle{Bold: true}
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, v, l))
	}
	p.form.Objects = objs
	p.form.Refresh()
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
