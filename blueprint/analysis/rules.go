package analysis

import (
	"fmt"
	"strconv"
	"strings"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
)

// Rule describes one lint rule.
type Rule struct {
	// ID is how the rule is named in findings, in lint.disable and in
	// --disable.
	ID string
	// Severity is the severity of the rule's findings.
	Severity Severity
	// Summary says in one line what the rule reports.
	Summary string

	check func(c *checker)
}

// The rule ids.
const (
	RuleTouchpointWithoutEvidence = "touchpoint-without-evidence"
	RuleFrontstageUnsupported     = "frontstage-unsupported"
	RuleCustomerStepAlone         = "customer-step-alone"
	RuleFailPointWithoutOwner     = "fail-point-without-owner"
	RuleFailPointWithoutRecovery  = "fail-point-without-recovery"
	RuleLongWait                  = "long-wait"
	RuleVisibilityLeak            = "visibility-leak"
	RuleDanglingFlow              = "dangling-flow"
	RuleEmptyLane                 = "empty-lane"
	RuleEmptyColumn               = "empty-column"
	RuleOrphanStep                = "orphan-step"
	RuleTextTooLong               = "text-too-long-for-projection"
	RuleUnknownRule               = "unknown-rule"
	RuleQueueOverloaded           = "queue-overloaded"
	RuleWaitOffEstimate           = "wait-off-estimate"
	RuleWaitingPrinciples         = "waiting-principles"
	RuleStaffInSight              = "staff-in-sight"
	RuleFlowCycle                 = "flow-cycle"
	RuleUnresolvedConflict        = "unresolved-conflict"
)

// SelfServiceTag is the tag that marks a customer step done without staff,
// so customer-step-alone does not report it.
const SelfServiceTag = "self-service"

// rules is every rule in run order; it is set in init because the
// unknown-rule check refers back to it.
var rules []Rule

func init() {
	rules = []Rule{
		{RuleTouchpointWithoutEvidence, Warning, "a customer step with a flow across the line of interaction and no physical evidence in its column", checkTouchpointEvidence},
		{RuleFrontstageUnsupported, Warning, "a frontstage step with no flow to or from a step below the line of visibility", checkFrontstageUnsupported},
		{RuleCustomerStepAlone, Warning, "a customer step with no frontstage step in its column, not tagged self-service", checkCustomerAlone},
		{RuleFailPointWithoutOwner, Warning, "a fail point with no owner", checkFailOwner},
		{RuleFailPointWithoutRecovery, Warning, "a fail point with no recovery", checkFailRecovery},
		{RuleLongWait, Warning, "a wait longer than the long-wait threshold (default 10m)", checkLongWait},
		{RuleVisibilityLeak, Warning, "a flow from below the line of visibility straight to a customer step, skipping the frontstage", checkVisibilityLeak},
		{RuleDanglingFlow, Error, "a flow from or to a step that does not exist", checkDanglingFlow},
		{RuleEmptyLane, Info, "a lane with no steps", checkEmptyLane},
		{RuleEmptyColumn, Warning, "a column with no steps", checkEmptyColumn},
		{RuleOrphanStep, Info, "a step outside the evidence lanes with no flows", checkOrphanStep},
		{RuleTextTooLong, Info, fmt.Sprintf("card text wider than %d characters (CJK count two) or longer than %d lines", MaxProjectionWidth, MaxProjectionLines), checkTextTooLong},
		{RuleQueueOverloaded, Error, "a queue whose arrivals exceed what its servers can serve (utilisation of 100% or more)", checkQueueOverloaded},
		{RuleWaitOffEstimate, Warning, "a stated wait more than twice or less than half the queue model's mean wait (and at least a minute off)", checkWaitEstimate},
		{RuleWaitingPrinciples, Info, "a wait point that leaves principles of waiting psychology unaddressed, most effective first", checkWaitingPrinciples},
		{RuleStaffInSight, Warning, "a step below the line of visibility tagged visible, in a column where customers wait", checkStaffInSight},
		{RuleFlowCycle, Warning, "flows that form a cycle, which the critical path leaves out", checkFlowCycle},
		{RuleUnresolvedConflict, Error, "a merge conflict servicebp merge recorded in the conflicts section and nobody resolved yet", checkConflicts},
		{RuleUnknownRule, Warning, "lint.disable in the file names a rule that does not exist", checkUnknownRule},
	}
}

// Rules returns every rule, in the order they run.
func Rules() []Rule {
	out := make([]Rule, len(rules))
	copy(out, rules)
	return out
}

// RuleIDs returns the id of every rule, in the order they run.
func RuleIDs() []string {
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	return ids
}

// IsRule reports whether id names a rule.
func IsRule(id string) bool {
	for _, r := range rules {
		if r.ID == id {
			return true
		}
	}
	return false
}

// checker runs the rules over one document and collects their findings.
type checker struct {
	x        *index
	longWait blueprint.Duration
	rule     Rule
	out      []Finding
}

