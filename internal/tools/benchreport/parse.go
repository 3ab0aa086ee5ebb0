package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// module is the module path go test prints before package paths.
const module = "servicebp"

// result is what one benchmark reported: each figure by unit, the median
// when it ran more than once (-count).
type result struct {
	pkg, name string
	figures   map[string]float64
}

// run is the parsed output of one or more go test -bench runs.
type run struct {
	results  []result // in the order first seen
	failures []string // the lines that say something failed
}

// benchLine matches a benchmark's result line: its name with the
// GOMAXPROCS suffix, the iteration count and the figures.
var benchLine = regexp.MustCompile(`^(Benchmark\S*?)(?:-\d+)?\s+(\d+)\s+(.+)$`)

// parse reads the go test -bench output of each reader. A line
// "pkg: PATH" sets the package of the results after it; a line starting
// "FAIL", "--- FAIL" or "panic:" is a failure.
func parse(rs ...io.Reader) (*run, error) {
	out := &run{}
	samples := map[[2]string]map[string][]float64{}
	var order [][2]string
	for _, r := range rs {
		var err error
		if order, err = parseOne(r, out, samples, order); err != nil {
			return nil, err
		}
	}
	for _, key := range order {
		res := result{pkg: key[0], name: key[1], figures: map[string]float64{}}
		for unit, vs := range samples[key] {
			res.figures[unit] = median(vs)
		}
		out.results = append(out.results, res)
	}
	return out, nil
}

// parseOne adds the failures of r to out and its figures to samples,
// appending each benchmark seen for the first time to order.
func parseOne(r io.Reader, out *run, samples map[[2]string]map[string][]float64, order [][2]string) ([][2]string, error) {
	pkg := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		switch {
		case strings.HasPrefix(line, "pkg: "):
			pkg = relPkg(strings.TrimSpace(strings.TrimPrefix(line, "pkg: ")))
			continue
		case strings.HasPrefix(line, "FAIL"), strings.HasPrefix(line, "--- FAIL"), strings.HasPrefix(line, "panic:"):
			out.failures = append(out.failures, line)
			continue
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		figures, ok := parseFigures(m[3])
		if !ok {
			continue // a log line that happens to start like a result
		}
		key := [2]string{pkg, m[1]}
		if samples[key] == nil {
			samples[key] = map[string][]float64{}
			order = append(order, key)
		}
		for unit, v := range figures {
			samples[key][unit] = append(samples[key][unit], v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading benchmark output: %w", err)
	}
	return order, nil
}

// parseFigures reads "VALUE UNIT" pairs; ok is false unless the text is
// nothing but such pairs.
func parseFigures(s string) (map[string]float64, bool) {
	f := strings.Fields(s)
	if len(f) == 0 || len(f)%2 != 0 {
		return nil, false
	}
	figures := map[string]float64{}
	for i := 0; i < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return nil, false
		}
		figures[f[i+1]] = v
	}
	return figures, true
}

// relPkg is an import path as budgets name packages: the path within the
// module, "." for its root.
func relPkg(path string) string {
	if path == module {
		return "."
	}
	return strings.TrimPrefix(path, module+"/")
}

func median(vs []float64) float64 {
	s := slices.Clone(vs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// find returns the result of the benchmark name in pkg.
func (r *run) find(pkg, name string) (result, bool) {
	for _, res := range r.results {
		if res.pkg == pkg && res.name == name {
			return res, true
		}
	}
	return result{}, false
}
