package main

// budget is one performance budget of DESIGN.md ("Performance budgets")
// and the benchmark figure it is checked against.
type budget struct {
	pkg      string  // the package's path within the module, "." for the root
	name     string  // the benchmark function
	unit     string  // the unit of the figure, as go test prints it
	limit    float64 // the budget, in unit
	measures string  // what the figure is, for the report and the README
}

// budgets are the budgets make bench reports, in the README's order. Keep
// README.md's table ("The benchmarks that carry a budget") the same:
// TestREADMETableMatchesBudgets checks it.
//
// DESIGN.md sets the PNG budgets as ratios to d2 and graphviz measured
// side by side; those tools are not part of the build, so the two export
// benchmarks carry absolute budgets instead.
var budgets = []budget{
	{"blueprint", "BenchmarkLoad1000", "ns/op", 50e6, "load and validate 1,000 steps"},
	{"blueprint", "BenchmarkSave1000", "ns/op", 50e6, "save 1,000 steps"},
	{"internal/cli", "BenchmarkFmtDiff10000Lines", "ns/op", 100e6, "`fmt -d` of a 10,000-line non-canonical file"},
	{"internal/cli", "BenchmarkFmtDiff10000Lines", "B/op", 50 << 20, "memory of `fmt -d` of a 10,000-line file"},
	{"export", "BenchmarkLayout1000", "ns/op", 20e6, "lay out 1,000 steps with real fonts"},
	{"export", "BenchmarkExport200Scale2", "ns/op", 1e9, "PNG of 200 steps at scale 2"},
	{"export", "BenchmarkExport1000Scale1", "ns/op", 3e9, "PNG of 1,000 steps at scale 1"},
	{".", "BenchmarkExportRSS1000", "MB-maxrss", 150, "peak memory of `servicebp export`, 1,000 steps"},
	{".", "BenchmarkExportRSS1000Wide", "MB-maxrss", 150, "the same, 1,000 cards in 200 columns (47,000 px wide)"},
	{".", "BenchmarkExportOneCardCPU", "ms-cpu/op", 60, "CPU of a whole `servicebp export` process, one card"},
	{"canvas", "BenchmarkBoardDragMove500", "ns/op", 8e6, "one drag move with 500 steps"},
	{"e2e", "BenchmarkStartToWindow", "ms/start", 1000, "start to a visible window"},
	{"e2e", "BenchmarkRSS1000Steps", "MB-VmHWM", 150, "editor memory with 1,000 steps open"},
}

// unbenchmarked are the DESIGN.md budgets no benchmark measures yet; the
// report lists them so that the gap stays visible.
var unbenchmarked = []string{
	"PNG of a 5 × 40 grid: ≤ 1.0× d2's SVG, ≤ 0.33× `dot -Tpng` (BenchmarkPeers, when d2 and dot are installed)",
	"SVG of 200 / 1,000 cards: ≤ 0.25× / 0.2× d2's SVG (BenchmarkPeers)",
	"PNG of 1,000 cards at scale 1: ≤ 0.33× `dot -Tpng` (BenchmarkPeers)",
}