func (c *checker) emit(f Finding) {
	f.Rule = c.rule.ID
	f.Severity = c.rule.Severity
	f.Message = f.Msg.String()
	c.out = append(c.out, f)
}

// The seq of an element orders findings that have no source position:
// lanes, then columns, then steps, then flows.
func (c *checker) laneSeq(i int) int { return i }
func (c *checker) colSeq(i int) int  { return len(c.x.d.Lanes) + i }
func (c *checker) stepSeq(i int) int { return len(c.x.d.Lanes) + len(c.x.d.Columns) + i }
func (c *checker) flowSeq(i int) int {
	return len(c.x.d.Lanes) + len(c.x.d.Columns) + len(c.x.d.Steps) + i
}

// stepFinding emits a finding about step i.
func (c *checker) stepFinding(i int, msg i18n.Message, related ...string) {
	s := &c.x.d.Steps[i]
	c.emit(Finding{Msg: msg, Step: s.ID, Related: related, Lane: s.Lane, Column: s.Column, Pos: s.Pos, seq: c.stepSeq(i)})
}

// name names step i in a message: its id and the first line of its text,
// as the message lint.step (the text quoted, in English, as Go quotes it).
func (c *checker) name(i int) any {
	s := &c.x.d.Steps[i]
	t := shorten(s.Text, 40)
	if t == "" {
		return s.ID
	}
	return i18n.M("lint.step", "id", s.ID, "text", t, "quoted", strconv.Quote(t))
}

// list joins items with the translated ", ".
func list(items []any) i18n.List { return i18n.List{Sep: ", ", Items: items} }

// shorten returns the first line of text, cut to at most n characters.
func shorten(text string, n int) string {
	text = strings.TrimSpace(text)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = strings.TrimSpace(text[:i]) + "…"
	}
	r := []rune(text)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return text
}

func (c *checker) hasKind(k blueprint.LaneKind) bool { return c.x.hasKind&kindBit(k) != 0 }

func (c *checker) columnHas(i int, k blueprint.LaneKind) (has, known bool) {
	ci, ok := c.x.col[c.x.d.Steps[i].Column]
	if !ok {
		return false, false
	}
	return c.x.colKinds[ci]&kindBit(k) != 0, true
}

func checkTouchpointEvidence(c *checker) {
	x := c.x
	if _, ok := x.lines[blueprint.LineInteraction]; !ok || !c.hasKind(blueprint.LaneEvidence) {
		return
	}
	for i := range x.d.Steps {
		if x.kindOf(i) != blueprint.LaneCustomer {
			continue
		}
		if has, known := c.columnHas(i, blueprint.LaneEvidence); has || !known {
			continue
		}
		var partners []any
		var ids []string
		for _, fi := range x.flowsOf[i] {
			if j, ok := x.other(fi, i); ok && x.crosses(blueprint.LineInteraction, i, j) {
				partners = append(partners, c.name(j))
				ids = append(ids, x.d.Steps[j].ID)
			}
		}
		if len(partners) == 0 {
			continue
		}
		c.stepFinding(i, i18n.M("lint.touchpoint-without-evidence", "step", c.name(i), "partners", list(partners), "column", x.d.Steps[i].Column), ids...)
	}
}

func checkFrontstageUnsupported(c *checker) {
	x := c.x
	if _, ok := x.lines[blueprint.LineVisibility]; !ok {
		return
	}
	for i := range x.d.Steps {
		if x.kindOf(i) != blueprint.LaneFrontstage {
			continue
		}
		supported := false
		for _, fi := range x.flowsOf[i] {
			if j, ok := x.other(fi, i); ok && x.crosses(blueprint.LineVisibility, i, j) {
				supported = true
				break
			}
		}
		if !supported {
			c.stepFinding(i, i18n.M("lint.frontstage-unsupported", "step", c.name(i)))
		}
	}
}

func checkCustomerAlone(c *checker) {
	x := c.x
	if !c.hasKind(blueprint.LaneFrontstage) {
		return
	}
	for i, s := range x.d.Steps {
		if x.kindOf(i) != blueprint.LaneCustomer || hasTag(s.Tags, SelfServiceTag) {
			continue
		}
		if has, known := c.columnHas(i, blueprint.LaneFrontstage); has || !known {
			continue
		}
		c.stepFinding(i, i18n.M("lint.customer-step-alone", "step", c.name(i), "column", s.Column, "tag", SelfServiceTag))
	}
}

func hasTag(tags []string, tag string) bool {
	for _, t := range tags {
		if strings.EqualFold(strings.TrimSpace(t), tag) {
			return true
		}
	}
	return false
}

// isFail reports whether s is a fail point.
func isFail(s blueprint.Step) bool { return strings.TrimSpace(s.Fail) != "" }

func checkFailOwner(c *checker) {
	for i, s := range c.x.d.Steps {
		if isFail(s) && strings.TrimSpace(s.Owner) == "" {
			c.stepFinding(i, i18n.M("lint.fail-point-without-owner", "step", c.name(i), "fail", shorten(s.Fail, 40)))
		}
	}
}

