package blueprint

import (
	"fmt"
	"slices"

	"gopkg.in/yaml.v3"
)

func (d *decoder) lane(n *yaml.Node) (Lane, bool) {
	f, ok := d.item(n, laneKeys, "lane")
	if !ok {
		return Lane{}, false
	}
	l := Lane{Comment: itemComment(n), Pos: pos(n)}
	v, ok := d.required(f, n, "id", "a lane")
	if ok {
		l.ID, ok = d.id(v, "id")
	}
	if v, has := f.get("kind"); has {
		k, kok := d.str(v, "kind")
		l.Kind = LaneKind(k)
		if kok && !slices.Contains(LaneKinds, l.Kind) {
			d.errorf(v, "unknown lane kind %q%s", k, didYouMean(k, laneKindNames()))
			kok = false
		}
		ok = ok && kok
	} else {
		l.Kind = defaultLaneKind(l.ID)
	}
	if v, has := f.get("name"); has {
		l.Name, _ = d.str(v, "name")
	}
	if l.Name == "" {
		l.Name = defaultLaneName(l)
	}
	return l, ok
}

func (d *decoder) line(n *yaml.Node) (Line, bool) {
	f, ok := d.item(n, lineKeys, "line")
	if !ok {
		return Line{}, false
	}
	l := Line{Comment: itemComment(n), Pos: pos(n)}
	if v, has := f.get("id"); has {
		l.ID, ok = d.id(v, "id")
	}
	if v, has := f.get("kind"); has {
		k, kok := d.str(v, "kind")
		l.Kind = LineKind(k)
		if kok && !slices.Contains(LineKinds, l.Kind) {
			d.errorf(v, "unknown line kind %q%s", k, didYouMean(k, lineKindNames()))
			kok = false
		}
		ok = ok && kok
	} else if l.ID != "" {
		l.Kind = defaultLineKind(l.ID)
	}
	if l.ID == "" && ok {
		if l.Kind == "" || l.Kind == LineCustom {
			d.errorf(n, "a line needs an \"id\" or a \"kind\" (interaction, visibility or internal)")
			ok = false
		} else {
			l.ID = string(l.Kind)
		}
	}
	if v, has := f.get("name"); has {
		l.Name, _ = d.str(v, "name")
	}
	if l.Name == "" {
		l.Name = defaultLineName(l)
	}
	if v, has := d.required(f, n, "below", "a line"); has {
		var bok bool
		l.Below, bok = d.id(v, "below")
		ok = ok && bok
	} else {
		ok = false
	}
	l.Style = DefaultStyle(l.Kind)
	if v, has := f.get("style"); has {
		s, sok := d.str(v, "style")
		if sok && !slices.Contains(LineStyles, LineStyle(s)) {
			d.errorf(v, "unknown line style %q%s", s, didYouMean(s, lineStyleNames()))
			sok = false
		}
		if sok {
			l.Style = LineStyle(s)
		}
		ok = ok && sok
	}
	return l, ok
}

func (d *decoder) column(n *yaml.Node) (Column, bool) {
	f, ok := d.item(n, columnKeys, "column")
	if !ok {
		return Column{}, false
	}
	c := Column{Comment: itemComment(n), Pos: pos(n)}
	v, ok := d.required(f, n, "id", "a column")
	if ok {
		c.ID, ok = d.id(v, "id")
	}
	if v, has := f.get("name"); has {
		c.Name, _ = d.str(v, "name")
	}
	if v, has := f.get("phase"); has {
		c.Phase, _ = d.str(v, "phase")
	}
	return c, ok
}

func (d *decoder) step(n *yaml.Node) (Step, bool) {
	f, ok := d.item(n, stepKeys, "step")
	if !ok {
		return Step{}, false
	}
	s := Step{Comment: comment(n), Pos: pos(n)}
	s.Comment, s.KeyComments, s.EndComment = keyComments(n, s.Comment)
	for _, key := range []string{"id", "lane", "column"} {
		v, has := d.required(f, n, key, "a step")
		if !has {
			ok = false
			continue
		}
		id, idOK := d.id(v, key)
		ok = ok && idOK
		switch key {
		case "id":
			s.ID = id
		case "lane":
			s.Lane = id
		case "column":
			s.Column = id
		}
	}
	text := func(key string, dst *string) {
		if v, has := f.get(key); has {
			var tok bool
			*dst, tok = d.str(v, key)
			ok = ok && tok
		}
	}
	text("text", &s.Text)
	text("owner", &s.Owner)
	text("fail", &s.Fail)
	text("recovery", &s.Recovery)
	text("notes", &s.Notes)
	if v, has := f.get("image"); has {
		var iok bool
		if s.Image, iok = d.str(v, "image"); iok {
			if err := CheckImagePath(s.Image); err != nil {
				d.errorf(v, "image: %v", err)
				iok = false
			}
		}
		ok = ok && iok
	}
	dur := func(key string, dst *Duration) {
		if v, has := f.get(key); has {
			var dok bool
			*dst, dok = d.duration(v, key)
			ok = ok && dok
		}
	}
	dur("duration", &s.Duration)
	dur("wait", &s.Wait)
	if v, has := f.get("queue"); has {
		var qok bool
		s.Queue, qok = d.queue(v)
		ok = ok && qok
		if c := queueComments(v); c != "" {
			kc := s.KeyComments["queue"]
			kc.Above = joinComments(kc.Above, c)
			s.KeyComments = withKeyComment(s.KeyComments, "queue", kc)
		}
	}
	if v, has := f.get("waiting"); has {
		var wok bool
		s.Waiting, wok = d.waiting(v)
		ok = ok && wok
	}
	if v, has := f.get("moment"); has {
		var bok bool
		s.Moment, bok = d.boolean(v, "moment")
		ok = ok && bok
	}
	if v, has := f.get("emotion"); has {
		e, eok := d.integer(v, "emotion")
		if eok && (e < -2 || e > 2) {
			d.errorf(v, "emotion must be between -2 and 2, not %d", e)
			eok = false
		}
		s.Emotion = e
		ok = ok && eok
	}
	if v, has := f.get("votes"); has {
		var vok bool
		s.Votes, vok = d.votes(v)
		ok = ok && vok
	}
	if v, has := f.get("tags"); has {
		s.Tags = d.strList(v, "tags")
	}
	settleStepComments(&s)
	return s, ok
}

