package present

import (
	"slices"
	"strings"
	"testing"

	"servicebp/assets"
	"servicebp/blueprint"
	"servicebp/blueprint/layout"
)

func loadHotel(t *testing.T) *blueprint.Document {
	t.Helper()
	data, err := assets.Template("hotel")
	if err != nil {
		t.Fatal(err)
	}
	d, err := blueprint.Parse("hotel.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// columns makes a document with one column per phase letter: "AAB" is two
// columns in phase A and one in phase B.
func columns(phases string) *blueprint.Document {
	d := blueprint.New("", blueprint.EnglishNames)
	d.Columns = nil
	for i, p := range phases {
		d.Columns = append(d.Columns, blueprint.Column{ID: "c" + string(rune('0'+i)), Phase: string(p)})
	}
	return d
}

func TestReveal(t *testing.T) {
	// Each action is applied in turn; want is Current after it.
	type step struct {
		action string
		want   int
	}
	tests := []struct {
		name   string
		phases string
		steps  []step
	}{
		{"next and prev stop at the ends", "AAB", []step{
			{"prev", 0}, {"next", 1}, {"next", 2}, {"next", 2}, {"prev", 1}, {"prev", 0}, {"prev", 0},
		}},
		{"home and end", "AABBB", []step{{"end", 4}, {"home", 0}, {"next", 1}, {"end", 4}}},
		{"next phase completes the current phase first", "AAABBC", []step{
			{"nextphase", 2}, {"nextphase", 4}, {"nextphase", 5}, {"nextphase", 5},
		}},
		{"next phase from the middle of a phase", "AAABBC", []step{
			{"next", 1}, {"nextphase", 2}, {"next", 3}, {"nextphase", 4},
		}},
		{"prev phase hides the current phase", "AAABBC", []step{
			{"end", 5}, {"prevphase", 4}, {"prevphase", 2}, {"prevphase", 0}, {"prevphase", 0},
		}},
		{"prev phase from a partly revealed phase", "AAABBC", []step{
			{"next", 1}, {"next", 2}, {"next", 3}, {"prevphase", 2},
		}},
		{"columns without phases form runs", "A  B", []step{
			{"nextphase", 2}, {"nextphase", 3}, {"prevphase", 2}, {"prevphase", 0},
		}},
		{"one column", "A", []step{{"next", 0}, {"nextphase", 0}, {"end", 0}, {"prevphase", 0}}},
		{"no columns", "", []step{{"next", -1}, {"end", -1}, {"nextphase", -1}, {"prevphase", -1}, {"home", -1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := columns(tc.phases)
			r := NewReveal(d)
			if want := min(0, len(d.Columns)-1); r.Current() != want {
				t.Fatalf("starts at %d, want %d", r.Current(), want)
			}
			for i, s := range tc.steps {
				before := r.Current()
				var changed bool
				switch s.action {
				case "next":
					changed = r.Next()
				case "prev":
					changed = r.Prev()
				case "home":
					changed = r.Home()
				case "end":
					changed = r.End()
				case "nextphase":
					changed = r.NextPhase()
				case "prevphase":
					changed = r.PrevPhase()
				default:
					t.Fatalf("unknown action %q", s.action)
				}
				if r.Current() != s.want {
					t.Fatalf("step %d (%s): current %d, want %d", i, s.action, r.Current(), s.want)
				}
				if changed != (before != s.want) {
					t.Errorf("step %d (%s): reported changed=%v going %d → %d", i, s.action, changed, before, s.want)
				}
			}
		})
	}
}

func TestRevealRevealed(t *testing.T) {
	r := NewReveal(columns("AABB"))
	r.Next()
	var got []bool
	for i := -1; i <= 4; i++ {
		got = append(got, r.Revealed(i))
	}
	if want := []bool{false, true, true, false, false, false}; !slices.Equal(got, want) {
		t.Errorf("revealed %v, want %v", got, want)
	}
	if r.Phase() != 0 || r.Columns() != 4 || len(r.Phases()) != 2 {
		t.Errorf("phase %d, columns %d, phases %d", r.Phase(), r.Columns(), len(r.Phases()))
	}
	r.End()
	if r.Phase() != 1 {
		t.Errorf("at the end the phase is %d, want 1", r.Phase())
	}
}

func TestRevealFollowsDocument(t *testing.T) {
	tests := []struct {
		name       string
		start, set int
		phases     string
		want       int
	}{
		{"columns removed past current", 5, 5, "AA", 1},
		{"columns added keep current", 5, 2, "AAAAAAAA", 2},
		{"all columns removed", 5, 5, "", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewReveal(columns("AAAAAA"))
			r.Set(tc.set)
			r.SetDocument(columns(tc.phases))
			if r.Current() != tc.want {
				t.Errorf("current %d, want %d", r.Current(), tc.want)
			}
			if len(tc.phases) > 0 {
				r.SetDocument(columns(tc.phases + "B"))
				if r.Current() != tc.want {
					t.Errorf("after adding a column: current %d, want %d", r.Current(), tc.want)
				}
			}
		})
	}
}

func TestSpotlightHotel(t *testing.T) {
	d := loadHotel(t)
	tests := []struct {
		name, seed string
		want       string
	}{
		{"touchpoint with its backstage and support", "desk-check-in",
			"ev-desk register desk-check-in clean-room assign-room pms linen key-system"},
		{"customer action pulls in the same slice", "register",
			"ev-desk register desk-check-in clean-room assign-room pms linen key-system"},
		{"a support system lights its whole column", "pms",
			"ev-desk register desk-check-in clean-room assign-room pms linen key-system"},
		{"the customer journey is not followed", "take-bags",
			"ev-cart hand-bags take-bags store-bags"},
		{"backstage work from an earlier column feeds the touchpoint", "deliver-bags",
			"store-bags ev-room enter-room deliver-bags"},
		{"feeders are followed deeper only", "deliver-food",
			"prepare-food kitchen-pos ev-tray eat deliver-food"},
		{"a shallower step in another column is not a feeder", "desk-check-out",
			"billing ev-bill settle desk-check-out prepare-bill payment"},
		{"backstage seed", "night-audit",
			"kitchen-pos ev-bed night-audit billing"},
		{"step with no flow in its column", "sleep", "ev-bed sleep"},
		{"evidence seed", "ev-menu", "ev-menu"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSpotlight(d, tc.seed)
			if s == nil {
				t.Fatalf("no spotlight for %q", tc.seed)
			}
			got := strings.Join(s.IDs(d), " ")
			want := strings.Fields(tc.want)
			slices.SortFunc(want, func(a, b string) int { return d.StepIndex(a) - d.StepIndex(b) })
			if got != strings.Join(want, " ") {
				t.Errorf("spotlight of %s:\n got %s\nwant %s", tc.seed, got, strings.Join(want, " "))
			}
			if s.Len() != len(want) || !s.Contains(tc.seed) || s.Seed != tc.seed {
				t.Errorf("len %d, contains seed %v, seed %q", s.Len(), s.Contains(tc.seed), s.Seed)
			}
		})
	}
}

func TestSpotlightEdges(t *testing.T) {
	// Custom lanes without kinds or lines: every lane counts as below the
	// line of interaction, and feeders are followed downwards.
	d := &blueprint.Document{
		Lanes:   []blueprint.Lane{{ID: "a", Kind: blueprint.LaneCustom}, {ID: "b", Kind: blueprint.LaneCustom}, {ID: "c", Kind: blueprint.LaneCustom}},
		Columns: []blueprint.Column{{ID: "x"}, {ID: "y"}},
		Steps: []blueprint.Step{
			{ID: "a1", Lane: "a", Column: "x"}, {ID: "b1", Lane: "b", Column: "x"}, {ID: "c1", Lane: "c", Column: "x"},
			{ID: "a2", Lane: "a", Column: "y"}, {ID: "b2", Lane: "b", Column: "y"},
		},
		Flows: []blueprint.Flow{
			{From: "a2", To: "b1"}, {From: "b1", To: "c1"}, {From: "a1", To: "a2"},
			{From: "b2", To: "b2"}, {From: "b2", To: "ghost"},
		},
	}
	tests := []struct {
		seed, want string
	}{
		{"a2", "b1 c1 a2"},
		{"a1", "a1"},
		{"b1", "b1 c1"},
		{"b2", "b2"},
	}
	for _, tc := range tests {
		t.Run(tc.seed, func(t *testing.T) {
			if got := strings.Join(NewSpotlight(d, tc.seed).IDs(d), " "); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("unknown step", func(t *testing.T) {
		s := NewSpotlight(d, "nope")
		if s != nil || s.Contains("a1") || s.Len() != 0 || s.Flow("a2", "b1") {
			t.Errorf("an unknown seed gives %v", s)
		}
	})
	t.Run("flows", func(t *testing.T) {
		s := NewSpotlight(d, "a2")
		if !s.Flow("a2", "b1") || s.Flow("a1", "a2") {
			t.Errorf("flow membership wrong")
		}
	})
}

func TestWindow(t *testing.T) {
	d := loadHotel(t)
	tests := []struct {
		name              string
		first, last       int
		columns           string
		steps, flows      int
		firstStep, noStep string
	}{
		{"arrival", 0, 2, "arrive bags check-in", 15, 10, "ev-exterior", "ev-hallway"},
		{"departure", 8, 9, "check-out depart", 9, 6, "ev-bill", "billing"},
		{"clamped", -3, 99, "arrive bags check-in to-room in-room order dinner night check-out depart", len(d.Steps), len(d.Flows), "ev-exterior", ""},
		{"empty", 5, 4, "", 0, 0, "", "ev-exterior"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := Window(d, tc.first, tc.last)
			var cols []string
			for _, c := range w.Columns {
				cols = append(cols, c.ID)
			}
			if got := strings.Join(cols, " "); got != tc.columns {
				t.Errorf("columns %q, want %q", got, tc.columns)
			}
			if len(w.Steps) != tc.steps || len(w.Flows) != tc.flows {
				t.Errorf("%d steps and %d flows, want %d and %d", len(w.Steps), len(w.Flows), tc.steps, tc.flows)
			}
			if tc.firstStep != "" && (len(w.Steps) == 0 || w.Steps[0].ID != tc.firstStep) {
				t.Errorf("first step is not %s", tc.firstStep)
			}
			if tc.noStep != "" && w.StepIndex(tc.noStep) >= 0 {
				t.Errorf("%s should be cut", tc.noStep)
			}
			if len(w.Lanes) != len(d.Lanes) || len(w.Lines) != len(d.Lines) || w.Title != d.Title {
				t.Errorf("lanes, lines or title not kept")
			}
			for _, f := range w.Flows {
				if w.StepIndex(f.From) < 0 || w.StepIndex(f.To) < 0 {
					t.Errorf("flow %s → %s leaves the window", f.From, f.To)
				}
			}
		})
	}
}

func TestLinks(t *testing.T) {
	d := loadHotel(t)
	tests := []struct {
		name        string
		first, last int
		want        map[string][]layout.Link
	}{
		// Arrival hands the bags and the guest over to the stay.
		{"arrival", 0, 2, map[string][]layout.Link{
			"store-bags":    {{Out: true, To: "Stay"}},
			"desk-check-in": {{Out: true, To: "Stay"}},
			"assign-room":   {{Out: true, To: "Stay"}},
		}},
		// The night, one column of the stay: links within the stay name
		// the column, the one to the departure names the phase.
		{"night", 7, 7, map[string][]layout.Link{
			"sleep":       {{To: "Dinner"}},
			"night-audit": {{To: "Order room service"}},
			"billing":     {{Out: true, To: "Departure"}},
		}},
		{"whole", 0, len(d.Columns) - 1, nil},
		{"empty", 5, 4, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Links(d, tc.first, tc.last)
			if len(got) != len(tc.want) {
				t.Errorf("links %v, want %v", got, tc.want)
			}
			for id, want := range tc.want {
				if !slices.Equal(got[id], want) {
					t.Errorf("%s: links %v, want %v", id, got[id], want)
				}
			}
		})
	}
}

// TestLinksNamePlaces checks what a link names: another phase by its
// name; a column of the window's own phase (a page of a wide phase) or of
// no phase by its name, else its id.
func TestLinksNamePlaces(t *testing.T) {
	d := columns("AAB ")
	d.Columns[1].Name = "Second"
	d.Steps = []blueprint.Step{
		{ID: "s0", Lane: "customer", Column: "c0"},
		{ID: "s1", Lane: "customer", Column: "c1"},
		{ID: "s2", Lane: "customer", Column: "c2"},
		{ID: "s3", Lane: "customer", Column: "c3"},
	}
	d.Columns[3].Phase = ""
	d.Flows = []blueprint.Flow{{From: "s0", To: "s1"}, {From: "s0", To: "s2"}, {From: "s3", To: "s0"}, {From: "s0", To: "s2", TwoWay: true}}
	got := Links(d, 0, 0)
	// One badge a direction: the two flows out (the two-way one repeats
	// one of them) name the first place and count the other.
	want := []layout.Link{{Out: true, To: "Second", More: 1}, {To: "c3"}}
	if !slices.Equal(got["s0"], want) {
		t.Errorf("links of s0 %v, want %v", got["s0"], want)
	}
	if text := layout.LinkText(got["s0"][0]); text != "→ Second +1" {
		t.Errorf("badge text %q", text)
	}
}