func checkFailRecovery(c *checker) {
	for i, s := range c.x.d.Steps {
		if isFail(s) && strings.TrimSpace(s.Recovery) == "" {
			c.stepFinding(i, i18n.M("lint.fail-point-without-recovery", "step", c.name(i), "fail", shorten(s.Fail, 40)))
		}
	}
}

func checkLongWait(c *checker) {
	for i, s := range c.x.d.Steps {
		if s.Wait > c.longWait {
			c.stepFinding(i, i18n.M("lint.long-wait", "wait", s.Wait.String(), "step", c.name(i), "limit", c.longWait.String()))
		}
	}
}

func checkVisibilityLeak(c *checker) {
	x := c.x
	if _, ok := x.lines[blueprint.LineVisibility]; !ok {
		return
	}
	for fi, f := range x.d.Flows {
		a, b, ok := x.ends(fi)
		if !ok {
			continue
		}
		cust, hidden := -1, -1
		switch {
		case x.kindOf(b) == blueprint.LaneCustomer && x.side(blueprint.LineVisibility, a) > 0:
			cust, hidden = b, a
		case f.TwoWay && x.kindOf(a) == blueprint.LaneCustomer && x.side(blueprint.LineVisibility, b) > 0:
			cust, hidden = a, b
		default:
			continue
		}
		c.emit(Finding{
			Msg:     i18n.M("lint.visibility-leak", "from", c.name(a), "to", c.name(b)),
			Step:    x.d.Steps[cust].ID,
			Related: []string{x.d.Steps[hidden].ID},
			Lane:    x.d.Steps[cust].Lane,
			Column:  x.d.Steps[cust].Column,
			Flow:    &FlowRef{From: f.From, To: f.To},
			Pos:     f.Pos,
			seq:     c.flowSeq(fi),
		})
	}
}

func checkDanglingFlow(c *checker) {
	x := c.x
	for fi, f := range x.d.Flows {
		var missing []string
		for _, id := range []string{f.From, f.To} {
			if _, ok := x.step[id]; !ok {
				missing = append(missing, strconv.Quote(id))
			}
		}
		if len(missing) == 0 {
			continue
		}
		msg := i18n.M("lint.dangling-flow", "from", strconv.Quote(f.From), "to", strconv.Quote(f.To), "missing", missing[0])
		if len(missing) > 1 {
			msg = i18n.M("lint.dangling-flow.both", "from", strconv.Quote(f.From), "to", strconv.Quote(f.To))
		}
		c.emit(Finding{
			Msg:  msg,
			Flow: &FlowRef{From: f.From, To: f.To},
			Pos:  f.Pos,
			seq:  c.flowSeq(fi),
		})
	}
}

func checkEmptyLane(c *checker) {
	if len(c.x.d.Steps) == 0 {
		return // a blueprint just begun: every lane is empty, none is a problem
	}
	for i, l := range c.x.d.Lanes {
		if c.x.laneSteps[i] == 0 {
			c.emit(Finding{Msg: i18n.M("lint.empty-lane", "lane", l.ID, "name", l.Name), Lane: l.ID, Pos: l.Pos, seq: c.laneSeq(i)})
		}
	}
}

func checkEmptyColumn(c *checker) {
	if len(c.x.d.Steps) == 0 {
		return
	}
	for i, col := range c.x.d.Columns {
		if c.x.colSteps[i] != 0 {
			continue
		}
		msg := i18n.M("lint.empty-column", "column", col.ID)
		if col.Name != "" {
			msg = i18n.M("lint.empty-column.named", "column", col.ID, "name", col.Name)
		}
		c.emit(Finding{Msg: msg, Column: col.ID, Pos: col.Pos, seq: c.colSeq(i)})
	}
}

func checkOrphanStep(c *checker) {
	x := c.x
	for i := range x.d.Steps {
		if len(x.flowsOf[i]) == 0 && x.kindOf(i) != blueprint.LaneEvidence {
			c.stepFinding(i, i18n.M("lint.orphan-step", "step", c.name(i)))
		}
	}
}

func checkUnknownRule(c *checker) {
	for _, id := range c.x.d.Lint.Disable {
		if IsRule(id) {
			continue
		}
		msg := i18n.M("lint.unknown-rule", "rule", strconv.Quote(id))
		if s := Suggest(id); s != "" {
			msg = i18n.M("lint.unknown-rule.suggest", "rule", strconv.Quote(id), "suggestion", strconv.Quote(s))
		}
		c.emit(Finding{Msg: msg, seq: -1})
	}
}

// Suggest returns the rule id closest to id when it is a likely misspelling,
// or "".
func Suggest(id string) string {
	best, bestD := "", 4
	for _, r := range rules {
		if d := distance(id, r.ID); d < bestD {
			best, bestD = r.ID, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
