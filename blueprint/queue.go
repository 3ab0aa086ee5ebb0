package blueprint

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// QueueStructure is how a queue is organised in the room.
type QueueStructure string

// The queue structures: one line per server, one snake line feeding every
// server, and take-a-number.
const (
	StructureLines  QueueStructure = "lines"
	StructureSnake  QueueStructure = "snake"
	StructureTicket QueueStructure = "ticket"
)

// QueueStructures lists every queue structure.
var QueueStructures = []QueueStructure{StructureLines, StructureSnake, StructureTicket}

// MaxServers is the most servers a queue may have.
const MaxServers = 10000

// maxRateCount bounds the count of an arrival rate.
const maxRateCount = 1000000

// rateUnits are the units an arrival rate may be given per, in the order
// the format lists them.
var rateUnits = []struct {
	suffix string
	size   Duration
}{{"s", Second}, {"m", Minute}, {"h", Hour}, {"d", Day}}

// Rate is a mean arrival rate: Count arrivals per Per, written "30/h".
type Rate struct {
	Count int64
	// Per is one of Second, Minute, Hour and Day.
	Per Duration
}

// PerSecond returns the rate in arrivals per second.
func (r Rate) PerSecond() float64 {
	if r.Per <= 0 {
		return 0
	}
	return float64(r.Count) / float64(r.Per)
}

// String writes r in its canonical form, such as "30/h".
func (r Rate) String() string {
	for _, u := range rateUnits {
		if u.size == r.Per {
			return strconv.FormatInt(r.Count, 10) + "/" + u.suffix
		}
	}
	return strconv.FormatInt(r.Count, 10) + "/" + r.Per.String()
}

// ParseRate reads an arrival rate such as "30/h": a whole number of
// arrivals, a slash and one of the units s, m, h and d.
func ParseRate(s string) (Rate, error) {
	num, unit, ok := strings.Cut(s, "/")
	if !ok {
		return Rate{}, fmt.Errorf("invalid arrival rate %q: write a count per unit, for example 30/h", s)
	}
	if num == "" || len(num) > 7 || strings.Trim(num, "0123456789") != "" || (len(num) > 1 && num[0] == '0') {
		return Rate{}, fmt.Errorf("invalid arrival rate %q: the count must be a whole number, for example 30/h (write 0.5/m as 30/h)", s)
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		return Rate{}, fmt.Errorf("invalid arrival rate %q: %w", s, err)
	}
	if n == 0 {
		return Rate{}, fmt.Errorf("arrival rate %q is zero: a queue needs arrivals", s)
	}
	if n > maxRateCount {
		return Rate{}, fmt.Errorf("arrival rate %q is too large: at most %d per unit", s, maxRateCount)
	}
	for _, u := range rateUnits {
		if unit == u.suffix {
			return Rate{Count: n, Per: u.size}, nil
		}
	}
	return Rate{}, fmt.Errorf("invalid arrival rate %q: the unit after the slash is s, m, h or d", s)
}

// Queue is the queue at a wait point, for the M/M/c model (see
// docs/format.md): arrivals, the servers open and the mean service time.
// The zero Queue means the step has none.
type Queue struct {
	Arrivals Rate
	// Servers is how many counters, windows or agents serve the queue.
	Servers int
	// Service is the mean service time per customer.
	Service Duration
	// Structure is optional.
	Structure QueueStructure
}

// String describes q in one line, such as "30/h, 2 servers, 6m service,
// ticket"; the zero Queue is "".
func (q Queue) String() string {
	if q.IsZero() {
		return ""
	}
	s := fmt.Sprintf("%s, %d servers, %s service", q.Arrivals, q.Servers, q.Service)
	if q.Structure != "" {
		s += ", " + string(q.Structure)
	}
	return s
}

