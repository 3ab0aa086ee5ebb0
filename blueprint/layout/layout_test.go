package layout

import (
	"fmt"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
)

// fakeMeasure is a monospace measure: CJK characters are size wide, other
// characters 0.5 × size; every line is 1.2 × size high.
func fakeMeasure(text string, size float32, bold bool) (float32, float32) {
	w := float32(0)
	for _, r := range text {
		if IsCJK(r) {
			w += size
		} else {
			w += size / 2
		}
	}
	if bold {
		w *= 1.1
	}
	return w, size * 1.2
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		width     float32
		maxLines  int
		want      []string
		truncated bool
	}{
		{"fits", "Order coffee", 100, 4, []string{"Order coffee"}, false},
		{"latin by words", "Check the guest in and hand over the key", 100, 4,
			[]string{"Check the guest in", "and hand over the", "key"}, false},
		{"long word broken", "Supercalifragilistic", 50, 4, []string{"Supercalif", "ragilistic"}, false},
		{"cjk by characters", "顾客浏览商品并比较价格", 50, 4, []string{"顾客浏览商", "品并比较价", "格"}, false},
		{"cjk punctuation not at line start", "浏览商品，比较", 40, 4, []string{"浏览商品，", "比较"}, false},
		{"cjk opening bracket not at line end", "查看变更（比较）", 50, 4, []string{"查看变更", "（比较）"}, false},
		{"cjk opening quote not at line end", "店员说「欢迎」", 40, 4, []string{"店员说", "「欢迎」"}, false},
		{"brackets only", "（（（（（（", 40, 4, []string{"（（（", "（（（"}, false},
		{"mixed", "扫码 pay now", 50, 4, []string{"扫码 pay", "now"}, false},
		{"newlines kept", "Line one\nLine two", 200, 4, []string{"Line one", "Line two"}, false},
		{"ellipsis", "one two three four five six", 40, 2, []string{"one two", "three…"}, true},
		{"cjk ellipsis", "一二三四五六七八九十", 40, 2, []string{"一二三四", "五六七…"}, true},
		{"empty", "", 100, 4, []string{""}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, tr := Wrap(tt.text, tt.width, 10, false, tt.maxLines, fakeMeasure)
			if !reflect.DeepEqual(got, tt.want) || tr != tt.truncated {
				t.Errorf("Wrap(%q) = %q, %v; want %q, %v", tt.text, got, tr, tt.want, tt.truncated)
			}
			for _, line := range got {
				if w, _ := fakeMeasure(line, 10, false); w > tt.width && !strings.ContainsAny(line, "，") {
					t.Errorf("line %q is %v wide, over %v", line, w, tt.width)
				}
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		text  string
		width float32
		want  string
	}{
		{"short", 100, "short"},
		{"a much longer label", 40, "a much…"},
		{"two\nlines", 100, "two"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := Truncate(tt.text, tt.width, 10, false, fakeMeasure); got != tt.want {
				t.Errorf("Truncate(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// testDoc is a small hotel blueprint with a stacked cell, a fail point, a
// wait point, a moment of truth and flows of every shape.
func testDoc() *blueprint.Document {
	d := blueprint.New("Hotel stay", blueprint.EnglishNames)
	d.Description = "Arrival to check-out"
	d.Columns = []blueprint.Column{
		{ID: "arrive", Phase: "Arrival", Name: "Arrive"},
		{ID: "checkin", Phase: "Arrival"},
		{ID: "room", Phase: "Stay"},
	}
	d.Steps = []blueprint.Step{
		{ID: "sign", Lane: "evidence", Column: "arrive", Text: "Hotel sign"},
		{ID: "arrive", Lane: "customer", Column: "arrive", Text: "Arrive at the hotel"},
		{ID: "greet", Lane: "frontstage", Column: "arrive", Text: "Doorman greets guest", Moment: true},
		{ID: "desk", Lane: "customer", Column: "checkin", Text: "Check in at the desk", Wait: 10 * blueprint.Minute, Emotion: -1},
		{ID: "keys", Lane: "frontstage", Column: "checkin", Text: "Hand over the key card", Fail: "Room not ready", Owner: "Front desk"},
		{ID: "lookup", Lane: "backstage", Column: "checkin", Text: "Look up the booking"},
		{ID: "pms", Lane: "support", Column: "checkin", Text: "Property management system"},
		{ID: "pms2", Lane: "support", Column: "checkin", Text: "Payment gateway"},
		{ID: "sleep", Lane: "customer", Column: "room", Text: "Sleep"},
		{ID: "clean", Lane: "backstage", Column: "room", Text: "Housekeeping cleans the room before the guest arrives and checks the minibar"},
	}
	d.Flows = []blueprint.Flow{
		{From: "arrive", To: "greet"},               // same column, blocked? no: adjacent lanes
		{From: "arrive", To: "desk", Label: "bags"}, // same lane, next column
		{From: "keys", To: "lookup", TwoWay: true},  // same column
		{From: "desk", To: "pms"},                   // same column, cards in between
		{From: "lookup", To: "clean"},               // across columns
		{From: "arrive", To: "sleep"},               // across a column
		{From: "missing", To: "desk"},               // dangling: left out
	}
	return d
}

func TestComputeStructure(t *testing.T) {
	l := Compute(testDoc(), DefaultStyle(), fakeMeasure)
	if l.Title == nil || l.Title.Text != "Hotel stay" || len(l.Description) != 1 {
		t.Fatalf("title block = %+v, %+v", l.Title, l.Description)
	}
	if len(l.Lanes) != 5 || len(l.Lines) != 3 || len(l.Columns) != 3 || len(l.Phases) != 2 {
		t.Fatalf("got %d lanes, %d lines, %d columns, %d phases", len(l.Lanes), len(l.Lines), len(l.Columns), len(l.Phases))
	}
	if len(l.Cards) != 10 || len(l.Flows) != 6 {
		t.Fatalf("got %d cards, %d flows; want 10, 6", len(l.Cards), len(l.Flows))
	}
	if l.Width != float32(int(l.Width)) || l.Height != float32(int(l.Height)) {
		t.Errorf("size %v × %v is not whole", l.Width, l.Height)
	}
	// Phases span their columns.
	if p := l.Phases[0]; p.Name != "Arrival" || p.First != 0 || p.Last != 1 || p.Rect.Right() < l.Columns[1].Rect.Right()-4 {
		t.Errorf("phase 0 = %+v", p)
	}
	// Lanes tile the grid top to bottom, with the emotion band under the
	// customer lane; each line sits on its lane's bottom, the line of
	// interaction under the band.
	if l.Emotion == nil || l.Emotion.Rect.Y != l.Lanes[1].Rect.Bottom() {
		t.Fatalf("emotion band %+v, customer lane %v", l.Emotion, l.Lanes[1].Rect)
	}
	bottom := func(i int) float32 {
		if i == 1 {
			return l.Emotion.Rect.Bottom()
		}
		return l.Lanes[i].Rect.Bottom()
	}
	for i := 1; i < len(l.Lanes); i++ {
		if l.Lanes[i].Rect.Y != bottom(i-1) {
			t.Errorf("lane %d starts at %v, previous ends at %v", i, l.Lanes[i].Rect.Y, bottom(i-1))
		}
	}
	for _, ln := range l.Lines {
		li := l.laneIndex[map[string]string{"interaction": "customer", "visibility": "frontstage", "internal": "backstage"}[ln.ID]]
		if ln.Y != bottom(li) {
			t.Errorf("line %s at %v, want %v", ln.ID, ln.Y, bottom(li))
		}
	}
	if l.Lines[1].Style != blueprint.StyleDashed || l.Lines[2].Style != blueprint.StyleDashDot {
		t.Errorf("line styles = %v, %v", l.Lines[1].Style, l.Lines[2].Style)
	}
	// Cards stay inside their cells and do not overlap.
	for i, c := range l.Cards {
		lane, col, ok := l.CellAt(c.Rect.Center())
		if !ok || lane != c.Lane || col != c.Column {
			t.Errorf("card %s centre is in cell %s/%s", c.StepID, lane, col)
		}
		for _, o := range l.Cards[i+1:] {
			if c.Rect.Intersects(o.Rect) {
				t.Errorf("cards %s and %s overlap", c.StepID, o.StepID)
			}
		}
	}
	if l.Legend == nil || len(l.Legend.Items) != 6 {
		t.Errorf("legend = %+v", l.Legend)
	}
}

func TestBadges(t *testing.T) {
	l := Compute(testDoc(), DefaultStyle(), fakeMeasure)
	kinds := func(id string) []string {
		var out []string
		for _, b := range l.Card(id).Badges {
			out = append(out, fmt.Sprintf("%d:%s", b.Kind, b.Label.Text))
		}
		return out
	}
	tests := []struct {
		step string
		want []string
	}{
		{"keys", []string{"0:F", "4:Front desk"}},
		{"desk", []string{"1:W 10m", "2:-1"}},
		{"greet", []string{"3:"}},
		{"sleep", nil},
	}
	for _, tt := range tests {
		t.Run(tt.step, func(t *testing.T) {
			if got := kinds(tt.step); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("badges = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestLinkBadges checks the badges of flows to steps outside the drawing:
// pills after the others, making room on the card's top edge.
func TestLinkBadges(t *testing.T) {
	st := DefaultStyle()
	plain := Compute(testDoc(), st, fakeMeasure)
	st.Links = map[string][]Link{
		"desk":  {{Out: true, To: "Stay"}, {To: "Arrival"}},
		"sleep": {{To: "Dinner"}},
	}
	l := Compute(testDoc(), st, fakeMeasure)
	var got []string
	for _, b := range l.Card("desk").Badges {
		got = append(got, b.Label.Text)
	}
	if want := []string{"W 10m", "-1", "→ Stay", "← Arrival"}; !reflect.DeepEqual(got, want) {
		t.Errorf("desk badges %q, want %q", got, want)
	}
	bs := l.Card("desk").Badges
	if bs[2].Kind != BadgeLink || bs[2].Rect.X < bs[1].Rect.Right() || bs[3].Rect.X < bs[2].Rect.Right() {
		t.Errorf("link pills overlap or are not links: %+v", bs)
	}
	// A card that had no top badges gets room for them.
	if a, b := plain.Card("sleep").Rect.H, l.Card("sleep").Rect.H; b <= a {
		t.Errorf("sleep card %v high with a link badge, %v without", b, a)
	}
	// Pills that do not fit are cut short, or left out: none sticks out
	// of the card.
	long := strings.Repeat("Very long phase name ", 6)
	st.Links = map[string][]Link{"desk": {{Out: true, To: long}, {To: long, More: 3}}}
	l = Compute(testDoc(), st, fakeMeasure)
	c := l.Card("desk")
	links := 0
	for _, b := range c.Badges {
		if b.Kind != BadgeLink {
			continue
		}
		links++
		if b.Rect.Right() > c.Rect.Right()-st.CardPadding+0.01 {
			t.Errorf("link pill %q ends at %v, past the card's %v", b.Label.Text, b.Rect.Right(), c.Rect.Right())
		}
		if !strings.HasSuffix(b.Label.Text, Ellipsis) {
			t.Errorf("long link %q not cut short", b.Label.Text)
		}
	}
	if links == 0 {
		t.Error("no link pill at all")
	}
}

func TestStacking(t *testing.T) {
	l := Compute(testDoc(), DefaultStyle(), fakeMeasure)
	ids := l.CellCards("support", "checkin")
	if !reflect.DeepEqual(ids, []string{"pms", "pms2"}) {
		t.Fatalf("support/checkin cell = %v", ids)
	}
	a, b := l.Card("pms").Rect, l.Card("pms2").Rect
	if b.Y < a.Bottom()+DefaultStyle().CardGap-0.01 || a.X != b.X || a.W != b.W {
		t.Errorf("stacked cards %+v and %+v", a, b)
	}
	lane := l.Lanes[4].Rect
	if a.Y-lane.Y < DefaultStyle().LanePadding-1 || lane.Bottom()-b.Bottom() < DefaultStyle().LanePadding-1 {
		t.Errorf("stack %v–%v not padded in lane %+v", a.Y, b.Bottom(), lane)
	}
}

func TestColumnWidening(t *testing.T) {
	st := DefaultStyle()
	d := blueprint.New("", blueprint.EnglishNames)
	d.Columns = []blueprint.Column{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	d.Steps = []blueprint.Step{
		{ID: "s1", Lane: "customer", Column: "a", Text: "Hi"},
		{ID: "s2", Lane: "customer", Column: "b", Text: "A somewhat longer card text"},
		{ID: "s3", Lane: "customer", Column: "c", Text: strings.Repeat("very long text ", 20)},
	}
	l := Compute(d, st, fakeMeasure)
	w := []float32{l.Columns[0].Rect.W, l.Columns[1].Rect.W, l.Columns[2].Rect.W}
	if w[0] != st.MinColumnWidth {
		t.Errorf("short column is %v wide, want the minimum %v", w[0], st.MinColumnWidth)
	}
	if !(w[1] > w[0] && w[1] < st.MaxColumnWidth) {
		t.Errorf("medium column is %v wide, want between %v and %v", w[1], w[0], st.MaxColumnWidth)
	}
	if w[2] != st.MaxColumnWidth {
		t.Errorf("long column is %v wide, want the maximum %v", w[2], st.MaxColumnWidth)
	}
	if c := l.Card("s3"); !c.Truncated || len(c.Lines) != st.MaxLines || !strings.HasSuffix(c.Lines[st.MaxLines-1].Text, Ellipsis) {
		t.Errorf("long card: truncated %v, lines %d", c.Truncated, len(c.Lines))
	}
	if c := l.Card("s2"); len(c.Lines) != 1 {
		t.Errorf("medium card wrapped into %d lines, want 1", len(c.Lines))
	}
}

func TestRoutes(t *testing.T) {
	l := Compute(testDoc(), DefaultStyle(), fakeMeasure)
	tests := []struct {
		from, to string
		heads    int
		check    func(r *Route) string
	}{
		{"arrive", "greet", 1, func(r *Route) string {
			if len(r.Points) != 2 || r.Points[0].X != r.Points[1].X {
				return "same-column flow is not one vertical segment"
			}
			if r.Heads[0].Dir != (Point{0, 1}) {
				return "head does not point down"
			}
			return ""
		}},
		{"arrive", "desk", 1, func(r *Route) string {
			if r.Label == nil || r.Label.Text != "bags" {
				return "label missing"
			}
			if r.Heads[0].Tip.X != l.Card("desk").Rect.X {
				return "head not at the target's left edge"
			}
			return ""
		}},
		{"keys", "lookup", 2, func(r *Route) string {
			if r.Heads[1].Dir != (Point{0, -1}) {
				return "second head does not point up"
			}
			return ""
		}},
		{"desk", "pms", 1, func(r *Route) string {
			for i := 0; i+1 < len(r.Points); i++ {
				for _, id := range []string{"keys", "lookup"} {
					c := l.Card(id).Rect
					a, b := r.Points[i], r.Points[i+1]
					seg := Rect{min(a.X, b.X), min(a.Y, b.Y), abs32(a.X - b.X), abs32(a.Y - b.Y)}
					if seg.Intersects(c) {
						return "route crosses card " + id
					}
				}
			}
			return ""
		}},
		{"arrive", "sleep", 1, func(r *Route) string {
			c := l.Card("desk").Rect
			for i := 0; i+1 < len(r.Points); i++ {
				a, b := r.Points[i], r.Points[i+1]
				seg := Rect{min(a.X, b.X) - 0.5, min(a.Y, b.Y) - 0.5, abs32(a.X-b.X) + 1, abs32(a.Y-b.Y) + 1}
				if seg.Intersects(c) {
					return "route crosses card desk"
				}
			}
			return ""
		}},
	}
	for _, tt := range tests {
		t.Run(tt.from+"-"+tt.to, func(t *testing.T) {
			r := l.Route(FlowKey{tt.from, tt.to})
			if r == nil {
				t.Fatal("no route")
			}
			if len(r.Heads) != tt.heads {
				t.Errorf("%d heads, want %d", len(r.Heads), tt.heads)
			}
			for i := 0; i+1 < len(r.Points); i++ {
				if r.Points[i].X != r.Points[i+1].X && r.Points[i].Y != r.Points[i+1].Y {
					t.Errorf("segment %d is diagonal: %v → %v", i, r.Points[i], r.Points[i+1])
				}
			}
			if msg := tt.check(r); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func TestHitTesting(t *testing.T) {
	l := Compute(testDoc(), DefaultStyle(), fakeMeasure)
	keys := l.Card("keys").Rect
	tests := []struct {
		name     string
		p        Point
		card     string
		lane     string
		col      string
		inGrid   bool
		flowFrom string
	}{
		{"on a card", keys.Center(), "keys", "frontstage", "checkin", true, ""},
		{"empty cell", Point{l.Columns[2].Rect.Center().X, l.Lanes[0].Rect.Center().Y}, "", "evidence", "room", true, ""},
		{"lane header", Point{l.Grid.X + 5, l.Lanes[1].Rect.Center().Y}, "", "", "", false, ""},
		{"outside", Point{-10, -10}, "", "", "", false, ""},
		{"on a flow", Point{l.Route(FlowKey{"arrive", "greet"}).Points[0].X + 1, l.Card("arrive").Rect.Bottom() + 3}, "", "customer", "arrive", true, "arrive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, ok := l.CardAt(tt.p)
			if id != tt.card || ok != (tt.card != "") {
				t.Errorf("CardAt = %q, %v; want %q", id, ok, tt.card)
			}
			lane, col, ok := l.CellAt(tt.p)
			if ok != tt.inGrid || (ok && (lane != tt.lane || col != tt.col)) {
				t.Errorf("CellAt = %q, %q, %v; want %q, %q, %v", lane, col, ok, tt.lane, tt.col, tt.inGrid)
			}
			k, ok := l.FlowAt(tt.p, 4)
			if ok != (tt.flowFrom != "") || k.From != tt.flowFrom {
				t.Errorf("FlowAt = %v, %v; want from %q", k, ok, tt.flowFrom)
			}
		})
	}
	if r, ok := l.CardRect("keys"); !ok || r != keys {
		t.Errorf("CardRect(keys) = %v, %v", r, ok)
	}
	if _, ok := l.CardRect("nope"); ok {
		t.Error("CardRect(nope) found a card")
	}
}

func TestDeterministic(t *testing.T) {
	a := Compute(testDoc(), DefaultStyle(), fakeMeasure)
	for i := range 5 {
		b := Compute(testDoc(), DefaultStyle(), fakeMeasure)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("run %d differs from the first", i+1)
		}
	}
}

func TestDegenerateDocuments(t *testing.T) {
	tests := []struct {
		name string
		doc  *blueprint.Document
	}{
		{"nil", nil},
		{"empty", &blueprint.Document{}},
		{"no columns", &blueprint.Document{Lanes: blueprint.DefaultLanes(blueprint.EnglishNames)}},
		{"dangling refs", &blueprint.Document{
			Lanes:   []blueprint.Lane{{ID: "a"}},
			Lines:   []blueprint.Line{{ID: "x", Below: "zz"}},
			Columns: []blueprint.Column{{ID: "c"}},
			Steps:   []blueprint.Step{{ID: "s", Lane: "zz", Column: "c"}, {ID: "t", Lane: "a", Column: "c"}},
			Flows:   []blueprint.Flow{{From: "s", To: "t"}, {From: "t", To: "t"}, {From: "t", To: "t"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Compute(tt.doc, DefaultStyle(), fakeMeasure)
			if l.Width <= 0 || l.Height <= 0 {
				t.Errorf("size %v × %v", l.Width, l.Height)
			}
			if len(l.Flows) != 0 {
				t.Errorf("%d flows laid out, want 0", len(l.Flows))
			}
		})
	}
}

// TestNoFyne keeps the layout usable headless and from blueprint tools.
func TestNoFyne(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "fyne.io") {
		t.Error("blueprint/layout depends on Fyne")
	}
}

func TestTitleBlockWraps(t *testing.T) {
	d := testDoc()
	d.Description = strings.Repeat("A long description of the service. ", 200)
	d.Title = strings.Repeat("Title ", 300)
	l := Compute(d, DefaultStyle(), fakeMeasure)
	if len(l.Description) != descriptionLines || !strings.HasSuffix(l.Description[descriptionLines-1].Text, Ellipsis) {
		t.Errorf("description has %d lines", len(l.Description))
	}
	for _, ln := range l.Description {
		if ln.W > descriptionMaxWidth {
			t.Errorf("a description line is %v wide, over the readable %v", ln.W, descriptionMaxWidth)
		}
	}
	if !strings.HasSuffix(l.Title.Text, Ellipsis) {
		t.Error("an overlong title is not cut")
	}
	if limit := l.Grid.Right() + DefaultStyle().Margin; l.Width > limit+1 {
		t.Errorf("width %v grows past the grid (%v) for a long title block", l.Width, limit)
	}
}

func TestLegendListsUsedMarks(t *testing.T) {
	d := testDoc()
	d.Flows = nil
	for i := range d.Steps {
		d.Steps[i].Fail, d.Steps[i].Emotion = "", 0
	}
	l := Compute(d, DefaultStyle(), fakeMeasure)
	var kinds []LegendKind
	for _, it := range l.Legend.Items {
		kinds = append(kinds, it.Kind)
	}
	if !reflect.DeepEqual(kinds, []LegendKind{LegendWait, LegendMoment}) {
		t.Errorf("legend kinds = %v, want wait and moment", kinds)
	}
	empty := blueprint.New("", blueprint.EnglishNames)
	if l := Compute(empty, DefaultStyle(), fakeMeasure); l.Legend != nil {
		t.Errorf("a blueprint with no marks has a legend: %+v", l.Legend)
	}
}

// TestLegendExplainsFindingMarkers: the editor's finding markers get one
// legend entry per severity shown, after the other entries, in the
// labels' language; a style without markers (every export's) has none.
func TestLegendExplainsFindingMarkers(t *testing.T) {
	d := testDoc()
	d.Flows = nil
	for i := range d.Steps {
		d.Steps[i].Fail, d.Steps[i].Emotion = "", 0
	}
	st := DefaultStyle()
	st.MarkLegend = MarksError | MarksInfo
	st.Labels = LabelsIn(i18n.Simplified)
	l := Compute(d, st, fakeMeasure)
	var kinds []LegendKind
	var labels []string
	for _, it := range l.Legend.Items {
		kinds = append(kinds, it.Kind)
		labels = append(labels, it.Label.Text)
	}
	if want := []LegendKind{LegendWait, LegendMoment, LegendMarkError, LegendMarkInfo}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("legend kinds = %v, want %v", kinds, want)
	}
	if want := []string{"等待点", "真实瞬间", "检查结果：错误", "检查结果：提示"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("legend labels = %q, want %q", labels, want)
	}
	for _, it := range l.Legend.Items[2:] {
		if it.Sample.W != MarkSampleWidth || it.Sample.H <= 0 {
			t.Errorf("marker sample %+v", it.Sample)
		}
	}
	empty := blueprint.New("", blueprint.EnglishNames)
	if l := Compute(empty, st, fakeMeasure); l.Legend != nil {
		t.Errorf("a blueprint with no cards explains markers: %+v", l.Legend)
	}
}
