package analysis

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"servicebp/blueprint"
)

// Principle is one of the ten principles of waiting psychology (Maister),
// with the name a wait point's "waiting" list uses to say it meets it.
type Principle struct {
	// Name is the condition's name in the file, one of
	// blueprint.WaitingConditions.
	Name string
	// Text states the principle in plain words.
	Text string
	// Advice says what meeting it looks like.
	Advice string
}

// Principles lists the ten principles, most effective to address first:
// unexplained and uncertain waits come first, the value of the service last.
var Principles = []Principle{
	{"explained", "unexplained waits feel longer than explained ones", "tell customers why they wait"},
	{"known-length", "uncertain waits feel longer than known, finite ones", "show how long the wait will be"},
	{"occupied", "idle waits feel longer than occupied ones", "give customers something to do or read"},
	{"reassured", "anxiety makes waits feel longer", "reassure customers that they are in the right place and will be served"},
	{"in-process", "pre- and post-process waits feel longer than in-process ones", "start the service while they wait, for example take details or hand out forms"},
	{"fair", "unfair waits feel longer than equitable ones", "serve in a visible, fair order such as a ticket or snake line"},
	{"comfortable", "uncomfortable waits feel longer than comfortable ones", "offer seats, shade, warmth and quiet"},
	{"group", "solo waits feel longer than group waits", "let people wait together"},
	{"familiar", "unfamiliar waits feel longer than familiar ones", "explain the process to first-time customers"},
	{"valued", "the more valuable the service, the longer people will wait", "make the value of what they wait for clear"},
}

// VisibleTag marks a step below the line of visibility that waiting
// customers can nevertheless see: staff or resources in the room.
const VisibleTag = "visible"

// isWaitPoint reports whether s is a wait point: it has a wait or a queue.
func isWaitPoint(s *blueprint.Step) bool { return s.Wait > 0 || !s.Queue.IsZero() }

// Unaddressed returns the principles wait point s does not say it meets,
// most effective first.
func Unaddressed(s *blueprint.Step) []Principle {
	var out []Principle
	for _, p := range Principles {
		if !slices.Contains(s.Waiting, p.Name) {
			out = append(out, p)
		}
	}
	return out
}

// principlesCited is how many unaddressed principles a finding states in
// full; the rest it names.
const principlesCited = 3

func checkWaitingPrinciples(c *checker) {
	for i := range c.x.d.Steps {
		s := &c.x.d.Steps[i]
		if !isWaitPoint(s) {
			continue
		}
		missing := Unaddressed(s)
		if len(missing) == 0 {
			continue
		}
		var cited []string
		for _, p := range missing[:min(principlesCited, len(missing))] {
			cited = append(cited, fmt.Sprintf("%s: %s (%s)", p.Text, p.Advice, p.Name))
		}
		msg := fmt.Sprintf("wait at %s leaves %d of the %d waiting principles unaddressed; first: %s",
			c.name(i), len(missing), len(Principles), strings.Join(cited, "; "))
		if len(missing) > principlesCited {
			var rest []string
			for _, p := range missing[principlesCited:] {
				rest = append(rest, p.Name)
			}
			msg += "; then " + strings.Join(rest, ", ")
		}
		c.stepFinding(i, msg)
	}
}

func checkStaffInSight(c *checker) {
	x := c.x
	if _, ok := x.lines[blueprint.LineVisibility]; !ok {
		return
	}
	// The customer wait points of each column, found once.
	waitsIn := map[string][]int{}
	for j := range x.d.Steps {
		if w := &x.d.Steps[j]; x.kindOf(j) == blueprint.LaneCustomer && isWaitPoint(w) {
			waitsIn[w.Column] = append(waitsIn[w.Column], j)
		}
	}
	for i := range x.d.Steps {
		s := &x.d.Steps[i]
		if x.side(blueprint.LineVisibility, i) <= 0 || !hasTag(s.Tags, VisibleTag) || len(waitsIn[s.Column]) == 0 {
			continue
		}
		var waits, ids []string
		for _, j := range waitsIn[s.Column] {
			waits = append(waits, c.name(j))
			ids = append(ids, x.d.Steps[j].ID)
		}
		c.stepFinding(i, fmt.Sprintf("%s is below the line of visibility but tagged %s, in column %s where customers wait at %s: keep staff and resources not serving customers out of their sight",
			c.name(i), VisibleTag, s.Column, strings.Join(waits, ", ")), ids...)
	}
}

