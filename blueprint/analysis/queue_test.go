package analysis

import (
	"math"
	"strings"
	"testing"

	"servicebp/blueprint"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// TestErlangCHandComputed checks the model against values worked out by
// hand from the Erlang C formula
//
//	C(c, a) = (aᶜ/c! · 1/(1−ρ)) / (Σ_{k<c} aᵏ/k! + aᶜ/c! · 1/(1−ρ)),  a = λ/μ, ρ = a/c
//
// with Wq = C/(cμ−λ) and the 90th percentile ln(C/0.1)/(cμ−λ).
func TestErlangCHandComputed(t *testing.T) {
	perHour := func(n float64) float64 { return n / 3600 }
	for _, tc := range []struct {
		name                string
		lambda              float64 // per second
		service             float64 // seconds
		c                   int
		rho, pWait, wq, p90 float64
		stable              bool
		needed              int
	}{
		// λ = 30/h, 6 min service: a = 3.
		// c = 4: Σ = 1+3+4.5+4.5 = 13, a⁴/4!/(1−0.75) = 3.375/0.25 = 13.5,
		// C = 13.5/26.5 = 0.50943, Wq = 0.50943/(4/6−1/2) min = 3.0566 min.
		{"30/h 6m c=4", perHour(30), 360, 4, 0.75, 0.509434, 183.396, 586.127, true, 4},
		// c = 5: Σ = 16.375, a⁵/5!/0.4 = 5.0625, C = 0.236152,
		// Wq = 0.236152/(1/3) min = 0.70846 min.
		{"30/h 6m c=5", perHour(30), 360, 5, 0.6, 0.236152, 42.507, 154.675, true, 4},
		// M/M/1: C = ρ = 0.5, Wq = ρ/(μ−λ) = 0.5/(1−0.5) min = 1 min.
		{"30/h 1m c=1", perHour(30), 60, 1, 0.5, 0.5, 60, 193.133, true, 1},
		// ρ = 1 and ρ > 1: unstable, 4 servers needed.
		{"30/h 6m c=3", perHour(30), 360, 3, 1, 0, 0, 0, false, 4},
		{"30/h 6m c=2", perHour(30), 360, 2, 1.5, 0, 0, 0, false, 4},
		// The bank counter: 27/h, 5 min, two windows: a = 2.25, ρ = 1.125.
		{"27/h 5m c=2", perHour(27), 300, 2, 1.125, 0, 0, 0, false, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := MMc(tc.lambda, 1/tc.service, tc.c, 0)
			if !near(q.Utilisation, tc.rho, 1e-9) || q.Stable != tc.stable || q.ServersNeeded != tc.needed {
				t.Fatalf("got %+v", q)
			}
			if !near(q.PWait, tc.pWait, 1e-6) || !near(q.MeanWait, tc.wq, 1e-3) || !near(q.P90Wait, tc.p90, 1e-3) {
				t.Errorf("P(wait) %.6f Wq %.3f p90 %.3f, want %.6f %.3f %.3f", q.PWait, q.MeanWait, q.P90Wait, tc.pWait, tc.wq, tc.p90)
			}
		})
	}
}

func TestErlangCEdges(t *testing.T) {
	if c := ErlangC(3, 0); c != 0 {
		t.Errorf("no load: %v", c)
	}
	if c := ErlangC(3, 3); c != 1 {
		t.Errorf("a = c: %v", c)
	}
	// Thousands of servers stay finite (a naive aᶜ/c! overflows).
	if c := ErlangC(5000, 4900); math.IsNaN(c) || c <= 0 || c >= 1 {
		t.Errorf("large: %v", c)
	}
	if q := MMc(0, 1, 1, 0); q.Stable || q.Utilisation != 0 {
		t.Errorf("no arrivals: %+v", q)
	}
}

func TestServersForTarget(t *testing.T) {
	// 30/h, 6 min: 4 servers wait 3m03s on average, 5 servers 43s. A
	// 5-minute target needs 4, a 1-minute target 5.
	for _, tc := range []struct {
		target blueprint.Duration
		want   int
	}{{5 * blueprint.Minute, 4}, {blueprint.Minute, 5}, {184 * blueprint.Second, 4}, {183 * blueprint.Second, 5}} {
		q := MMc(30.0/3600, 1.0/360, 2, float64(tc.target))
		if q.ServersForTarget != tc.want {
			t.Errorf("target %v: %d servers, want %d", tc.target, q.ServersForTarget, tc.want)
		}
	}
}

func queueDoc(wait blueprint.Duration, servers int) *blueprint.Document {
	s := st("line", "customer", "c1", "Wait in line")
	s.Wait = wait
	s.Queue = blueprint.Queue{Arrivals: blueprint.Rate{Count: 30, Per: blueprint.Hour}, Servers: servers, Service: 6 * blueprint.Minute}
	return mk([]blueprint.Step{s})
}

func findingOf(fs []Finding, rule string) *Finding {
	for i := range fs {
		if fs[i].Rule == rule {
			return &fs[i]
		}
	}
	return nil
}

func TestComputeQueuesWhatIf(t *testing.T) {
	d := queueDoc(3*blueprint.Minute, 2)
	qs := ComputeQueues(d, QueueOptions{})
	if len(qs) != 1 || qs[0].Step != "line" || qs[0].Stable || qs[0].Servers != 2 {
		t.Fatalf("queues = %+v", qs)
	}
	qs = ComputeQueues(d, QueueOptions{Servers: map[string]int{"line": 4}, TargetWait: blueprint.Minute})
	if !qs[0].Stable || qs[0].Servers != 4 || !near(qs[0].MeanWait, 183.396, 1e-3) || qs[0].ServersForTarget != 5 {
		t.Errorf("what-if = %+v", qs[0])
	}
}

func TestQueueOverloadedRule(t *testing.T) {
	f := findingOf(Lint(queueDoc(0, 2), Options{}), RuleQueueOverloaded)
	if f == nil || f.Severity != Error || !strings.Contains(f.Message, "utilisation of 150%") || !strings.Contains(f.Message, "open at least 4 servers") {
		t.Fatalf("overloaded finding = %+v", f)
	}
	if f := findingOf(Lint(queueDoc(0, 4), Options{}), RuleQueueOverloaded); f != nil {
		t.Errorf("stable queue reported: %+v", f)
	}
}

func TestWaitOffEstimateRule(t *testing.T) {
	// The model says 3m03s with 4 servers.
	for _, tc := range []struct {
		wait blueprint.Duration
		fire bool
	}{{3 * blueprint.Minute, false}, {6 * blueprint.Minute, false}, {7 * blueprint.Minute, true}, {95 * blueprint.Second, false}, {80 * blueprint.Second, true}} {
		f := findingOf(Lint(queueDoc(tc.wait, 4), Options{}), RuleWaitOffEstimate)
		if (f != nil) != tc.fire {
			t.Errorf("wait %v: finding %+v, want fired %v", tc.wait, f, tc.fire)
		}
		if f != nil && !strings.Contains(f.Message, tc.wait.String()) || f != nil && !strings.Contains(f.Message, "mean wait of 3m3s") {
			t.Errorf("wait %v: message %q names not both waits", tc.wait, f.Message)
		}
	}
	// Within a minute of the model it is never reported.
	if !WaitOffEstimate(0, 59) && WaitOffEstimate(0, 61) {
		return
	}
	t.Error("WaitOffEstimate slack")
}
