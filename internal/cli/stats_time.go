package cli

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"servicebp/blueprint"
	"servicebp/blueprint/analysis"
)

// statsPath is a critical path in stats' JSON output.
type statsPath struct {
	// Steps lists the path's step ids in order.
	Steps        []string `json:"steps"`
	TotalSeconds int64    `json:"total_seconds"`
	WaitSeconds  int64    `json:"wait_seconds"`
	// WaitPct is the share of the total spent waiting, in percent.
	WaitPct float64 `json:"wait_pct"`
	// Slack maps every step in scope to the seconds it could grow without
	// lengthening the path.
	Slack map[string]int64 `json:"slack"`
}

// statsCycle is a cycle in the flows that the critical path broke.
type statsCycle struct {
	Steps []string      `json:"steps"`
	Left  *lintFlowJSON `json:"left_out"`
}

// statsQueue is the M/M/c figures of one queue in stats' JSON output.
type statsQueue struct {
	Step            string  `json:"step"`
	Arrivals        string  `json:"arrivals"`
	Servers         int     `json:"servers"`
	Service         string  `json:"service"`
	Utilisation     float64 `json:"utilisation"`
	PWait           float64 `json:"p_wait"`
	MeanWaitSeconds float64 `json:"mean_wait_seconds"`
	P90WaitSeconds  float64 `json:"p90_wait_seconds"`
	Stable          bool    `json:"stable"`
	ServersNeeded   int     `json:"servers_needed"`
	// ServersForTarget is there when --target-wait is given.
	ServersForTarget int `json:"servers_for_target_wait,omitempty"`
}

// serverList is stats' repeatable --servers STEP=N flag.
type serverList map[string]int

func (s serverList) String() string {
	var parts []string
	for k, v := range s {
		parts = append(parts, k+"="+strconv.Itoa(v))
	}
	return strings.Join(parts, ",")
}

func (s serverList) Set(v string) error {
	step, n, ok := strings.Cut(v, "=")
	if !ok || step == "" {
		return fmt.Errorf("write STEP=N, for example counter=3")
	}
	c, err := strconv.Atoi(n)
	if err != nil || c < 1 || c > blueprint.MaxServers {
		return fmt.Errorf("servers for %s must be a whole number from 1 to %d, not %q", step, blueprint.MaxServers, n)
	}
	s[step] = c
	return nil
}

func toStatsPath(p analysis.CriticalPath) *statsPath {
	out := &statsPath{
		Steps: p.Steps, TotalSeconds: int64(p.Total), WaitSeconds: int64(p.Wait), WaitPct: p.WaitShare(),
		Slack: make(map[string]int64, len(p.Slack)),
	}
	if out.Steps == nil {
		out.Steps = []string{}
	}
	for id, s := range p.Slack {
		out.Slack[id] = int64(s)
	}
	return out
}

// round4 rounds x to four decimals, for stable JSON.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// round1 rounds x to one decimal.
func round1(x float64) float64 { return math.Round(x*10) / 10 }

func toStatsQueues(doc *blueprint.Document, qs []analysis.QueueStats) []statsQueue {
	out := []statsQueue{}
	for _, q := range qs {
		s := doc.Step(q.Step)
		out = append(out, statsQueue{
			Step: q.Step, Arrivals: s.Queue.Arrivals.String(), Servers: q.Servers, Service: s.Queue.Service.String(),
			Utilisation: round4(q.Utilisation), PWait: round4(q.PWait),
			MeanWaitSeconds: round1(q.MeanWait), P90WaitSeconds: round1(q.P90Wait),
			Stable: q.Stable, ServersNeeded: q.ServersNeeded, ServersForTarget: q.ServersForTarget,
		})
	}
	return out
}