// settleStepComments moves the comments of s that the canonical form
// cannot keep where they were: a comment above "id" (when it was not the
// first key) goes above the step, and the comments of keys the canonical
// form leaves out (moment: false, emotion: 0, an empty text ...) go after
// the step's last key. Nothing is lost, and saving twice gives the same
// file.
func settleStepComments(s *Step) {
	if len(s.KeyComments) == 0 {
		return
	}
	kept := make(map[string]KeyComment, len(s.KeyComments))
	end := ""
	for _, key := range stepKeys {
		c, ok := s.KeyComments[key]
		switch {
		case !ok:
			continue
		case key == "id":
			s.Comment, c.Above = joinComments(s.Comment, c.Above), ""
		case !s.hasKey(key):
			end = joinComments(end, joinComments(c.Above, c.Line))
			continue
		}
		if c != (KeyComment{}) {
			kept[key] = c
		}
	}
	s.KeyComments = kept
	if len(kept) == 0 {
		s.KeyComments = nil
	}
	s.EndComment = joinComments(end, s.EndComment)
}

func (d *decoder) flow(n *yaml.Node) (Flow, bool) {
	f, ok := d.item(n, flowKeys, "flow")
	if !ok {
		return Flow{}, false
	}
	fl := Flow{Comment: itemComment(n), Pos: pos(n)}
	if v, has := d.required(f, n, "from", "a flow"); has {
		var iok bool
		fl.From, iok = d.id(v, "from")
		ok = ok && iok
	} else {
		ok = false
	}
	if v, has := d.required(f, n, "to", "a flow"); has {
		var iok bool
		fl.To, iok = d.id(v, "to")
		ok = ok && iok
	} else {
		ok = false
	}
	if v, has := f.get("label"); has {
		fl.Label, _ = d.str(v, "label")
	}
	if v, has := f.get("two-way"); has {
		var bok bool
		fl.TwoWay, bok = d.boolean(v, "two-way")
		ok = ok && bok
	}
	return fl, ok
}

func (d *decoder) lint(n *yaml.Node) LintConfig {
	var c LintConfig
	if isNull(n) {
		return c
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "lint must be a mapping with \"disable\" and \"long-wait\", not %s", kindName(n))
		return c
	}
	f := fields(d.mapping(n, lintKeys, "lint"))
	if v, has := f.get("disable"); has {
		c.Disable = d.strList(v, "disable")
	}
	if v, has := f.get("long-wait"); has {
		c.LongWait, _ = d.duration(v, "long-wait")
	}
	return c
}

// defaultLineKind is the kind a line gets when its entry names none.
func defaultLineKind(id string) LineKind {
	for _, k := range LineKinds[:3] {
		if string(k) == id {
			return k
		}
	}
	return LineCustom
}

func laneKindNames() []string {
	out := make([]string, len(LaneKinds))
	for i, k := range LaneKinds {
		out[i] = string(k)
	}
	return out
}

func lineKindNames() []string {
	out := make([]string, len(LineKinds))
	for i, k := range LineKinds {
		out[i] = string(k)
	}
	return out
}

func lineStyleNames() []string {
	out := make([]string, len(LineStyles))
	for i, s := range LineStyles {
		out[i] = string(s)
	}
	return out
}

// didYouMean returns "; did you mean X?" for the closest of options, or a
// list of the options when none is close.
func didYouMean(s string, options []string) string {
	if m := suggest(s, options); m != "" {
		return fmt.Sprintf("; did you mean %q?", m)
	}
	return fmt.Sprintf("; use one of %v", options)
}

// keyComments collects the comments inside a step's block mapping n: by
// key, the comment lines above the key and at the end of its line, and the
// comment after the last key. A comment above the first key joins the
// step's own comment, item, which it returns with them. A comment that
// yaml.v3 attaches below a key (one set off by a blank line) is kept above
// the next key.
func keyComments(n *yaml.Node, item string) (string, map[string]KeyComment, string) {
	var m map[string]KeyComment
	pending := ""
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		above := joinComments(pending, joinComments(k.HeadComment, v.HeadComment))
		pending = joinComments(k.FootComment, v.FootComment)
		if i == 0 {
			item, above = joinComments(item, above), ""
		}
		kc := KeyComment{Above: above, Line: joinComments(k.LineComment, v.LineComment)}
		if kc == (KeyComment{}) {
			continue
		}
		if m == nil {
			m = make(map[string]KeyComment)
		}
		m[k.Value] = kc
	}
	return item, m, joinComments(pending, n.FootComment)
}

// itemComment is the comment of a lane, line, column or flow, which are
// written on one line each: the comments above and after the item and,
// moved above it, any comments between its keys.
func itemComment(n *yaml.Node) string {
	c, keys, end := keyComments(n, comment(n))
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := keys[n.Content[i].Value]
		c = joinComments(c, joinComments(k.Above, k.Line))
	}
	return joinComments(c, end)
}
