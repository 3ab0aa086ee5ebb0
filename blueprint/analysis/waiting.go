package analysis

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
)

// Principle is one of the ten principles of waiting psychology (Maister),
// with the name a wait point's "waiting" list uses to say it meets it.
type Principle struct {
	// Name is the condition's name in the file, one of
	// blueprint.WaitingConditions.
	Name string
}

// Text states the principle in plain words, in l. Its catalogue key is
// waiting.<name>.
func (p Principle) Text(l i18n.Lang) string { return l.T(p.textKey()) }

// Advice says what meeting the principle looks like, in l. Its catalogue
// key is waiting.<name>.advice.
func (p Principle) Advice(l i18n.Lang) string { return l.T(p.adviceKey()) }

func (p Principle) textKey() string   { return "waiting." + p.Name }
func (p Principle) adviceKey() string { return "waiting." + p.Name + ".advice" }

// message is the principle as one item of the waiting-principles finding.
func (p Principle) message() i18n.Message {
	return i18n.M("lint.principle", "text", i18n.M(p.textKey()), "advice", i18n.M(p.adviceKey()), "name", p.Name)
}

// Principles lists the ten principles, most effective to address first:
// unexplained and uncertain waits come first, the value of the service last.
var Principles = []Principle{
	{"explained"}, {"known-length"}, {"occupied"}, {"reassured"}, {"in-process"},
	{"fair"}, {"comfortable"}, {"group"}, {"familiar"}, {"valued"},
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
		var cited []any
		for _, p := range missing[:min(principlesCited, len(missing))] {
			cited = append(cited, p.message())
		}
		first := i18n.List{Sep: "; ", Items: cited}
		msg := i18n.M("lint.waiting-principles", "step", c.name(i), "count", len(missing), "total", len(Principles), "first", first)
		if len(missing) > principlesCited {
			var rest []any
			for _, p := range missing[principlesCited:] {
				rest = append(rest, p.Name)
			}
			msg = i18n.M("lint.waiting-principles.more", "step", c.name(i), "count", len(missing), "total", len(Principles), "first", first, "rest", list(rest))
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
		var waits []any
		var ids []string
		for _, j := range waitsIn[s.Column] {
			waits = append(waits, c.name(j))
			ids = append(ids, x.d.Steps[j].ID)
		}
		c.stepFinding(i, i18n.M("lint.staff-in-sight", "step", c.name(i), "tag", VisibleTag, "column", s.Column, "waits", list(waits)), ids...)
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
		c.stepFinding(i, i18n.M("lint.queue-overloaded", "step", c.name(i), "arrivals", s.Queue.Arrivals.String(), "servers", s.Queue.Servers,
			"service", s.Queue.Service.String(), "load", fmt.Sprintf("%.0f", q.Utilisation*100), "needed", q.ServersNeeded))
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
		c.stepFinding(i, i18n.M("lint.wait-off-estimate", "wait", s.Wait.String(), "step", c.name(i), "model", RoundDuration(q.MeanWait).String()))
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
		msg := i18n.M("lint.flow-cycle", "loop", loop, "from", f.From, "to", f.To)
		if len(cy.Steps) == 1 {
			msg = i18n.M("lint.flow-cycle.self", "from", f.From)
		}
		i := c.x.step[cy.Steps[0]]
		c.emit(Finding{
			Msg:     msg,
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