// addTime fills in the critical paths, cycles and queues of out.
func addTime(out *statsOutput, doc *blueprint.Document, ps analysis.PathStats, qs []analysis.QueueStats) {
	out.CriticalPath = toStatsPath(ps.Whole)
	for i := range out.Phases {
		if i < len(ps.Phases) {
			out.Phases[i].CriticalPath = toStatsPath(ps.Phases[i])
		}
	}
	out.Cycles = []statsCycle{}
	for _, c := range ps.Cycles {
		f := doc.Flows[c.Flow]
		out.Cycles = append(out.Cycles, statsCycle{Steps: c.Steps, Left: &lintFlowJSON{From: f.From, To: f.To}})
	}
	out.Queues = toStatsQueues(doc, qs)
}

// checkServers checks that every --servers step has a queue.
func checkServers(doc *blueprint.Document, servers serverList) error {
	for id := range servers {
		s := doc.Step(id)
		switch {
		case s == nil:
			return fmt.Errorf("--servers: there is no step %q", id)
		case s.Queue.IsZero():
			return fmt.Errorf("--servers: step %q has no queue", id)
		}
	}
	return nil
}

// fmtSeconds writes seconds as a duration rounded to the second.
func fmtSeconds(s float64) string { return analysis.RoundDuration(s).String() }

// writeTimeText writes the critical path and queue sections of stats' text
// output.
func writeTimeText(w io.Writer, s statsOutput) {
	p := s.CriticalPath
	fmt.Fprintf(w, "\nCritical path: %s end to end, %s of it waiting (%.1f%%)\n",
		blueprint.Duration(p.TotalSeconds), blueprint.Duration(p.WaitSeconds), p.WaitPct)
	if len(p.Steps) > 0 {
		fmt.Fprintf(w, "  %s\n", strings.Join(p.Steps, " → "))
	}
	rows := [][]string{{"phase", "path", "waiting", "steps"}}
	for _, ph := range s.Phases {
		if ph.CriticalPath == nil {
			continue
		}
		name := ph.Name
		if name == "" {
			name = "(no phase)"
		}
		rows = append(rows, []string{name, blueprint.Duration(ph.CriticalPath.TotalSeconds).String(),
			blueprint.Duration(ph.CriticalPath.WaitSeconds).String(), strings.Join(ph.CriticalPath.Steps, " → ")})
	}
	if len(rows) > 1 {
		fmt.Fprintln(w)
		writeTable(w, rows, []bool{false, true, true, false})
	}
	fmt.Fprintln(w)
	for _, c := range s.Cycles {
		fmt.Fprintf(w, "cycle %s → %s: the flow from %s to %s is left out\n", strings.Join(c.Steps, " → "), c.Steps[0], c.Left.From, c.Left.To)
	}
	fmt.Fprintf(w, "waits unexplained: %d of %d; of unknown length: %d of %d\n", s.UnexplainedWaits, s.WaitPoints, s.UnknownLengthWaits, s.WaitPoints)
	if len(s.Queues) == 0 {
		return
	}
	target := len(s.Queues) > 0 && s.Queues[0].ServersForTarget > 0
	head := []string{"queue", "arrivals", "servers", "service", "utilisation", "P(wait)", "mean wait", "p90 wait", "servers needed"}
	if target {
		head = append(head, "for target")
	}
	table := [][]string{head}
	for _, q := range s.Queues {
		row := []string{q.Step, q.Arrivals, fmt.Sprint(q.Servers), q.Service, fmt.Sprintf("%.0f%%", q.Utilisation*100)}
		if q.Stable {
			row = append(row, fmt.Sprintf("%.0f%%", q.PWait*100), fmtSeconds(q.MeanWaitSeconds), fmtSeconds(q.P90WaitSeconds))
		} else {
			row = append(row, "-", "unstable", "-")
		}
		row = append(row, fmt.Sprint(q.ServersNeeded))
		if target {
			row = append(row, fmt.Sprint(q.ServersForTarget))
		}
		table = append(table, row)
	}
	fmt.Fprintln(w)
	writeTable(w, table, []bool{false, true, true, true, true, true, true, true, true, true})
	fmt.Fprintln(w, "\nQueues follow the M/M/c model: random (Poisson) arrivals, exponential service times,\nfirst come first served, in steady state. An unstable queue grows without end.")
}
