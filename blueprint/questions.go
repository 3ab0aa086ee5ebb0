package blueprint

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// MaxVotes is the most dot votes a step may carry. A workshop hands out a
// few stickers per person, so a larger count is a typing mistake; it also
// keeps the vote badge on a card to three digits.
const MaxVotes = 999

// QuestionKind says what a parking-lot entry is.
type QuestionKind string

// The question kinds. QuestionOpen is the default and is not written.
const (
	QuestionOpen   QuestionKind = "question"
	QuestionIdea   QuestionKind = "idea"
	QuestionAction QuestionKind = "action"
)

// QuestionKinds lists every question kind, the default first.
var QuestionKinds = []QuestionKind{QuestionOpen, QuestionIdea, QuestionAction}

// Question is one entry of the parking lot: an open question, an idea or
// an action raised in a workshop. Its text identifies it: two entries of
// one blueprint never have the same text.
type Question struct {
	Text string
	// Step, when not empty, is the id of the step the entry is about.
	Step string
	// Owner is who takes the entry away from the workshop.
	Owner string
	// Kind is idea or action; empty (or QuestionOpen) for a question,
	// which the loader gives as empty.
	Kind    QuestionKind
	Comment string
	Pos     Pos
}

// questionKeys are the keys of one questions entry, in canonical order.
var questionKeys = []string{"text", "step", "owner", "kind"}

// KindOrDefault is q's kind, QuestionOpen when it is not set.
func (q Question) KindOrDefault() QuestionKind {
	if q.Kind == "" {
		return QuestionOpen
	}
	return q.Kind
}

// QuestionIndex returns the index of the question whose text is text, or
// -1.
func (d *Document) QuestionIndex(text string) int {
	return slices.IndexFunc(d.Questions, func(q Question) bool { return q.Text == text })
}

// TotalVotes is the sum of the votes of every step.
func (d *Document) TotalVotes() int {
	n := 0
	for _, s := range d.Steps {
		n += s.Votes
	}
	return n
}

// votes decodes a step's vote count.
func (d *decoder) votes(n *yaml.Node) (int, bool) {
	number := n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float")
	if !number || !decimalRE.MatchString(n.Value) {
		what := kindName(n)
		if number {
			what = n.Value
		}
		d.errorf(n, "votes must be a whole number of dot votes from 0 to %d, not %s", MaxVotes, what)
		return 0, false
	}
	if strings.HasPrefix(n.Value, "-") && n.Value != "-0" {
		d.errorf(n, "votes cannot be negative (%s); use 0 or remove the key", n.Value)
		return 0, false
	}
	v := 0
	for _, r := range strings.TrimLeft(n.Value, "+-") {
		v = v*10 + int(r-'0')
		if v > MaxVotes {
			d.errorf(n, "votes must be at most %d, not %s", MaxVotes, n.Value)
			return 0, false
		}
	}
	return v, true
}

// questions decodes the "questions" section.
func (d *decoder) questions(n *yaml.Node) []Question {
	var out []Question
	for _, item := range d.list(n, "questions") {
		f, ok := d.item(item, questionKeys, "question")
		if !ok {
			continue
		}
		q := Question{Comment: itemComment(item), Pos: pos(item)}
		if v, has := d.required(f, item, "text", "a question"); has {
			q.Text, ok = d.str(v, "text")
			if ok && strings.TrimSpace(q.Text) == "" {
				d.errorf(v, "a question's text cannot be empty")
				ok = false
			}
		} else {
			ok = false
		}
		if v, has := f.get("step"); has {
			var sok bool
			q.Step, sok = d.id(v, "step")
			ok = ok && sok
		}
		if v, has := f.get("owner"); has {
			var sok bool
			q.Owner, sok = d.str(v, "owner")
			ok = ok && sok
		}
		if v, has := f.get("kind"); has {
			k, kok := d.str(v, "kind")
			if kok && !slices.Contains(QuestionKinds, QuestionKind(k)) {
				d.errorf(v, "unknown question kind %q%s", k, didYouMean(k, questionKindNames()))
				kok = false
			}
			if QuestionKind(k) != QuestionOpen {
				q.Kind = QuestionKind(k) // the default is kept as ""
			}
			ok = ok && kok
		}
		if ok {
			out = append(out, q)
		}
	}
	return out
}

func questionKindNames() []string {
	out := make([]string, len(QuestionKinds))
	for i, k := range QuestionKinds {
		out[i] = string(k)
	}
	return out
}

// encodeQuestion is the flow mapping of one questions entry; empty values
// and the default kind are left out.
func encodeQuestion(q Question) []kv {
	m := []kv{{key: "text", value: q.Text}}
	if q.Step != "" {
		m = append(m, kv{key: "step", value: q.Step})
	}
	if q.Owner != "" {
		m = append(m, kv{key: "owner", value: q.Owner})
	}
	if q.Kind != "" && q.Kind != QuestionOpen {
		m = append(m, kv{key: "kind", value: string(q.Kind)})
	}
	return m
}

// emitQuestions writes the "questions" section, if d has one.
func (e *emitter) emitQuestions(d *Document) {
	if len(d.Questions) == 0 {
		return
	}
	e.mark(element{kind: elKey, a: "questions"})
	e.topKey(d, "questions")
	for i, q := range d.Questions {
		e.mark(element{kind: elQuestion, a: q.Text, b: fmt.Sprint(i + 1)})
		e.flowItem(q.Comment, encodeQuestion(q))
	}
}

// questionsDifference compares the questions written with those read
// back.
func questionsDifference(want, got []Question) (element, string) {
	if len(got) != len(want) {
		return element{kind: elKey, a: "questions"}, fmt.Sprintf("%d questions instead of %d", len(got), len(want))
	}
	for i, q := range want {
		g := got[i]
		if what := fieldsDiff("text", g.Text, q.Text, "step", g.Step, q.Step, "owner", g.Owner, q.Owner,
			"kind", string(g.KindOrDefault()), string(q.KindOrDefault())); what != "" {
			return element{kind: elQuestion, a: q.Text, b: fmt.Sprint(i + 1)}, what
		}
	}
	return element{}, ""
}
