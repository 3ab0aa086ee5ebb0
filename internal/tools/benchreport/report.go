package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// verdict is how one budgeted figure came out.
type verdict struct {
	budget budget
	figure float64
	ran    bool // the benchmark reported the budget's unit
	missed bool
}

// judge compares the run with every budget.
func judge(r *run) []verdict {
	vs := make([]verdict, len(budgets))
	for i, b := range budgets {
		vs[i].budget = b
		res, ok := r.find(b.pkg, b.name)
		if !ok {
			continue
		}
		v, ok := res.figures[b.unit]
		if !ok {
			continue
		}
		vs[i].figure, vs[i].ran = v, true
		vs[i].missed = v > b.limit
	}
	return vs
}

// report writes the verdicts, the benchmarks without a budget, the
// budgets without a benchmark and the failures, and returns the exit
// code: 0 when every budgeted benchmark ran and nothing failed, missed
// budgets or not; 1 otherwise.
func report(w io.Writer, r *run) int {
	vs := judge(r)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "package\tbenchmark\tmeasures\tfigure\tbudget\t")
	var missed, notRun []string
	for _, v := range vs {
		b := v.budget
		figure, mark := "-", "NOT RUN"
		if v.ran {
			figure, mark = format(v.figure, b.unit), "ok"
			if v.missed {
				mark = fmt.Sprintf("MISSED (%.2f× the budget)", v.figure/b.limit)
				missed = append(missed, b.name)
			}
		} else {
			notRun = append(notRun, b.name)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t≤ %s\t%s\n", pkgName(b.pkg), b.name, b.measures, figure, format(b.limit, b.unit), mark)
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d of %d budgets met", len(vs)-len(missed)-len(notRun), len(vs))
	if len(missed) > 0 {
		fmt.Fprintf(w, "; missed: %s", strings.Join(missed, ", "))
	}
	if len(notRun) > 0 {
		fmt.Fprintf(w, "; not run: %s", strings.Join(notRun, ", "))
	}
	fmt.Fprintln(w, ".")

	var others []string
	for _, res := range r.results {
		if !slices.ContainsFunc(budgets, func(b budget) bool { return b.pkg == res.pkg && b.name == res.name }) {
			others = append(others, fmt.Sprintf("  %s %s: %s", pkgName(res.pkg), res.name, figures(res)))
		}
	}
	if len(others) > 0 {
		fmt.Fprintln(w, "\nBenchmarks without a budget:")
		fmt.Fprintln(w, strings.Join(others, "\n"))
	}
	fmt.Fprintln(w, "\nDESIGN.md budgets no benchmark measures yet:")
	for _, u := range unbenchmarked {
		fmt.Fprintln(w, "  "+u)
	}
	if len(r.failures) > 0 {
		fmt.Fprintln(w, "\nThe benchmarks did not all run:")
		for _, f := range r.failures {
			fmt.Fprintln(w, "  "+f)
		}
	}
	if len(r.failures) > 0 || len(notRun) > 0 {
		return 1
	}
	return 0
}

// pkgName is how the report and the README name a package: its path
// within the module, the module's name for its root.
func pkgName(pkg string) string {
	if pkg == "." {
		return module
	}
	return pkg
}

// figures lists a result's figures, time first, then by unit.
func figures(res result) string {
	units := make([]string, 0, len(res.figures))
	for u := range res.figures {
		units = append(units, u)
	}
	slices.SortFunc(units, func(a, b string) int {
		if (a == "ns/op") != (b == "ns/op") {
			if a == "ns/op" {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(units))
	for i, u := range units {
		parts[i] = format(res.figures[u], u)
	}
	return strings.Join(parts, ", ")
}

// format writes a figure for people: times in ns, µs, ms or s, megabytes
// as MB, other units as they are; three significant digits at most.
func format(v float64, unit string) string {
	switch {
	case unit == "ns/op":
		return duration(v)
	case strings.HasPrefix(unit, "ms/"):
		return duration(v * 1e6)
	case strings.HasPrefix(unit, "MB-"):
		return short(v) + " MB"
	case unit == "B/op":
		return bytesPerOp(v)
	}
	return short(v) + " " + unit
}

func bytesPerOp(b float64) string {
	switch {
	case b >= 1<<20:
		return short(b/(1<<20)) + " MB/op"
	case b >= 1<<10:
		return short(b/(1<<10)) + " kB/op"
	}
	return short(b) + " B/op"
}

func duration(ns float64) string {
	switch {
	case ns >= 1e9:
		return short(ns/1e9) + " s"
	case ns >= 1e6:
		return short(ns/1e6) + " ms"
	case ns >= 1e3:
		return short(ns/1e3) + " µs"
	}
	return short(ns) + " ns"
}

// short is v with three significant digits, but never in exponent form
// and without trailing zeros.
func short(v float64) string {
	if v == 0 {
		return "0"
	}
	digits := max(0, 2-int(math.Floor(math.Log10(math.Abs(v)))))
	s := strconv.FormatFloat(v, 'f', digits, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