func checkQueueOverloaded(c *checker) {
	for i := range c.x.d.Steps {
		s := &c.x.d.Steps[i]
		if s.Queue.IsZero() {
			continue
		}
		q := stepQueue(s.Queue, s.Queue.Servers, 0)
		if q.Stable {
			continue
		}
		c.stepFinding(i, fmt.Sprintf("queue at %s is overloaded: %s arrivals with %d servers taking %s each is a utilisation of %.0f%%, so the line grows without end; open at least %d servers",
			c.name(i), s.Queue.Arrivals, s.Queue.Servers, s.Queue.Service, q.Utilisation*100, q.ServersNeeded))
	}
}

// Thresholds of wait-off-estimate: a stated wait is reported when it is
// more than EstimateFactor times the model's mean wait or less than its
// 1/EstimateFactor, and the two differ by at least EstimateSlack.
const (
	EstimateFactor = 2
	EstimateSlack  = blueprint.Minute
)

// WaitOffEstimate reports whether a stated wait is far from the model's
// mean wait, both in seconds.
func WaitOffEstimate(stated, model float64) bool {
	lo, hi := min(stated, model), max(stated, model)
	return hi-lo >= float64(EstimateSlack) && hi > EstimateFactor*lo
}

func checkWaitEstimate(c *checker) {
	for i := range c.x.d.Steps {
		s := &c.x.d.Steps[i]
		if s.Queue.IsZero() || s.Wait <= 0 {
			continue
		}
		q := stepQueue(s.Queue, s.Queue.Servers, 0)
		if !q.Stable || !WaitOffEstimate(float64(s.Wait), q.MeanWait) {
			continue
		}
		c.stepFinding(i, fmt.Sprintf("stated wait of %s at %s is far from the queue model's mean wait of %s: check the wait, the arrivals, the servers or the service time",
			s.Wait, c.name(i), RoundDuration(q.MeanWait)))
	}
}

// RoundDuration rounds seconds to a whole-second Duration.
func RoundDuration(seconds float64) blueprint.Duration {
	if seconds <= 0 || math.IsNaN(seconds) {
		return 0
	}
	if seconds > float64(100*52*blueprint.Week) {
		return 100 * 52 * blueprint.Week
	}
	return blueprint.Duration(math.Round(seconds))
}

func checkFlowCycle(c *checker) {
	g := flowGraph(c.x)
	for _, cy := range g.cycles {
		f := c.x.d.Flows[cy.Flow]
		loop := strings.Join(append(slices.Clone(cy.Steps), cy.Steps[0]), " → ")
		msg := fmt.Sprintf("flows form a cycle %s: the critical path leaves out the flow from %s to %s", loop, f.From, f.To)
		if len(cy.Steps) == 1 {
			msg = fmt.Sprintf("flow from %s to itself forms a cycle: the critical path leaves it out", f.From)
		}
		i := c.x.step[cy.Steps[0]]
		c.emit(Finding{
			Message: msg,
			Step:    cy.Steps[0],
			Related: cy.Steps[1:],
			Lane:    c.x.d.Steps[i].Lane,
			Column:  c.x.d.Steps[i].Column,
			Flow:    &FlowRef{From: f.From, To: f.To},
			Pos:     f.Pos,
			seq:     c.flowSeq(cy.Flow),
		})
	}
}