// ParseQueue reads the one-line form String writes, "27/h, 2 servers, 5m
// service" with an optional ", STRUCTURE", as a merge conflict records a
// queue. The result is checked like a queue block in a file.
func ParseQueue(s string) (Queue, error) {
	parts := strings.Split(s, ", ")
	if len(parts) != 3 && len(parts) != 4 {
		return Queue{}, fmt.Errorf("%q is not a queue such as \"30/h, 2 servers, 6m service\"", s)
	}
	var q Queue
	var err error
	if q.Arrivals, err = ParseRate(parts[0]); err != nil {
		return Queue{}, err
	}
	servers, ok := strings.CutSuffix(parts[1], " servers")
	if !ok {
		servers, ok = strings.CutSuffix(parts[1], " server")
	}
	if q.Servers, err = strconv.Atoi(servers); !ok || err != nil {
		return Queue{}, fmt.Errorf("%q is not a number of servers such as \"2 servers\"", parts[1])
	}
	service, ok := strings.CutSuffix(parts[2], " service")
	if !ok {
		return Queue{}, fmt.Errorf("%q is not a service time such as \"6m service\"", parts[2])
	}
	if q.Service, err = ParseDuration(service); err != nil {
		return Queue{}, err
	}
	if len(parts) == 4 {
		q.Structure = QueueStructure(parts[3])
	}
	if err := q.check(); err != nil {
		return Queue{}, err
	}
	return q, nil
}

// IsZero reports whether q is the zero Queue: the step has no queue.
func (q Queue) IsZero() bool { return q == Queue{} }

// check returns what is wrong with q, or nil.
func (q Queue) check() error {
	if q.IsZero() {
		return nil
	}
	switch {
	case q.Arrivals.Count <= 0 || q.Arrivals.Count > maxRateCount || !slices.ContainsFunc(rateUnits, func(u struct {
		suffix string
		size   Duration
	}) bool {
		return u.size == q.Arrivals.Per
	}):
		return fmt.Errorf("queue arrivals %s are out of range", q.Arrivals)
	case q.Servers < 1 || q.Servers > MaxServers:
		return fmt.Errorf("queue servers %d are out of range 1..%d", q.Servers, MaxServers)
	case q.Service <= 0 || q.Service > maxDuration:
		return fmt.Errorf("queue service time %s is out of range", q.Service)
	case q.Structure != "" && !slices.Contains(QueueStructures, q.Structure):
		return fmt.Errorf("unknown queue structure %q", q.Structure)
	}
	return nil
}

// WaitingConditions lists the names a wait point's "waiting" list may use,
// one per principle of waiting psychology, in the order docs/format.md
// gives them.
var WaitingConditions = []string{
	"occupied", "in-process", "reassured", "known-length", "explained",
	"fair", "valued", "group", "comfortable", "familiar",
}

// queueKeys are the keys of a queue block, in canonical order.
var queueKeys = []string{"arrivals", "servers", "service", "structure"}

// queue decodes a step's queue block.
func (d *decoder) queue(n *yaml.Node) (Queue, bool) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "queue must be a mapping with \"arrivals\", \"servers\" and \"service\", not %s", kindName(n))
		return Queue{}, false
	}
	before := len(d.errs)
	f := fields(d.mapping(n, queueKeys, "queue"))
	ok := len(d.errs) == before
	var q Queue
	if v, has := d.required(f, n, "arrivals", "a queue"); has {
		s, sok := d.str(v, "arrivals")
		if sok {
			r, err := ParseRate(s)
			if err != nil {
				d.errorf(v, "%v", err)
				sok = false
			}
			q.Arrivals = r
		}
		ok = ok && sok
	} else {
		ok = false
	}
	if v, has := d.required(f, n, "servers", "a queue"); has {
		c, cok := d.integer(v, "servers")
		if cok && (c < 1 || c > MaxServers) {
			d.errorf(v, "servers must be a whole number from 1 to %d, not %d", MaxServers, c)
			cok = false
		}
		q.Servers = c
		ok = ok && cok
	} else {
		ok = false
	}
	if v, has := d.required(f, n, "service", "a queue"); has {
		text, sok := d.str(v, "service")
		if sok {
			s, err := ParseDuration(text)
			switch {
			case err != nil:
				d.errorf(v, "service: %v", err)
				sok = false
			case s == 0:
				d.errorf(v, "service time must be longer than zero: give the mean time to serve one customer, for example 6m")
				sok = false
			}
			q.Service = s
		}
		ok = ok && sok
	} else {
		ok = false
	}
	if v, has := f.get("structure"); has {
		s, sok := d.str(v, "structure")
		if sok && !slices.Contains(QueueStructures, QueueStructure(s)) {
			d.errorf(v, "unknown queue structure %q%s", s, didYouMean(s, queueStructureNames()))
			sok = false
		}
		q.Structure = QueueStructure(s)
		ok = ok && sok
	}
	return q, ok
}

// waiting decodes a wait point's list of waiting conditions.
func (d *decoder) waiting(n *yaml.Node) ([]string, bool) {
	ok := true
	var names []string
	for _, item := range d.list(n, "waiting") {
		name, sok := d.str(item, "waiting item")
		switch {
		case !sok:
			ok = false
		case !slices.Contains(WaitingConditions, name):
			d.errorf(item, "unknown waiting condition %q%s", name, didYouMean(name, WaitingConditions))
			ok = false
		case slices.Contains(names, name):
			d.errorf(item, "waiting condition %q is listed twice", name)
			ok = false
		default:
			names = append(names, name)
		}
	}
	if n.Kind != yaml.SequenceNode && !isNull(n) {
		ok = false
	}
	return names, ok
}

// queueComments gathers the comments inside a queue block, which the
// canonical form keeps above the "queue" key.
func queueComments(n *yaml.Node) string {
	var c string
	for _, k := range n.Content {
		c = joinComments(c, joinComments(k.HeadComment, joinComments(k.LineComment, k.FootComment)))
	}
	return c
}

// withKeyComment returns m with key set to c, copying m so that a map
// shared with another step is never changed in place.
func withKeyComment(m map[string]KeyComment, key string, c KeyComment) map[string]KeyComment {
	out := make(map[string]KeyComment, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	out[key] = c
	return out
}

func queueStructureNames() []string {
	out := make([]string, len(QueueStructures))
	for i, s := range QueueStructures {
		out[i] = string(s)
	}
	return out
}

// queue writes a step's queue block.
func (e *emitter) queue(kc map[string]KeyComment, q Queue) {
	e.stepKey(kc, "queue")
	e.buf.Truncate(e.buf.Len() - 1) // "queue:" takes no value on its line
	e.lineComment(kc["queue"].Line)
	e.buf.WriteString("      arrivals: ")
	e.buf.WriteString(q.Arrivals.String())
	e.buf.WriteString("\n      servers: ")
	e.buf.WriteString(strconv.Itoa(q.Servers))
	e.buf.WriteString("\n      service: ")
	e.buf.WriteString(q.Service.String())
	e.buf.WriteByte('\n')
	if q.Structure != "" {
		e.buf.WriteString("      structure: ")
		e.buf.WriteString(string(q.Structure))
		e.buf.WriteByte('\n')
	}
}

// queueDifference describes how the queue and waiting conditions read back
// differ from those given, or "".
func queueDifference(want, got *Step) string {
	switch {
	case got.Queue != want.Queue:
		return fmt.Sprintf("queue %+v instead of %+v", got.Queue, want.Queue)
	case !slices.Equal(got.Waiting, want.Waiting):
		return fmt.Sprintf("waiting %q instead of %q", got.Waiting, want.Waiting)
	}
	return ""
}

// checkWaiting returns what is wrong with a list of waiting conditions.
func checkWaiting(names []string) error {
	for i, name := range names {
		if !slices.Contains(WaitingConditions, name) {
			return fmt.Errorf("unknown waiting condition %q", name)
		}
		if slices.Contains(names[:i], name) {
			return fmt.Errorf("waiting condition %q is listed twice", name)
		}
	}
	return nil
}
